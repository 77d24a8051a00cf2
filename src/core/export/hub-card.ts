/**
 * The dataset card (README.md) of a Hugging Face dataset bundle: YAML front matter the Hub reads
 * (configs, license, language, task and size categories) and a body a person reads. Rendered
 * from the same {@link ProvenanceRecord} that is written as `provenance.json`, so the two can
 * never disagree.
 */
import type { Provenance } from "./hub-bundle";
import { jsonLine } from "./jsonl";
import { plural } from "../plural";

/** The paper the method comes from. */
export const METHOD = {
  name: "Instruction Pre-Training",
  arxiv: "2406.14491",
  url: "https://arxiv.org/abs/2406.14491",
} as const;

/** One data file of the bundle, as listed in the card and the provenance. */
export interface HubFileRecord {
  /** The Hub config name, e.g. `pretrain`. */
  config: string;
  /** The path inside the dataset repository, e.g. `data/pretrain.jsonl`. */
  path: string;
  /** The studio's export format it was written in. */
  format: string;
  records: number;
  /** The same rows as Parquet, when the bundle has them; the configs load `path`. */
  parquet?: string;
}

/**
 * Everything `provenance.json` holds: the provenance given (field by field, see
 * `provenanceRecord`), plus the method, acceptance rate and files. Nothing else leaks.
 */
export interface ProvenanceRecord extends Omit<Provenance, "counts"> {
  method: typeof METHOD;
  counts: { documents: number; pairs: number; accepted: number; rejected: number; pending: number };
  /** accepted / (accepted + rejected); null before any review. */
  acceptanceRate: number | null;
  files: HubFileRecord[];
}

/** What the card shows besides the provenance. */
export interface CardFacts {
  prettyName: string;
  /** A Hub license id, e.g. `cc-by-4.0`, `apache-2.0`, `other`. */
  license: string;
  /** ISO 639-1 codes, e.g. `["en"]`. */
  language: readonly string[];
  /** A paragraph about the data; a generic one is written when absent. */
  description?: string;
  /** `owner/name` for the loading example; a placeholder when absent. */
  repoId?: string;
  provenance: ProvenanceRecord;
}

const SIZE_BUCKETS: readonly [number, string][] = [
  [1e3, "n<1K"],
  [1e4, "1K<n<10K"],
  [1e5, "10K<n<100K"],
  [1e6, "100K<n<1M"],
  [1e7, "1M<n<10M"],
  [1e8, "10M<n<100M"],
  [1e9, "100M<n<1B"],
  [1e10, "1B<n<10B"],
  [1e11, "10B<n<100B"],
  [1e12, "100B<n<1T"],
];

/**
 * The Hub's size category for `n` records. Each bucket's upper bound is exclusive, so 1,000
 * records is `1K<n<10K` (the Hub's own tooling draws the lines the same way).
 */
export function sizeCategory(n: number): string {
  for (const [limit, label] of SIZE_BUCKETS) if (n < limit) return label;
  return "n>1T";
}

/**
 * A user string as a YAML double-quoted scalar. JSON strings are valid there, and quoting
 * everything avoids YAML's surprises: `no` (Norwegian) read as false, `1.0` read as a number,
 * a colon in a name starting a mapping. `jsonLine` also escapes U+2028/U+2029, which YAML 1.1
 * treats as line breaks.
 */
export function yamlString(s: string): string {
  return jsonLine(s);
}

/** The YAML front matter, `---` lines included. Our own values are plain; user values quoted. */
export function frontMatter(facts: CardFacts): string {
  const records = Math.max(0, ...facts.provenance.files.map((f) => f.records));
  const lines = [
    "---",
    `pretty_name: ${yamlString(facts.prettyName)}`,
    `license: ${yamlString(facts.license)}`,
    "language:",
    ...facts.language.map((l) => `- ${yamlString(l)}`),
    "task_categories:",
    "- text-generation",
    "- question-answering",
    "tags:",
    "- instruction-pre-training",
    "- synthetic",
    "size_categories:",
    // The largest file decides: each config is one view of the same documents, not an addition.
    `- ${sizeCategory(records)}`,
    "configs:",
  ];
  facts.provenance.files.forEach((f, i) => {
    lines.push(`- config_name: ${f.config}`, "  data_files:", "  - split: train");
    lines.push(`    path: ${f.path}`);
    if (i === 0) lines.push("  default: true");
  });
  lines.push("---");
  return lines.join("\n") + "\n";
}

