/**
 * The per-file import report: what the worker says about a file, what the database did with its
 * documents (added, or skipped as duplicates), and the one line the report shows for it.
 */
import { baseName } from "./formats";
import { reasons } from "./reasons";
import { plural } from "../plural";

/** A record that did not become a document: `bad JSON on line 3`. */
export interface RecordIssue {
  unit: "line" | "record" | "row";
  n: number;
  problem: string;
}

/** Files keep at most this many issues and duplicate titles; the totals are always exact. */
export const MAX_LISTED = 20;

export const issueText = (i: RecordIssue): string => `${i.problem} on ${i.unit} ${i.n}`;

/** A list capped at MAX_LISTED entries with an exact total. */
export interface CappedList<T> {
  items: T[];
  total: number;
}

export const emptyList = <T>(): CappedList<T> => ({ items: [], total: 0 });

export function addCapped<T>(list: CappedList<T>, item: T): void {
  list.total++;
  if (list.items.length < MAX_LISTED) list.items.push(item);
}

/** What the worker says about a file once it has sent all of its documents. */
export type WorkerFileOutcome =
  | { file: number; ok: true; issues: CappedList<RecordIssue> }
  | {
      file: number;
      ok: false;
      reason: string;
      /** Left out on purpose (an unsupported format) rather than broken. */
      skipped?: boolean;
      issues: CappedList<RecordIssue>;
    };

/** A document skipped because the project already had its text, under another title maybe. */
export interface Duplicate {
  title: string;
  /** The title of the document with the same text. */
  of: string;
}

/** What the database did with a file's documents. */
export interface StoredTally {
  added: number;
  duplicates: CappedList<Duplicate>;
}

export const emptyTally = (): StoredTally => ({ added: 0, duplicates: emptyList() });

export type FileStatus = "imported" | "skipped" | "failed" | "cancelled";

export interface FileReport {
  path: string;
  status: FileStatus;
  /** Documents stored from this file. */
  documents: number;
  /** The documents skipped as exact duplicates (capped) and their count. */
  duplicates: CappedList<Duplicate>;
  issues: CappedList<RecordIssue>;
  /** Why the file failed or was skipped, when it did not import. */
  reason?: string;
}

/**
 * A file's report from the worker's outcome and what was stored. A file that stored nothing
 * because every document was a duplicate is "skipped"; one that stored nothing for any other
 * reason "failed" with the first problem as its reason.
 */
export function fileReport(
  path: string,
  outcome: WorkerFileOutcome,
  tally: StoredTally,
): FileReport {
  const base = {
    path,
    documents: tally.added,
    duplicates: tally.duplicates,
    issues: outcome.issues,
  };
  if (!outcome.ok) {
    return { ...base, status: outcome.skipped ? "skipped" : "failed", reason: outcome.reason };
  }
  if (tally.added > 0) return { ...base, status: "imported" };
  if (tally.duplicates.total > 0) return { ...base, status: "skipped" };
  const first = outcome.issues.items[0];
  const name = baseName(path);
  return {
    ...base,
    status: "failed",
    reason: first ? reasons.noUsableRecords(name, issueText(first)) : reasons.noDocuments(name),
  };
}

/**
 * Credits a stored batch to its files. The database adds documents in order and skips
 * duplicates, so walking the batch beside the added rows tells which was which: a document is
 * the next added one exactly when its hash matches (a duplicate never comes before the first
 * document with its text, which is either added in this batch or already stored).
 */
export function creditBatch(
  tallies: Map<number, StoredTally>,
  docs: readonly { file: number; title: string; contentHash: string }[],
  added: readonly { contentHash: string }[],
  duplicates: readonly { duplicateOf: string }[],
): void {
  let a = 0;
  let d = 0;
  for (const doc of docs) {
    let tally = tallies.get(doc.file);
    if (!tally) tallies.set(doc.file, (tally = emptyTally()));
    if (added[a]?.contentHash === doc.contentHash) {
      tally.added++;
      a++;
    } else {
      addCapped(tally.duplicates, { title: doc.title, of: duplicates[d++]?.duplicateOf ?? "" });
    }
  }
}

/**
 * The short line the report shows beside the file's name and status: what was stored and
 * skipped. Empty when there is nothing to add to the status and the reason.
 */
export function reportSummary(r: FileReport): string {
  const parts: string[] = [];
  if (r.status === "imported") parts.push(plural(r.documents, "document"));
  else if (r.documents > 0) {
    const when = r.status === "cancelled" ? "before the cancel" : "before the failure";
    parts.push(`${plural(r.documents, "document")} stored ${when}`);
  } else if (r.status === "cancelled") parts.push("not read");
  if (r.duplicates.total > 0) {
    const n = r.duplicates.total;
    parts.push(
      r.status !== "skipped"
        ? `${plural(n, "duplicate")} skipped`
        : n === 1
          ? "already in the project"
          : `all ${n.toLocaleString("en-US")} documents already in the project`,
    );
  }
  const unit = r.issues.items[0]?.unit;
  if (unit && r.issues.total > 0) parts.push(plural(r.issues.total, `bad ${unit}`));
  return parts.join(" · ");
}

/** Totals for the report's heading. */
export function reportTotals(reports: readonly FileReport[]) {
  const count = (s: FileStatus) => reports.filter((r) => r.status === s).length;
  return {
    documents: reports.reduce((n, r) => n + r.documents, 0),
    /** Files that stored documents, cancelled or failed part-way ones included. */
    withDocuments: reports.filter((r) => r.documents > 0).length,
    duplicates: reports.reduce((n, r) => n + r.duplicates.total, 0),
    imported: count("imported"),
    skipped: count("skipped"),
    failed: count("failed"),
    cancelled: count("cancelled"),
  };
}
