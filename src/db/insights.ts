import { Dexie } from "dexie";
import {
  addPairs,
  emptyInsights,
  summarize,
  type Insights,
  type InsightsPair,
} from "../core/insights/insights";
import type { DbContext } from "./context";
import { pairsOfProject } from "./cursor";
import { projectMarks, withMarks } from "./marks";
import { readOverlay } from "./sweeps";

/** Pairs per read: small enough that one batch never holds the page for long. */
export const INSIGHTS_BATCH = 2000;

export interface InsightsProgress {
  done: number;
  total: number;
}

export interface ReadInsightsOptions {
  batchSize?: number;
  onProgress?: (p: InsightsProgress) => void;
  /** Called between batches; return false to stop (the page was left or a newer read began). */
  live?: () => boolean;
  /** Awaited between batches, to give the page a turn (the browser passes a macrotask). */
  pause?: () => Promise<void>;
}

/** Thrown when `live` said stop. */
export class InsightsCancelled extends Error {
  override readonly name = "InsightsCancelled";
}

const project = (p: InsightsPair): InsightsPair => ({
  chunkId: p.chunkId,
  status: p.status,
  question: p.question,
  answer: p.answer,
  ...(p.taskType !== undefined ? { taskType: p.taskType } : {}),
  ...(p.quality !== undefined ? { quality: p.quality } : {}),
  ...(p.duplicate !== undefined ? { duplicate: p.duplicate } : {}),
  ...(p.stale !== undefined ? { stale: p.stale } : {}),
});

/** The chunk id in a compound index key `[projectId, state, chunkId]`. */
function chunkIdOf(key: unknown): string | null {
  return Array.isArray(key) && typeof key[2] === "string" ? key[2] : null;
}

/**
 * The Insights page's figures for one project. Reads the pairs' primary keys once (index keys
 * only), then the rows in key-ordered slices of `batchSize`, folding each slice into the running
 * totals and dropping it: memory stays at one batch whatever the project's size. Chunks and
 * which of them have a finished result come from index keys, so chunks without pairs count.
 * Not one transaction: on a project being edited, the figures are those of a moment during
 * the read, which is all a chart needs.
 */
export async function readInsights(
  ctx: DbContext,
  projectId: string,
  opts: ReadInsightsOptions = {},
): Promise<Insights> {
  const { db } = ctx;
  const size = Math.max(1, opts.batchSize ?? INSIGHTS_BATCH);
  const live = opts.live ?? (() => true);
  const [ids, chunkIds, finished] = await Promise.all([
    pairsOfProject(ctx, projectId).primaryKeys(),
    db.chunks.where("projectId").equals(projectId).primaryKeys(),
    Promise.all(
      (["done", "incomplete"] as const).map((state) =>
        db.results
          .where("[projectId+state+chunkId]")
          .between([projectId, state, Dexie.minKey], [projectId, state, Dexie.maxKey])
          .keys(),
      ),
    ),
  ]);
  const synthesized = new Set<string>();
  for (const key of finished.flat()) {
    const id = chunkIdOf(key);
    if (id !== null) synthesized.add(id);
  }
  const acc = emptyInsights();
  // Once, before any row: a sweep folded meanwhile is then in the rows already, and a mark
  // written meanwhile shows in the next figures (the signal below changes with it).
  const [overlay, marks] = await Promise.all([
    readOverlay(ctx, projectId),
    projectMarks(ctx, projectId),
  ]);
  opts.onProgress?.({ done: 0, total: ids.length });
  for (let from = 0; from < ids.length; from += size) {
    if (!live()) throw new InsightsCancelled();
    // A pair deleted since the keys were read comes back undefined; it is simply gone.
    const rows = (await db.pairs.bulkGet(ids.slice(from, from + size))).filter(
      (r) => r !== undefined,
    );
    addPairs(
      acc,
      (await withMarks(ctx, rows, marks)).map((r) => project(overlay.resolve(r))),
    );
    opts.onProgress?.({ done: Math.min(ids.length, from + size), total: ids.length });
    if (opts.pause) await opts.pause();
  }
  if (!live()) throw new InsightsCancelled();
  return summarize(acc, { chunkIds, synthesized });
}

/**
 * A cheap signal that changes when the figures may have: pair and chunk counts, the latest
 * pair edit, how many pairs wait for scoring, and finished results. Index reads only, for a
 * live query; it never reads the pairs themselves.
 */
export async function insightsSignal(ctx: DbContext, projectId: string): Promise<string> {
  const { db } = ctx;
  const [pairs, chunks, latest, stale, done, sweeps, marked] = await Promise.all([
    pairsOfProject(ctx, projectId).count(),
    db.chunks.where("projectId").equals(projectId).count(),
    db.pairs
      .where("[projectId+updatedAt]")
      .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
      .lastKey(),
    db.pairs.where("stale").equals(1).count(),
    db.results
      .where("[projectId+state+chunkId]")
      .between([projectId, "done", Dexie.minKey], [projectId, "done", Dexie.maxKey])
      .count(),
    // A bulk status change writes a sweep, and a duplicate mark its own row, not the pairs.
    db.sweeps.where("projectId").equals(projectId).primaryKeys(),
    db.marks
      .where("[projectId+at]")
      .between([projectId, Dexie.minKey], [projectId, Dexie.maxKey])
      .lastKey(),
  ]);
  return JSON.stringify([pairs, chunks, latest ?? null, stale, done, sweeps, marked ?? null]);
}
