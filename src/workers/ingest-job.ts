import type { BatchLimits } from "../core/ingest/batcher";
import type { IngestedDocument } from "../core/ingest/documents";
import type { IngestFormat, RecordFormat } from "../core/ingest/formats";
import type { WorkerFileOutcome } from "../core/ingest/report";
import type { JobSettings } from "../core/job-settings";

/**
 * What the page asks the ingest worker, and what it answers. Everything is structured-cloneable;
 * Files are passed by reference (the worker reads them itself, in slices or as streams).
 */

/** A file to read. `format` null means an extension the studio does not read. */
export interface IngestFile {
  index: number;
  path: string;
  file: Blob;
  format: IngestFormat | null;
  /** The field or column with the text, for record formats; null takes the default. */
  field: string | null;
}

/** Lists a record file's fields (JSON keys, CSV headers) from its first records. */
export interface InspectRequest {
  kind: "inspect";
  path: string;
  file: Blob;
  format: RecordFormat;
}

export interface InspectResult {
  /** Field names, those holding text first. */
  keys: string[];
  /** The field the import uses unless the user picks one ("text"), or null: the user must pick. */
  defaultField: string | null;
  /** The first records' values (cut short), to show what each field holds. */
  samples: Record<string, string>[];
  /** Why the file cannot be read, when it cannot; the import reports it again. */
  problem: string | null;
}

export interface IngestRequest {
  kind: "ingest";
  files: IngestFile[];
  settings: JobSettings;
  /** The project's tokenizer.json when it counts in tokens; words otherwise. */
  tokenizerJson: ArrayBuffer | null;
  batch?: BatchLimits;
}

export type IngestWorkerRequest = InspectRequest | IngestRequest;

/**
 * Documents to store, then the outcomes of files whose documents have all been sent (in this
 * message or before). The page acknowledges each batch once stored; the worker keeps at most
 * MAX_UNACKNOWLEDGED batches unacknowledged, so a fast parser never floods the page.
 */
export interface IngestBatch {
  kind: "batch";
  seq: number;
  docs: IngestedDocument[];
  outcomes: WorkerFileOutcome[];
}

/** How far the worker has read: files finished and bytes read over all files. */
export interface IngestReadProgress {
  kind: "read";
  filesRead: number;
  bytesRead: number;
  /** The file being read now, if any. */
  current: string | null;
}

export type IngestEvent = IngestBatch | IngestReadProgress;

export interface IngestAck {
  ack: number;
}

export interface IngestResult {
  documents: number;
}

export const MAX_UNACKNOWLEDGED = 2;
