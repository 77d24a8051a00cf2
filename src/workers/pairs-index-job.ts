import type { KeepOnePlan } from "../core/curation/keep-one";
import type { PairStatus } from "../core/rows";
import type { PairFacts } from "../core/curation/facts";
import type { DocumentOption, PairsKeysResult, PairsTableRow } from "../core/curation/pairs-index";
import type { PairsView } from "../core/curation/view";

/** The requests the pairs index worker answers (see pairs-index.worker.ts). */
export type PairsIndexRequest =
  /** Forget everything (another project was opened). */
  | { kind: "reset" }
  /** Add or replace pairs (with the page's key of each, see below), and set document titles. */
  | { kind: "upsert"; rows: PairFacts[]; keys: Int32Array; titles: [string, string][] }
  | { kind: "remove"; ids: string[] }
  /** Set these pairs' status (a bulk status change stored as one sweep). */
  | { kind: "setStatus"; ids: string[]; status: PairStatus }
  /** Keep only these ids: the project's current pairs, after deletions elsewhere. */
  | { kind: "retain"; ids: string[] }
  | { kind: "query"; view: PairsView }
  /** Run each kind of filter once, after a load (see the worker). */
  | { kind: "warm" }
  | { kind: "rows"; ids: string[] }
  | { kind: "keepOne"; ids: string[] }
  | { kind: "documents"; text: string; limit: number }
  | { kind: "titles"; ids: string[] };

/**
 * A query's answer as it crosses to the page: the pairs as the keys the page gave them with
 * `upsert`, in one Int32Array that is transferred, not copied (features/curate/table/view-ids.ts).
 * `workerMs` is the query's own time in the worker.
 */
export interface PairsQueryWire extends PairsKeysResult {
  workerMs: number;
}

/** The answer to each request kind. */
export interface PairsIndexReplies {
  reset: null;
  upsert: { size: number };
  remove: { size: number };
  setStatus: { size: number };
  retain: { size: number; removed: number };
  query: PairsQueryWire;
  warm: null;
  rows: (PairsTableRow | null)[];
  keepOne: KeepOnePlan;
  documents: DocumentOption[];
  titles: string[];
}
