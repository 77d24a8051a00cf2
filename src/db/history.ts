import { applyChange, diffRow, type Direction, type RowChange } from "../core/history";
import type { DbContext } from "./context";
import type { HistoryRow, PairRow } from "./schema";
import { guardWrite } from "./storage-error";
import { readOverlay, replaySweep } from "./sweeps";

/*
 * The undo history of curation (core/history.ts has the model). Steps are numbered per project;
 * a step is one or more parts (a bulk action writes one per batch). Undone steps stay until a
 * new action of the same session replaces them, which is what makes redo possible. Each browser
 * session (a tab, across reloads) undoes and redoes only its own steps, so two tabs open on a
 * project never undo each other's work; the cap counts the project's steps.
 */

/** How many steps a project keeps; older ones are dropped. The issue asks for at least 100. */
export const HISTORY_STEPS = 200;

/** Where history for a write goes: the project and the browser session doing it. */
export interface HistoryScope {
  projectId: string;
  session: string;
}

const stepRange = (projectId: string) =>
  [
    [projectId, -Infinity],
    [projectId, Infinity],
  ] as const;

function parts(ctx: DbContext, projectId: string) {
  const [lo, hi] = stepRange(projectId);
  return ctx.db.history.where("[projectId+step]").between(lo, hi, true, true);
}

/**
 * Starts a new step of the session: drops the session's redo side and the project's steps
 * beyond the cap, and returns the new step's number (one sequence per project, whichever tab
 * writes). Call inside the transaction that writes the step's first part.
 */
export async function beginStep(ctx: DbContext, scope: HistoryScope): Promise<number> {
  const { projectId } = scope;
  // The newest step by key alone, and only the session's newest parts: the undone ones (its
  // redo side) down to its newest part still done. The rest goes by key range, without reading
  // values that hold thousands of changes per bulk part.
  const [newestKey] = await parts(ctx, projectId).reverse().limit(1).keys();
  const step = (Array.isArray(newestKey) ? Number(newestKey[1]) : 0) + 1;
  const redoSide = (await newestParts(ctx, scope)).filter((p) => p.undone === 1);
  if (redoSide.length > 0) await ctx.db.history.bulkDelete(redoSide.map((p) => p.seq as number));
  await ctx.db.history
    .where("[projectId+step]")
    .between([projectId, -Infinity], [projectId, step - HISTORY_STEPS], true, true)
    .delete();
  return step;
}

/** The session's parts from its newest down to its newest one not undone, newest first. */
function newestParts(ctx: DbContext, { projectId, session }: HistoryScope): Promise<HistoryRow[]> {
  return parts(ctx, projectId)
    .reverse()
    .until((p) => p.session === session && p.undone === 0, true)
    .filter((p) => p.session === session)
    .toArray();
}

/** Writes rows in a transaction that includes `pairs`, `sweeps` and `history`. */
async function writeChanges(
  ctx: DbContext,
  projectId: string,
  changes: readonly RowChange<PairRow>[],
  direction: Direction,
): Promise<void> {
  const { db } = ctx;
  const ids = changes.map((c) => c.id);
  // Resolved first, like every write: a pending sweep's status must not come back later.
  const overlay = await readOverlay(ctx, projectId);
  const current = await db.pairs.bulkGet(ids);
  const byId = new Map<string, PairRow>();
  for (const row of current) if (row) byId.set(row.id, overlay.resolve(row));
  const ordered = direction === "undo" ? [...changes].reverse() : changes;
  const t = ctx.now();
  for (const change of ordered) {
    const next = applyChange(byId.get(change.id), change, direction);
    if (next === undefined) {
      byId.delete(change.id);
      continue;
    }
    // The row changed now, whatever time it is restored to: the pairs table syncs on updatedAt.
    next.updatedAt = t;
    // Restored text must be scored again; the stored quality may belong to other text. A row
    // brought back whole (a delete undone) is scored again too: scoring is what puts its
    // question back into the duplicate index (features/curate/quality-keeper.ts).
    const side = direction === "undo" ? change.before : change.after;
    if (side && ("question" in side || "answer" in side)) next.stale = 1;
    byId.set(change.id, next);
  }
  const gone = ids.filter((id) => !byId.has(id));
  if (gone.length > 0) await db.pairs.bulkDelete([...new Set(gone)]);
  if (byId.size > 0) await db.pairs.bulkPut([...byId.values()]);
}

