import { Dexie } from "dexie";
import { STATUSES } from "../core/curation/view";
import type { SweepPart } from "../core/rows";
import type { DbContext } from "./context";
import { readPairsByIds } from "./cursor";
import type { PairRow, PairStatus, SweepRow } from "./schema";

/*
 * Status sweeps: a bulk accept, reject or reset stored as one record (core/rows.ts, SweepRow).
 * Writing 50,000 pair rows takes IndexedDB tens of seconds; one record of 50,000 ids takes a
 * blink. The sweep is the truth from the moment it is written; the quality keeper folds it into
 * the rows in the background and then deletes it. Until then, every read of a pair's status goes
 * through a {@link StatusOverlay}, and every write of a pair row starts from a resolved row, so
 * its `statusSeq` keeps an older pending sweep from overriding it when that sweep is folded.
 */

/** Status changes of at least this many pairs become a sweep; smaller ones write their rows. */
export const SWEEP_FROM = 500;

/** A project's pending sweeps, merged: which pair each newest pending sweep sets, and to what. */
export class StatusOverlay {
  constructor(private readonly latest: ReadonlyMap<string, { seq: number; status: PairStatus }>) {}

  get empty(): boolean {
    return this.latest.size === 0;
  }

  /** Whether a pending sweep lists the pair (its row may still have already accounted for it). */
  lists(id: string): boolean {
    return this.latest.has(id);
  }

  /** The row as it stands: a pending sweep newer than what the row accounts for sets its status. */
  resolve<R extends Pick<PairRow, "id" | "status" | "statusSeq">>(row: R): R {
    const s = this.latest.get(row.id);
    if (!s || s.seq <= (row.statusSeq ?? 0)) return row;
    return { ...row, status: s.status, statusSeq: s.seq };
  }
}

export const NO_SWEEPS = new StatusOverlay(new Map());

/** The project's pending sweeps as an overlay (one indexed read; empty most of the time). */
export async function readOverlay(ctx: DbContext, projectId: string): Promise<StatusOverlay> {
  const sweeps = await ctx.db.sweeps.where("projectId").equals(projectId).sortBy("seq");
  if (sweeps.length === 0) return NO_SWEEPS;
  const latest = new Map<string, { seq: number; status: PairStatus }>();
  for (const s of sweeps) {
    const seq = s.seq as number;
    // Ids before `folded` are in their rows already, with this seq.
    for (let i = s.folded; i < s.ids.length; i++)
      latest.set(s.ids[i] as string, { seq, status: s.status });
  }
  return new StatusOverlay(latest);
}

/**
 * A project's overlay kept across the transactions of one bulk edit: read again only when a
 * sweep it has not seen appears. Reading it for each batch decoded a pending sweep of 54,545 ids
 * every time. One it has seen being folded or deleted leaves it right, since
 * {@link StatusOverlay.resolve} lets a row that accounts for a sweep's seq keep its own status.
 */
export class OverlayCache {
  private overlay: StatusOverlay | undefined;
  private seen = new Set<number>();

  constructor(private readonly projectId: string) {}

  /** The overlay as it stands. Call inside a transaction over `sweeps`. */
  async current(ctx: DbContext): Promise<StatusOverlay> {
    const seqs = await ctx.db.sweeps.where("projectId").equals(this.projectId).primaryKeys();
    if (this.overlay === undefined || seqs.some((seq) => !this.seen.has(seq))) {
      this.overlay = await readOverlay(ctx, this.projectId);
      this.seen = new Set(seqs);
    }
    return this.overlay;
  }
}

/** Rows of any projects with their statuses resolved. Read the overlay before the rows, or in one transaction with them. */
export async function resolveRows(ctx: DbContext, rows: PairRow[]): Promise<PairRow[]> {
  const projects = [...new Set(rows.map((r) => r.projectId))];
  const overlays = new Map(
    await Promise.all(projects.map(async (p) => [p, await readOverlay(ctx, p)] as const)),
  );
  if ([...overlays.values()].every((o) => o.empty)) return rows;
  return rows.map((r) => overlays.get(r.projectId)?.resolve(r) ?? r);
}

/** Keys per request when reading a status's pairs: each page is matched in a task of its own. */
const STATUS_PAGE = 5000;

