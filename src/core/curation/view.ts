import type { Flag } from "../quality/flags";
import type { TaskType } from "../quality/task-type";
import type { PairStatus } from "../rows";

/**
 * One view of the project's pairs in the curation table: the filters, the search and the sort.
 * It is what the page's URL holds (see `url-query.ts`), so a view can be bookmarked.
 */

/** The columns the table sorts by. `document` is the document's title, then the pair's order. */
export type SortKey =
  "document" | "question" | "answer" | "status" | "grounding" | "taskType" | "flags" | "updated";

export const SORT_KEYS: readonly SortKey[] = [
  "document",
  "question",
  "answer",
  "status",
  "grounding",
  "taskType",
  "flags",
  "updated",
];

export interface PairsSort {
  key: SortKey;
  desc: boolean;
}

export interface PairsFilter {
  /** Any of these statuses; empty means every status. */
  statuses: PairStatus[];
  /** Any of these documents (ids); empty means every document. */
  documents: string[];
  /** Any of these shown task types; empty means every type. */
  taskTypes: TaskType[];
  /** Any of these flags; empty means flagged or not. */
  flags: Flag[];
  /** A grounding range, both ends included; a pair without a score never matches a range. */
  groundingMin: number | null;
  groundingMax: number | null;
}

export interface PairsView extends PairsFilter {
  /** Words to find in the question or the answer; the last word also matches as a prefix. */
  search: string;
  sort: PairsSort;
}

export const STATUSES: readonly PairStatus[] = ["pending", "accepted", "rejected"];

export const DEFAULT_SORT: PairsSort = { key: "document", desc: false };

/** Every pair, in document order. */
export const EMPTY_VIEW: PairsView = {
  statuses: [],
  documents: [],
  taskTypes: [],
  flags: [],
  groundingMin: null,
  groundingMax: null,
  search: "",
  sort: DEFAULT_SORT,
};

/** True when the view hides some pairs (a filter or a search is set). */
export function isFiltered(view: PairsView): boolean {
  return (
    view.statuses.length > 0 ||
    view.documents.length > 0 ||
    view.taskTypes.length > 0 ||
    view.flags.length > 0 ||
    view.groundingMin !== null ||
    view.groundingMax !== null ||
    view.search.trim() !== ""
  );
}

/** The view with its filters and search cleared, keeping its sort. */
export function clearFilters(view: PairsView): PairsView {
  return { ...EMPTY_VIEW, sort: view.sort };
}
