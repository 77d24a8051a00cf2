import type { PairsTableRow } from "../../../core/curation/pairs-index";
import { sameRow } from "./same-row";
import type { ViewIds } from "./view-ids";

/*
 * Which rows the table renders and reads as it scrolls: pure, so the arithmetic is tested
 * without a browser (row-window.test.ts).
 */

/** Rows rendered beyond the visible ones on each side. */
export const OVERSCAN = 3;

/**
 * Rows are read from the worker in blocks of this many, with a block more on each side of the
 * rendered ones: a row scrolling into view is then there already, and renders once, not first
 * as a placeholder and again with its data.
 */
export const READ_BLOCK = 32;

/**
 * Rendered rows are keyed by their position modulo the most rows the viewport holds with its
 * overscan: any two windows then use nearly the same keys, so a scroll step reuses the elements
 * of the rows that left for the ones that came and changes their text, even when it moves a
 * whole screen. Modulo a larger number, a long step removed some 25 elements a row and created
 * as many, which was much of its cost.
 */
export function rowSlots(rendered: number, viewportPx: number, rowPx: number): number {
  return Math.max(rendered, Math.ceil(viewportPx / rowPx) + 1 + 2 * OVERSCAN);
}

/** The ids of the rows to read: whole blocks around the rendered rows `first` to `last`. */
export function readWindow(ids: ViewIds, first: number, last: number): string[] {
  if (last < first) return [];
  const from = Math.max(0, (Math.floor(first / READ_BLOCK) - 1) * READ_BLOCK);
  const to = Math.min(ids.length, (Math.ceil((last + 1) / READ_BLOCK) + 1) * READ_BLOCK);
  const out: string[] = [];
  for (let i = from; i < to; i++) out.push(ids.at(i) ?? "");
  return out;
}

/** Rows read from the worker, and the version of the pairs they were read at. */
export interface ReadRows {
  rows: ReadonlyMap<string, PairsTableRow>;
  version: number;
}

/** The rows to ask for: the ones missing, or all of them once the pairs changed. */
export function rowsToAsk(wanted: readonly string[], have: ReadRows, version: number): string[] {
  return have.version === version ? wanted.filter((id) => !have.rows.has(id)) : [...wanted];
}

/**
 * The rows for `wanted` after an answer read at `version`. A row that did not change keeps its
 * object, so the table's memoized rows skip it. A row missing from the answer stays when it was
 * not asked for (same version), and goes when the pairs changed (it was deleted).
 */
export function mergeRows(
  prev: ReadRows,
  found: readonly (PairsTableRow | null | undefined)[],
  wanted: readonly string[],
  version: number,
): ReadRows {
  const fresh = new Map<string, PairsTableRow>();
  for (const row of found) if (row) fresh.set(row.id, row);
  const rows = new Map<string, PairsTableRow>();
  for (const id of wanted) {
    const old = prev.rows.get(id);
    const row = fresh.get(id);
    if (row) rows.set(id, old && sameRow(old, row) ? old : row);
    else if (old && prev.version === version) rows.set(id, old);
  }
  return { rows, version };
}
