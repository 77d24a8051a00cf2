import type { StudioDocument, PairFilter } from "../core/export/studio-dataset";
import type { ExportFormat } from "../core/export/formats";
import type { HubFormat, Provenance } from "../core/export/hub-bundle";
import type { TemplatePack } from "../core/cook/template-pack";
import type { MixCounts } from "../core/export/formats";

/** What the Export page asks the export worker for. Everything is structured-cloneable. */
export interface ExportRequest {
  docs: StudioDocument[];
  filter: PairFilter;
  target:
    { kind: "file"; format: ExportFormat } | { kind: "hub"; formats: HubFormat[]; card: HubCard };
  seed: number;
  pack: TemplatePack;
  rawRatio: number;
  questionOnly: boolean;
  /** Every general-instruction text of the imported file, as "{question} {response}". */
  general: string[];
  /** General tokens per domain token (the paper's domain mix: 1); null mixes in every text. */
  generalRatio: number | null;
  /** The model's tokenizer.json, for exact counts; without it counts are a words estimate. */
  tokenizerJson?: ArrayBuffer;
}

export interface HubCard {
  prettyName: string;
  license: string;
  language: string;
  provenance: Provenance;
}

/** A preview of the current settings: three texts and the counts of every part of the mix. */
export interface PreviewRequest {
  kind: "preview";
  export: ExportRequest;
}

export interface PreviewResult {
  samples: { text: string; tokens: number }[];
  counts: MixCounts;
  exactTokens: boolean;
}

export type WorkerRequest = { kind: "export"; export: ExportRequest } | PreviewRequest;

export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportResult {
  blob: Blob;
  records: number;
}
