/**
 * A Hugging Face dataset repository as files: the data files, a dataset card (README.md) and
 * `provenance.json`. Pure and deterministic (no clock: a date appears only when passed in), so
 * the same project exports the same bundle; `src/lib/zip.ts` packs it for download.
 */
import type { ExportFormat } from "./formats";
import { METHOD, renderDatasetCard, type HubFileRecord, type ProvenanceRecord } from "./hub-card";
import { acceptanceRate, type PairFilter, type StudioCounts } from "./studio-dataset";

export { sizeCategory, type HubFileRecord, type ProvenanceRecord } from "./hub-card";

/**
 * The formats a bundle can hold. `synthesizer-text` is left out: its examples span several
 * lines, and the Hub's loaders would read every line as a record.
 */
export type HubFormat = Exclude<ExportFormat, "synthesizer-text">;

/** Hub config name and repository path of each format, in the order the card lists them. */
export const HUB_FILES: Readonly<Record<HubFormat, { config: string; path: string }>> = {
  pretraining: { config: "pretrain", path: "data/pretrain.jsonl" },
  messages: { config: "messages", path: "data/messages.jsonl" },
  sharegpt: { config: "sharegpt", path: "data/sharegpt.jsonl" },
  alpaca: { config: "alpaca", path: "data/alpaca.jsonl" },
  "synthesizer-jsonl": { config: "synthesizer", path: "data/synthesizer.jsonl" },
  collections: { config: "collections", path: "data/collections.jsonl" },
};

/** How the pairs were synthesized and the data exported. Secrets have no place here. */
export interface Provenance {
  /** The synthesizer model's id, e.g. its Hub repository. */
  model: string;
  /** What ran it, e.g. "WebLLM (WebGPU)" or "an OpenAI-compatible server". No URLs with keys. */
  engine: string;
  settings: {
    maxModelLen: number;
    maxNewTokens: number;
    temperature: number;
    rounds: number;
    budget: "words" | "tokens";
  };
  seed: number;
  templatePack: { name: string; version: string | number };
  appVersion: string;
  counts: StudioCounts;
  /** The Export page's choices, when the bundle was made there. */
  export?: {
    pairFilter: PairFilter;
    rawRatio: number;
    questionOnly: boolean;
    generalTexts: number;
  };
  /** An ISO date or time, only when the caller wants one in the card. */
  createdAt?: string;
}

/** Everything a bundle is built from. */
export interface HubBundleInput {
  prettyName: string;
  /** A Hub license id, e.g. `cc-by-4.0`. */
  license: string;
  /** ISO 639-1 codes; a single code is accepted too. */
  language: string | readonly string[];
  provenance: Provenance;
  /** Each format's lines as `exportLines` yields them (each ending in "\n"). */
  data: Partial<Record<HubFormat, readonly string[]>>;
  description?: string;
  /** `owner/name`, for the card's loading example. */
  repoId?: string;
}

/**
 * The provenance as written, field by field. Copying named fields (never spreading the input)
 * means an engine config that happens to carry an API key or a server URL cannot leak into a
 * public repository through this object.
 */
function provenanceRecord(p: Provenance, files: HubFileRecord[]): ProvenanceRecord {
  const s = p.settings;
  const c = p.counts;
  const counts = {
    documents: c.documents,
    pairs: c.pairs,
    accepted: c.accepted,
    rejected: c.rejected,
    pending: c.pending,
  };
  const e = p.export;
  // Built in reading order (who ran what, how it was exported, then the results), since
  // provenance.json is meant to be read by people too.
  return {
    method: METHOD,
    model: p.model,
    engine: p.engine,
    settings: {
      maxModelLen: s.maxModelLen,
      maxNewTokens: s.maxNewTokens,
      temperature: s.temperature,
      rounds: s.rounds,
      budget: s.budget,
    },
    seed: p.seed,
    templatePack: { name: p.templatePack.name, version: p.templatePack.version },
    appVersion: p.appVersion,
    ...(e === undefined
      ? {}
      : {
          export: {
            pairFilter: e.pairFilter,
            rawRatio: e.rawRatio,
            questionOnly: e.questionOnly,
            generalTexts: e.generalTexts,
          },
        }),
    counts,
    acceptanceRate: acceptanceRate(counts),
    // Field by field here too: the order of provenance.json's keys does not depend on the caller.
    files: files.map((f) => ({
      config: f.config,
      path: f.path,
      ...(f.parquet === undefined ? {} : { parquet: f.parquet }),
      format: f.format,
      records: f.records,
    })),
    ...(p.createdAt === undefined ? {} : { createdAt: p.createdAt }),
  };
}

/** What the card and the provenance say besides the data files. */
export type HubCardInput = Omit<HubBundleInput, "data">;

/** The formats of a bundle in {@link HUB_FILES} order (the first is the default config). */
export function hubFormatOrder(formats: readonly HubFormat[]): HubFormat[] {
  return (Object.keys(HUB_FILES) as HubFormat[]).filter((f) => formats.includes(f));
}

/** Where a format's Parquet copy goes: beside its JSONL file. */
export function hubParquetPath(format: HubFormat): string {
  return HUB_FILES[format].path.replace(/\.jsonl$/, ".parquet");
}

/** The record of one data file, for {@link hubCardFiles}; `parquet` when it has a copy. */
export function hubFileRecord(format: HubFormat, records: number, parquet = false): HubFileRecord {
  const { config, path } = HUB_FILES[format];
  return { config, path, format, records, ...(parquet ? { parquet: hubParquetPath(format) } : {}) };
}

/**
 * `README.md` and `provenance.json` for data files written elsewhere (a worker that streams each
 * file into a zip and learns its record count at the end). `files` must be non-empty, in
 * {@link HUB_FILES} order, without empty files; {@link buildHubBundle} checks that.
 */
export function hubCardFiles(
  input: HubCardInput,
  files: HubFileRecord[],
): { "README.md": string; "provenance.json": string } {
  if (files.length === 0) throw new RangeError("a Hub bundle needs at least one non-empty file");
  const provenance = provenanceRecord(input.provenance, files);
  const readme = renderDatasetCard({
    prettyName: input.prettyName,
    license: input.license,
    language: typeof input.language === "string" ? [input.language] : input.language,
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(input.repoId === undefined ? {} : { repoId: input.repoId }),
    provenance,
  });
  return {
    "README.md": readme,
    "provenance.json": JSON.stringify(provenance, null, 2) + "\n",
  };
}

/**
 * The bundle's files, path → contents: `README.md`, `provenance.json`, then one data file per
 * format given, in {@link HUB_FILES} order (the first is the default config). Formats given with
 * no lines are left out, because the Hub cannot load an empty JSON file; if none is left, this
 * throws. Throws too on a line without its "\n", which would glue two records together.
 */
export function buildHubBundle(input: HubBundleInput): Record<string, string> {
  const files: HubFileRecord[] = [];
  const data: Record<string, string> = {};
  for (const format of Object.keys(HUB_FILES) as HubFormat[]) {
    const lines = input.data[format];
    if (lines === undefined || lines.length === 0) continue;
    const bad = lines.findIndex((l) => !l.endsWith("\n"));
    if (bad >= 0) throw new RangeError(`${format} line ${bad + 1} does not end with "\\n"`);
    const record = hubFileRecord(format, lines.length);
    files.push(record);
    data[record.path] = lines.join("");
  }
  return { ...hubCardFiles(input, files), ...data };
}
