import { FLAGS } from "../quality/flags";
import { TASK_TYPES } from "../quality/task-type";
import type { PairFacts } from "./facts";
import type { SortKey } from "./view";

/**
 * Sort keys for the curation table. Each pair's key is computed once (a number or a short
 * string), so sorting 100,000 pairs compares plain values, never `localeCompare`: that is
 * what keeps a sort change under the table's 100 ms budget.
 */

const STATUS_ORDER = { pending: 0, accepted: 1, rejected: 2 } as const;
const TASK_ORDER = new Map(TASK_TYPES.map((t, i) => [t, i]));
const FLAG_ORDER = new Map(FLAGS.map((f, i) => [f, i]));
/** Characters of text a text sort looks at: enough to order by, cheap to hold. */
const TEXT_KEY_CHARS = 48;

/** The rank of each document title in collation order, for sorting by document. */
export type TitleRank = (documentId: string) => number;

/** A comparable key: smaller sorts first (ascending). Missing values sort last either way. */
export function sortValue(key: SortKey, pair: PairFacts, titleRank: TitleRank): number | string {
  switch (key) {
    case "document":
      return titleRank(pair.documentId);
    case "question":
      return textKey(pair.question);
    case "answer":
      return textKey(pair.answer);
    case "status":
      return STATUS_ORDER[pair.status];
    case "grounding":
      return pair.grounding ?? Number.NaN;
    case "taskType":
      return pair.taskType === null ? Number.NaN : (TASK_ORDER.get(pair.taskType) ?? 99);
    case "flags":
      // More flags first when descending; among equal counts, by the first flag's badge order.
      return pair.flags.length === 0
        ? 0
        : pair.flags.length * 100 - Math.min(...pair.flags.map((f) => FLAG_ORDER.get(f) ?? 99));
    case "updated":
      return pair.updatedAt;
  }
}

/** Lower-cased, accents and leading punctuation dropped: "¿Qué…" sorts with "que". */
export function textKey(text: string): string {
  const head = text.slice(0, TEXT_KEY_CHARS * 2).toLowerCase();
  const plain = /[^ -~]/.test(head) ? head.normalize("NFKD").replace(/\p{M}/gu, "") : head;
  return plain.replace(/^[^\p{L}\p{N}]+/u, "").slice(0, TEXT_KEY_CHARS);
}

const isMissing = (v: number | string) => typeof v === "number" && Number.isNaN(v);

/**
 * Orders `items` (any handles, e.g. slots) by their key, then by document order (title rank,
 * pair index), then by id, so every sort is total and stable across reloads. Missing values
 * (no grounding, no task type) go last in both directions.
 */
export function sortByKey<T>(
  items: T[],
  desc: boolean,
  value: (item: T) => number | string,
  tieBreak: (a: T, b: T) => number,
): T[] {
  const keyed = items.map((item) => ({ item, v: value(item) }));
  const sign = desc ? -1 : 1;
  keyed.sort((a, b) => {
    const am = isMissing(a.v);
    const bm = isMissing(b.v);
    if (am !== bm) return am ? 1 : -1;
    if (!am && a.v !== b.v) return (a.v < b.v ? -1 : 1) * sign;
    return tieBreak(a.item, b.item);
  });
  return keyed.map((k) => k.item);
}

/** Document order: title rank, then the pair's index in its document, then id. */
export function documentOrder(a: PairFacts, b: PairFacts, titleRank: TitleRank): number {
  return (
    titleRank(a.documentId) - titleRank(b.documentId) ||
    a.index - b.index ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
