import { Dexie } from "dexie";
import type { DbContext } from "./context";
import type { PairRow } from "./schema";

/*
 * Reading every pair of a large project, in pages. Each page is one request over the
 * `[projectId+id]` index (`getAll` with a count, under Dexie), starting after the last pair of
 * the page before: a cursor's answer is one event on the page's thread per row, which made
 * reading 100,000 pairs take seconds of small tasks, and `offset` walks from the start again
 * for every page. Pairs come as stored: a caller that shows statuses resolves them through the
 * pending sweeps (db/sweeps.ts), read before the pages.
 */

/** Pairs per request of a walk: one page is read and decoded in one task of the page's thread. */
const WALK_PAGE = 1000;

/**
 * The next `limit` pairs of the project in id order after the pair `after` (from the first when
 * null; `after` need not exist any more), in one request.
 */
export function readProjectPairs(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  limit: number,
): Promise<PairRow[]> {
  return ctx.db.pairs
    .where("[projectId+id]")
    .between([projectId, after ?? Dexie.minKey], [projectId, Dexie.maxKey], after === null, true)
    .limit(limit)
    .toArray();
}

/** What to do after a pair: go on, or stop here. */
type Step = "next" | "stop";

/**
 * Walks a project's pairs in id order, a page at a time, starting after the pair `after` (from
 * the first when null), calling `visit` for each until it answers "stop" or the pairs end.
 */
export async function walkProjectPairs(
  ctx: DbContext,
  projectId: string,
  after: string | null,
  visit: (pair: PairRow) => Step,
): Promise<void> {
  for (let from = after; ;) {
    const page = await readProjectPairs(ctx, projectId, from, WALK_PAGE);
    for (const pair of page) if (visit(pair) === "stop") return;
    const last = page.at(-1);
    if (!last || page.length < WALK_PAGE) return;
    from = last.id;
  }
}
