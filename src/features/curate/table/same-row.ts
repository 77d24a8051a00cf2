import type { PairsTableRow } from "../../../core/curation/pairs-index";

/**
 * Whether a row read again shows the same as the one on screen, so the table keeps the old
 * object and its memoized row skips a render. Every write of a row bumps `updatedAt`; a
 * document's title, a status sweep (one record for many pairs, db/sweeps.ts) and a duplicate
 * mark (db/marks.ts) change a row without one.
 */
export const sameRow = (a: PairsTableRow, b: PairsTableRow): boolean =>
  a.updatedAt === b.updatedAt &&
  a.title === b.title &&
  a.status === b.status &&
  a.group === b.group &&
  a.flags.length === b.flags.length &&
  a.flags.every((f, i) => f === b.flags[i]);
