import type { TemplatePack } from "../../core/cook/template-pack";
import type { ExportFormat } from "../../core/export/formats";
import type { HubFormat } from "../../core/export/hub-bundle";
import type { PairFilter } from "../../core/export/studio-dataset";

export type ExportTarget = ExportFormat | "hub" | "project";

/** Everything the Export page lets the user choose. */
export interface ExportSettings {
  target: ExportTarget;
  filter: PairFilter;
  seed: number;
  pack: TemplatePack;
  rawRatio: number;
  questionOnly: boolean;
  general: { name: string; texts: string[] } | null;
  /** General tokens per domain token; null mixes in the whole file. */
  generalRatio: number | null;
  tokenizer: { name: string; json: ArrayBuffer } | null;
  hub: { prettyName: string; license: string; language: string; formats: HubFormat[] };
}

export const TARGETS: { value: ExportTarget; label: string; hint: string }[] = [
  {
    value: "pretraining",
    label: "Pre-training corpus",
    hint: 'Instruction-augmented texts, {"text": …} JSONL',
  },
  { value: "messages", label: "OpenAI chat messages", hint: "One conversation per pair" },
  { value: "sharegpt", label: "ShareGPT", hint: "conversations with human / gpt turns" },
  { value: "alpaca", label: "Alpaca", hint: "instruction, input, output" },
  {
    value: "synthesizer-jsonl",
    label: "Synthesizer fine-tuning (JSONL)",
    hint: "The synthesizer's own tagged format",
  },
  {
    value: "synthesizer-text",
    label: "Synthesizer fine-tuning (plain text)",
    hint: "Same, as a .txt file",
  },
  {
    value: "collections",
    label: "Collections JSONL",
    hint: "The ipt command's interchange format",
  },
  {
    value: "hub",
    label: "Hugging Face dataset bundle (.zip)",
    hint: "data/*.jsonl (flat formats also .parquet), README.md card, provenance.json",
  },
  {
    value: "project",
    label: "Project JSONL (studio)",
    hint: "One document per line with pair statuses",
  },
];

/** Method spec section 6: the from-scratch mix keeps 4/5 of documents raw. */
export const PAPER_FROM_SCRATCH_RAW_RATIO = 0.8;

export function fileName(projectName: string, target: ExportTarget): string {
  const slug =
    projectName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "project";
  const ext = target === "hub" ? "zip" : target === "synthesizer-text" ? "txt" : "jsonl";
  return `${slug}-${target}.${ext}`;
}
