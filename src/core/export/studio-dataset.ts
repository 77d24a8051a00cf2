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
 * One chunk of a studio document with its pairs: the unit every export format reads. A document
 * that is a single chunk is a single entry (any {@link StudioDocument} is a valid entry); `id`
 * and `title` are the document's.
 */
export interface StudioEntry extends StudioDocument {
  /** The chunk's index in its document, set only when the document has several chunks. */
  chunk?: number;
  /** Synthesized with the previous entry of its collection as a demonstration (section 4). */
  inheritsFromPrevious?: boolean;
  /** The next entry of its collection was synthesized with this one as a demonstration. */
  followedByNext?: boolean;
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

/** What the collections JSONL's `meta` says about an entry, so it can be traced to the project. */
function entryMeta(entry: StudioEntry): Record<string, unknown> {
  return {
    ...(entry.id === undefined ? {} : { id: entry.id }),
    title: entry.title,
    ...(entry.chunk === undefined ? {} : { chunk: entry.chunk }),
  };
}

/**
 * One collection from the entries of one multi-round chain, in chain order, each entry holding
 * the pairs that pass `filter`. Only a later entry can inherit from the one before it, and only
 * an earlier one can be followed, so a chain cut short (an entry deleted since) stays coherent.
 *
 * `source` counts entries from `firstSource` and `meta` carries the document's title (its id
 * and the chunk index when set), so the collections JSONL can be traced back to the project;
 * only question and answer of each pair are kept, since statuses and edit flags mean nothing to
 * the cooker or the CLI.
 */
export function toCollection(
  entries: readonly StudioEntry[],
  filter: PairFilter,
  firstSource = 0,
): InterchangeCollection {
  const last = entries.length - 1;
  return entries.map((entry, i) => ({
    text: entry.text,
    pairs: entry.pairs
      .filter((p) => keepsPair(p.status, filter))
      .map((p) => ({ question: p.question, answer: p.answer })),
    inheritsFromPrevious: i > 0 && entry.inheritsFromPrevious === true,
    followedByNext: i < last && entry.followedByNext === true,
    source: firstSource + i,
    meta: entryMeta(entry),
  }));
}

/**
 * One unlinked single-entry collection per document, in document order (an
 * `InterchangeCollection` is a `Collection` with optional `meta`): every document is cooked as
 * its own group (method spec, section 5). `source` is the document's index.
 */
export function toCollections(
  docs: readonly StudioDocument[],
  filter: PairFilter,
): InterchangeCollection[] {
  return docs.map((doc, i) => toCollection([doc], filter, i));
}

/**
 * Collections from entries already grouped into multi-round chains (see `toCollection`), in
 * the order given; `source` counts entries across all of them.
 */
export function toChainedCollections(
  chains: readonly (readonly StudioEntry[])[],
  filter: PairFilter,
  firstSource = 0,
): InterchangeCollection[] {
  let source = firstSource;
  return chains.map((chain) => {
    const collection = toCollection(chain, filter, source);
    source += chain.length;
    return collection;
  });
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
