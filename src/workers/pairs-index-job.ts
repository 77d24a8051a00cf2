import type { KeepOnePlan } from "../core/curation/keep-one";
import type { PairStatus } from "../core/rows";
import type { PairFacts } from "../core/curation/facts";
import type { DocumentOption, PairsQueryResult, PairsTableRow } from "../core/curation/pairs-index";
import type { PairsView } from "../core/curation/view";

/** The requests the pairs index worker answers (see pairs-index.worker.ts). */
export type PairsIndexRequest =
  /** Forget everything (another project was opened). */
  | { kind: "reset" }
  /** Add or replace pairs, and set document titles. */
  | { kind: "upsert"; rows: PairFacts[]; titles: [string, string][] }
  | { kind: "remove"; ids: string[] }
  /** Set these pairs' status (a bulk status change stored as one sweep). */
  | { kind: "setStatus"; ids: string[]; status: PairStatus }
  /** Keep only these ids: the project's current pairs, after deletions elsewhere. */
  | { kind: "retain"; ids: string[] }
  | { kind: "query"; view: PairsView }
  | { kind: "rows"; ids: string[] }
  | { kind: "keepOne"; ids: string[] }
  | { kind: "documents"; text: string; limit: number }
  | { kind: "titles"; ids: string[] };

/** The answer to each request kind. */
export interface PairsIndexReplies {
  reset: null;
  upsert: { size: number };
  remove: { size: number };
  setStatus: { size: number };
  retain: { size: number; removed: number };
  query: PairsQueryResult;
  rows: (PairsTableRow | null)[];
  keepOne: KeepOnePlan;
  documents: DocumentOption[];
  titles: string[];
}