/**
 * Those of the project's `ids` whose current status is not `status`, with the status they have:
 * read from the `[projectId+status+id]` index in pages of keys (no row is read; the pairs that
 * have `status` already are not read at all) and resolved through `overlay`. One request for a
 * status's 100,000 keys, and matching them, held the page's thread for over 100 ms. Only pairs
 * a pending sweep lists are read whole, for their `statusSeq`. Missing pairs are left out. Call
 * inside a transaction over `pairs` and `sweeps`.
 */
export async function statusesOtherThan(
  ctx: DbContext,
  projectId: string,
  ids: readonly string[],
  status: PairStatus,
  overlay: StatusOverlay,
  page = STATUS_PAGE,
): Promise<Map<string, PairStatus>> {
  const wanted = new Set(ids);
  const other = new Map<string, PairStatus>();
  for (const s of STATUSES) {
    if (s === status) continue;
    let after: string | null = null;
    for (;;) {
      const keys: string[] = await ctx.db.pairs
        .where("[projectId+status+id]")
        .between(
          [projectId, s, after ?? Dexie.minKey],
          [projectId, s, Dexie.maxKey],
          after === null,
          true,
        )
        .limit(page)
        .primaryKeys();
      for (const k of keys) if (wanted.has(k)) other.set(k, s);
      if (keys.length < page) break;
      after = keys[keys.length - 1] as string;
    }
  }
  // In pages (readPairsByIds): right after a sweep of 54,545 pairs, another over the same
  // pairs lists every one of them, and one request for them all held the page's thread.
  const listed = overlay.empty ? [] : [...wanted].filter((id) => overlay.lists(id)).sort();
  for (const row of await readPairsByIds(ctx, listed)) {
    const now = overlay.resolve(row).status;
    if (now === status) other.delete(row.id);
    else other.set(row.id, now);
  }
  return other;
}

/**
 * Adds the sweeps that undo a sweep part (one per earlier status) or redo it. Call inside a
 * transaction over `sweeps`.
 */
export async function replaySweep(
  ctx: DbContext,
  projectId: string,
  part: SweepPart,
  direction: "undo" | "redo",
): Promise<void> {
  const byStatus = new Map<PairStatus, string[]>();
  if (direction === "redo") byStatus.set(part.status, part.ids);
  else
    part.ids.forEach((id, i) => {
      const status = part.before[i] as PairStatus;
      const list = byStatus.get(status);
      if (list) list.push(id);
      else byStatus.set(status, [id]);
    });
  const at = ctx.now();
  for (const [status, ids] of byStatus)
    await ctx.db.sweeps.add({ projectId, status, ids, folded: 0, at });
}

/** Sweeps newer than `after` (a seq) of the project, oldest first: for the pairs table's sync. */
export function sweepsAfter(ctx: DbContext, projectId: string, after: number): Promise<SweepRow[]> {
  return ctx.db.sweeps
    .where(":id")
    .above(after)
    .filter((s) => s.projectId === projectId)
    .toArray();
}

/** The newest sweep seq ever handed out that is still stored, or 0. */
export async function newestSweepSeq(ctx: DbContext): Promise<number> {
  return ((await ctx.db.sweeps.orderBy(":id").lastKey()) as number | undefined) ?? 0;
}

/**
 * Folds up to `limit` pairs of the oldest pending sweep into their rows, in one transaction,
 * and deletes the sweep once it is folded whole. Returns whether any sweep is left to fold.
 * A folded row gets a fresh `updatedAt`: whatever follows writes by that (the pairs table) sees
 * the status in the row once the sweep is gone.
 */
export async function foldSweeps(ctx: DbContext, limit: number): Promise<boolean> {
  const { db } = ctx;
  return db.transaction("rw", db.pairs, db.sweeps, async () => {
    const sweep = await db.sweeps.orderBy(":id").first();
    if (!sweep) return false;
    const seq = sweep.seq as number;
    const ids = sweep.ids.slice(sweep.folded, sweep.folded + limit);
    const t = ctx.now();
    const puts: PairRow[] = [];
    for (const row of await db.pairs.bulkGet(ids)) {
      if (!row || (row.statusSeq ?? 0) >= seq) continue;
      puts.push({ ...row, status: sweep.status, statusSeq: seq, updatedAt: t });
    }
    if (puts.length > 0) await db.pairs.bulkPut(puts);
    const folded = sweep.folded + ids.length;
    if (folded < sweep.ids.length) {
      await db.sweeps.update(seq, { folded });
      return true;
    }
    await db.sweeps.delete(seq);
    return (await db.sweeps.count()) > 0;
  });
}