/** Whitespace runs (newlines included) as one space, so a value cannot break the Markdown. */
function oneLine(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function cell(s: string): string {
  return oneLine(s).replace(/\|/g, "\\|");
}

const ABOUT: Record<string, string> = {
  pretraining: 'instruction-augmented pre-training texts, one `{"text"}` per line',
  messages: 'chat fine-tuning, `{"messages": [user, assistant]}`, one pair per line',
  sharegpt: 'chat fine-tuning, `{"conversations": [human, gpt]}`, one pair per line',
  alpaca: '`{"instruction", "input", "output"}`, one pair per line',
  "synthesizer-jsonl": "the synthesizer's tagged format, one document per line",
  collections: "the collections JSONL of the `ipt` CLI, one collection per line",
};

function percent(rate: number | null): string {
  return rate === null ? "n/a (nothing reviewed)" : `${(rate * 100).toFixed(1)}%`;
}

function howMade(p: ProvenanceRecord): string[] {
  const s = p.settings;
  const lines = [
    `- Synthesizer model: \`${oneLine(p.model)}\`, run with ${oneLine(p.engine)}`,
    `- Synthesis settings: max model length ${s.maxModelLen} tokens, up to ${s.maxNewTokens} ` +
      `new tokens, temperature ${s.temperature}, ${plural(s.rounds, "round")}, length budget in ${s.budget}`,
    `- Seed: ${p.seed} (collection j is cooked with seed + j)`,
    `- Template pack: ${oneLine(p.templatePack.name)} (version ${p.templatePack.version})`,
  ];
  if (p.export) {
    const e = p.export;
    const filter = e.pairFilter === "accepted" ? "accepted pairs only" : "all pairs not rejected";
    lines.push(
      `- Pairs exported: ${filter}`,
      `- Share of documents kept as raw text: ${e.rawRatio}`,
      `- General-instruction texts mixed in: ${e.generalTexts}`,
      `- Chat formats: ${e.questionOnly ? "question alone" : "document text, then question"} in the user turn`,
    );
  }
  lines.push(`- Made with IPT Studio ${oneLine(p.appVersion)}`);
  if (p.createdAt !== undefined) lines.push(`- Created: ${oneLine(p.createdAt)}`);
  return lines;
}

/** The whole README.md: front matter, then the body. */
export function renderDatasetCard(facts: CardFacts): string {
  const p = facts.provenance;
  const c = p.counts;
  const repo = facts.repoId ?? "YOUR_USERNAME/YOUR_DATASET";
  const first = p.files[0]?.config ?? "default";
  const body = [
    `# ${oneLine(facts.prettyName)}`,
    "",
    oneLine(
      facts.description ??
        `Training data made from ${plural(c.documents, "document")} with ${METHOD.name}: a synthesizer ` +
          "model wrote instruction-response pairs about each document, people reviewed them, " +
          "and the documents were rendered together with their pairs into pre-training text.",
    ),
    "",
    "## Files",
    "",
    "| Config | File | Records | Contents |",
    "| --- | --- | --- | --- |",
    ...p.files.map(
      (f) =>
        `| \`${f.config}\` | \`${f.path}\`${f.parquet === undefined ? "" : `, \`${f.parquet}\``} | ${f.records} | ${cell(ABOUT[f.format] ?? f.format)} |`,
    ),
    "",
    ...(p.files.some((f) => f.parquet !== undefined)
      ? [
          "The configs load the JSONL files; each `.parquet` file holds the same rows as the JSONL",
          "file beside it, for tools that read Parquet.",
          "",
        ]
      : []),
    "```python",
    "from datasets import load_dataset",
    "",
    `ds = load_dataset(${JSON.stringify(repo)}, ${JSON.stringify(first)}, split="train")`,
    "```",
    "",
    "## How it was made",
    "",
    `The method is ${METHOD.name} ([arXiv:${METHOD.arxiv}](${METHOD.url})): instruction-response ` +
      "pairs synthesized from each raw document are rendered with it, through a template pack, " +
      "into one pre-training text.",
    "",
    ...howMade(p),
    "",
    "## Review",
    "",
    "| Documents | Pairs | Accepted | Rejected | Pending | Acceptance rate |",
    "| --- | --- | --- | --- | --- | --- |",
    `| ${c.documents} | ${c.pairs} | ${c.accepted} | ${c.rejected} | ${c.pending} | ` +
      `${percent(p.acceptanceRate)} |`,
    "",
    "The acceptance rate is accepted / (accepted + rejected): pending pairs were not judged.",
    "Every fact above is also in `provenance.json`.",
    "",
    "## Citation",
    "",
    `The method: "Instruction Pre-Training: Language Models are Supervised Multitask ` +
      `Learners", Cheng et al., 2024, [arXiv:${METHOD.arxiv}](${METHOD.url}).`,
  ];
  return frontMatter(facts) + "\n" + body.join("\n") + "\n";
}