/** What the undo and redo buttons say, or null when there is nothing to do. */
export interface HistoryStatus {
  undo: string | null;
  redo: string | null;
}

/**
 * What this session can undo and redo in the project. Each tab undoes its own steps: another
 * tab open on the project keeps its own.
 */
export async function historyStatus(ctx: DbContext, scope: HistoryScope): Promise<HistoryStatus> {
  // Newest first, and only down to the newest part not undone: the undone parts above it are
  // the redo side. Reading the whole history instead cost its whole size on every change, and
  // a bulk action adds thousands of changes per part.
  const newest = await newestParts(ctx, scope);
  let undo: HistoryRow | undefined;
  let redo: HistoryRow | undefined;
  for (const p of newest) {
    if (p.undone === 0) undo = p;
    else redo = p; // the last one seen is the earliest undone
  }
  return { undo: undo?.label ?? null, redo: redo?.label ?? null };
}

/** Undoes the session's latest step. Returns its label, or null when there was nothing to undo. */
export function undo(ctx: DbContext, scope: HistoryScope): Promise<string | null> {
  return move(ctx, scope, "undo");
}

/** Redoes the session's earliest undone step. Returns its label, or null when there was none. */
export function redo(ctx: DbContext, scope: HistoryScope): Promise<string | null> {
  return move(ctx, scope, "redo");
}

async function move(
  ctx: DbContext,
  { projectId, session }: HistoryScope,
  direction: Direction,
): Promise<string | null> {
  const { db } = ctx;
  const all = await parts(ctx, projectId).toArray();
  const candidates = all.filter(
    (p) => p.session === session && p.undone === (direction === "undo" ? 0 : 1),
  );
  const target = direction === "undo" ? candidates.at(-1) : candidates[0];
  if (!target) return null;
  const stepParts = candidates
    .filter((p) => p.step === target.step)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
  if (direction === "undo") stepParts.reverse();
  // One transaction per part, like the action that wrote them: a big step never blocks the
  // database for long, and an interruption leaves each part either applied or not.
  for (const part of stepParts) {
    await guardWrite(() =>
      db.transaction("rw", db.pairs, db.sweeps, db.history, async () => {
        // A sweep's part is undone and redone by sweeps too: one write, however many pairs.
        if (part.sweep) await replaySweep(ctx, projectId, part.sweep, direction);
        else await writeChanges(ctx, projectId, part.changes, direction);
        await db.history.update(part.seq as number, { undone: direction === "undo" ? 1 : 0 });
      }),
    );
  }
  return target.label;
}

/**
 * Drops history written by browser sessions other than `open` (the tabs still open, this one
 * included): undo survives a reload, not a new visit, and opening a second tab leaves the
 * first one's history alone.
 */
export async function forgetClosedSessions(ctx: DbContext, open: readonly string[]): Promise<void> {
  await guardWrite(() =>
    ctx.db.history
      .where("session")
      .noneOf(open)
      .delete()
      .then(() => undefined),
  );
}

/**
 * Coalesces an edit into the latest step when it is the same kind of edit of the same pair made
 * moments ago, so typing with autosave is one undo step, not one per pause.
 */
export async function coalesce(
  ctx: DbContext,
  scope: HistoryScope,
  label: string,
  before: PairRow,
  after: PairRow,
  withinMs: number,
): Promise<boolean> {
  const last = await parts(ctx, scope.projectId).last();
  const change = last?.changes[0];
  if (
    !last ||
    !change ||
    last.undone === 1 ||
    last.label !== label ||
    last.session !== scope.session ||
    ctx.now() - last.at > withinMs ||
    last.changes.length !== 1 ||
    change.id !== before.id
  ) {
    return false;
  }
  const original = applyChange(before, change, "undo");
  const merged = diffRow(original, after);
  // Typed back to where it started: the step has nothing left to undo.
  if (!merged) await ctx.db.history.delete(last.seq as number);
  else await ctx.db.history.update(last.seq as number, { changes: [merged], at: ctx.now() });
  return true;
}
