import type { TemplatePack } from "../core/cook/template-pack";
import type { ExportFormat, MixCounts } from "../core/export/formats";
import type { HubFormat, Provenance } from "../core/export/hub-bundle";
import type { PairFilter, StudioEntry } from "../core/export/studio-dataset";

/**
 * The export worker's protocol. The page never sends a whole project: it reads it from Dexie in
 * batches of whole collections and streams them, once per pass the worker asks for:
 *
 *   begin → { job, passes }, then per pass: batch … batch, end → "again" | the result
 *
 * Every message is structured-cloneable; each one is a `callWorker` request (workers/rpc.ts),
 * so the page waits for a batch's answer before sending the next and the worker's queue never
 * holds more than one batch.
 */

/** What an export is made of: the Export page's choices. */
export interface ExportRequest {
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

/** Starts a job over `collections` collections (the same number every pass). */
export interface BeginRequest {
  kind: "begin";
  export: ExportRequest;
  collections: number;
  /** A preview of the (first) format instead of the files; `counts` also counts the mix. */
  preview?: { counts: boolean };
}

export interface BeginReply {
  job: number;
  /** How many times the page must stream the project. */
  passes: number;
  /**
   * True when every pass takes every batch (a file, or a preview that counts): the page then
   * reads all the pairs up front with one cursor, rather than batch by batch.
   */
  everyBatch: boolean;
}

/** The next collections of the current pass, each one chain of entries. */
export interface BatchRequest {
  kind: "batch";
  job: number;
  collections: StudioEntry[][];
}

export interface BatchReply {
  /** False when the job needs no more batches this pass (a preview that has its samples). */
  more: boolean;
}

/** Ends the current pass. */
export interface EndRequest {
  kind: "end";
  job: number;
}

export type EndReply =
  | { kind: "again" }
  | { kind: "export"; result: ExportResult }
  | { kind: "preview"; result: PreviewResult };

/** Drops a job the page gave up on (an error, or a preview superseded by new settings). */
export interface AbortRequest {
  kind: "abort";
  job: number;
}

export type WorkerRequest = BeginRequest | BatchRequest | EndRequest | AbortRequest;

/** Three sample texts for the current settings and, when asked for, the mix's counts. */
export interface PreviewResult {
  samples: { text: string; tokens: number }[];
  counts: MixCounts;
  exactTokens: boolean;
}

/** Progress in steps of work: pairs read up front (if they are), then entries (chunks) streamed. */
export interface ExportProgress {
  done: number;
  total: number;
}

export interface ExportResult {
  blob: Blob;
  records: number;
}
