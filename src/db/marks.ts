import type { DbContext } from "./context";
import { readSinceInPages } from "./cursor";
import type { DuplicateMark, PairRow } from "./schema";
import { guardWrite } from "./storage-error";

/*
 * Duplicate marks (core/rows.ts, MarkRow): a pair's near-duplicate group, written by the quality
 * keeper into a table of its own and attached to pairs by the reads that show it (the pairs
 * table, the document view, insights, backups). Marks of deleted pairs may stay behind; every
 * read goes from pairs to marks, so they are never seen, and an undone deletion finds its mark.
 * A cleared mark stays as a row with `duplicate: null`, so the pairs table sees that it changed.
 */

/**
 * Above this many rows of one project, its marks are read in one range request instead of one
 * request per row: each request's answer is an event on the page's thread, and thousands of
 * them took longer than reading every mark of the project at once.
 */
const ONE_READ_FROM = 500;

/**
 * The rows with their duplicate marks attached (and any other `duplicate` removed). `known`: the
 * project's marks read once already (by a caller reading many batches), used instead of a read.
 */
export async function withMarks(
  ctx: DbContext,
  rows: PairRow[],
  known?: ReadonlyMap<string, DuplicateMark>,
): Promise<PairRow[]> {
  if (rows.length === 0) return rows;
  const projectId = rows[0]?.projectId ?? "";
  let markOf: (id: string, i: number) => DuplicateMark | null | undefined;
  if (known || (rows.length >= ONE_READ_FROM && rows.every((r) => r.projectId === projectId))) {
    const marks = known ?? (await projectMarks(ctx, projectId));
    markOf = (id) => marks.get(id);
  } else {
    const marks = await ctx.db.marks.bulkGet(rows.map((r) => r.id));
    markOf = (_, i) => marks[i]?.duplicate;
  }
  return rows.map((row, i) => {
    const mark = markOf(row.id, i);
    if (mark) return { ...row, duplicate: mark };
    if (!row.duplicate) return row;
    const { duplicate: _, ...rest } = row;
    return rest;
  });
}

export function sameMark(a: DuplicateMark | undefined | null, b: DuplicateMark | null): boolean {
  return (a ?? null) === null
    ? b === null
    : b !== null && a?.kind === b.kind && a.group === b.group;
}

/**
 * Sets or clears (`null`) the duplicate marks of pairs of `projectId`, in one transaction;
 * unchanged ones are not written. Returns how many changed.
 */
export async function saveDuplicateMarks(
  ctx: DbContext,
  projectId: string,
  marks: readonly { id: string; duplicate: DuplicateMark | null }[],
): Promise<number> {
  const { db } = ctx;
  if (marks.length === 0) return 0;
  return guardWrite(() =>
    db.transaction("rw", db.marks, async () => {
      const stored = await db.marks.bulkGet(marks.map((m) => m.id));
      const at = ctx.now();
      const puts = marks.flatMap((m, i) =>
        sameMark(stored[i]?.duplicate, m.duplicate)
          ? []
          : [{ id: m.id, projectId, duplicate: m.duplicate, at }],
      );
      if (puts.length > 0) await db.marks.bulkPut(puts);
      return puts.length;
    }),
  );
}

/** Marks per request when reading all of a project's (db/cursor.ts, `readSinceInPages`). */
const MARKS_PAGE = 5000;

/** Every stored mark of the project's pairs (and of pairs deleted since), by pair id. */
export function projectMarks(
  ctx: DbContext,
  projectId: string,
): Promise<Map<string, DuplicateMark>> {
  const { db } = ctx;
  // 100,000 marks in one request held the page's thread for over 100 ms; pages of 5,000 don't.
  return db.transaction("r", db.marks, async () => {
    const pages = await readSinceInPages(
      db.marks,
      "[projectId+at]",
      projectId,
      -Infinity,
      MARKS_PAGE,
      (m) => m.at,
    );
    const marks = new Map<string, DuplicateMark>();
    for (const page of pages) for (const m of page) if (m.duplicate) marks.set(m.id, m.duplicate);
    return marks;
  });
}

/**
 * The marks of the project's pairs with ids from `first` to `last` (both included), by pair id,
 * in one request over the marks' ids: for a page of pairs read in id order (db/cursor.ts).
 */
export async function marksBetween(
  ctx: DbContext,
  projectId: string,
  first: string,
  last: string,
): Promise<Map<string, DuplicateMark>> {
  const rows = await ctx.db.marks.where("id").between(first, last, true, true).toArray();
  return new Map(
    rows.flatMap((r) =>
      r.duplicate && r.projectId === projectId ? [[r.id, r.duplicate] as const] : [],
    ),
  );
}

/**
 * The marks of the project written at or after `since` (ms), as pair ids, leaving out the ids in
 * `seen` written exactly at `since` (the caller has them already). `latest` is the newest time,
 * and `edge` the ids written at it, for the next call.
 */
export async function marksWrittenSince(
  ctx: DbContext,
  projectId: string,
  since: number,
  seen: ReadonlySet<string> = new Set(),
): Promise<{ ids: string[]; latest: number; edge: Set<string> }> {
  const rows = (
    await ctx.db.marks
      .where("[projectId+at]")
      .between([projectId, since], [projectId, Infinity], true, true)
      .toArray()
  ).filter((r) => r.at !== since || !seen.has(r.id));
  const latest = rows.reduce((t, r) => Math.max(t, r.at), since);
  const edge = new Set(rows.filter((r) => r.at === latest).map((r) => r.id));
  if (latest === since) for (const id of seen) edge.add(id);
  return { ids: rows.map((r) => r.id), latest, edge };
}
