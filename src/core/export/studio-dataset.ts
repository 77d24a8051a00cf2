/**
 * The studio's curated documents as collections (`../collection.ts`), the shape every export
 * format reads. Review status decides which pairs travel; the documents themselves always do,
 * so a document whose pairs were all filtered out still reaches the pre-training mix as raw text.
 */
import type { InterchangeCollection } from "./collections-jsonl";

/** A pair's review status in the studio. */
export type PairStatus = "pending" | "accepted" | "rejected";

/** One pair as the studio stores it. */
export interface StudioPair {
  question: string;
  answer: string;
  status: PairStatus;
  /** True when a person changed the synthesizer's wording. Does not affect the filter. */
  edited?: boolean;
}

/** One studio document with its pairs, in the order the user sees them. */
export interface StudioDocument {
  id?: string;
  title: string;
  text: string;
  pairs: StudioPair[];
}

/**
 * Which pairs are exported: only those a person accepted, or every pair not rejected (accepted
 * and still pending), for users who review by exception.
 */
export type PairFilter = "accepted" | "non-rejected";

/** Whether a pair with `status` passes `filter`. */
export function keepsPair(status: PairStatus, filter: PairFilter): boolean {
  return filter === "accepted" ? status === "accepted" : status !== "rejected";
}

/**
 * One collection per document, in document order (an `InterchangeCollection` is a `Collection`
 * with optional `meta`), each holding a single entry with the pairs
 * that pass `filter`. Until the studio records multi-round links, no entry inherits from or is
 * followed by another, so every document is cooked as its own group (method spec, section 5).
 *
 * `source` is the document's index and `meta` carries its title (and id when set), so the
 * collections JSONL can be traced back to the project; only question and answer of each pair
 * are kept, since statuses and edit flags mean nothing to the cooker or the CLI.
 */
export function toCollections(
  docs: readonly StudioDocument[],
  filter: PairFilter,
): InterchangeCollection[] {
  return docs.map((doc, i) => [
    {
      text: doc.text,
      pairs: doc.pairs
        .filter((p) => keepsPair(p.status, filter))
        .map((p) => ({ question: p.question, answer: p.answer })),
      inheritsFromPrevious: false,
      followedByNext: false,
      source: i,
      meta: doc.id === undefined ? { title: doc.title } : { id: doc.id, title: doc.title },
    },
  ]);
}

/** How many documents and pairs a project holds, by review status (for the dataset card). */
export interface StudioCounts {
  documents: number;
  pairs: number;
  accepted: number;
  rejected: number;
  pending: number;
}

/** Counts documents and pairs by status, before any filter. */
export function countStudio(docs: readonly StudioDocument[]): StudioCounts {
  const counts: StudioCounts = {
    documents: docs.length,
    pairs: 0,
    accepted: 0,
    rejected: 0,
    pending: 0,
  };
  for (const doc of docs) {
    for (const pair of doc.pairs) {
      counts.pairs++;
      counts[pair.status]++;
    }
  }
  return counts;
}

/**
 * The share of reviewed pairs that were accepted: accepted / (accepted + rejected), or null when
 * nothing was reviewed yet. Pending pairs are left out because nobody has judged them; counting
 * them as failures would make a half-reviewed project look worse than it is.
 */
export function acceptanceRate(counts: Pick<StudioCounts, "accepted" | "rejected">): number | null {
  const reviewed = counts.accepted + counts.rejected;
  return reviewed === 0 ? null : counts.accepted / reviewed;
}
