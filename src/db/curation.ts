import { diffRow, type RowChange } from "../core/history";
import type { TaskType } from "../core/quality/task-type";
import type { SweepPart } from "../core/rows";
import type { DbContext } from "./context";
import { readPairsByIds } from "./cursor";
import { beginStep, coalesce, type HistoryScope } from "./history";
import type { PairRow, PairStatus } from "./schema";
import { guardWrite } from "./storage-error";
import { OverlayCache, readOverlay, statusesOtherThan, SWEEP_FROM } from "./sweeps";

/*
 * Every curation write goes through here, so every one of them can be undone (db/history.ts).
 * Bulk actions apply in batches, one transaction each with its own history part: the page stays
 * responsive, progress can be shown, and an interruption leaves history matching what was written.
 */

/** Rows per transaction for bulk actions: big enough to be fast, small enough to show progress. */
export const BULK_BATCH = 2000;

/**
 * Rows per request within a bulk transaction. Each request's answer arrives in a task of its
 * own, so reading and writing a batch in parts spreads its cost on the page's thread (reading
 * 2,000 rows' answers, and Dexie's note of 2,000 written keys, were one task each).
 */
const REQUEST_PART = 500;

/** Calls `each` on `items` a part at a time, one part after another. */
async function inParts<T>(items: readonly T[], each: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += REQUEST_PART) await each(items.slice(i, i + REQUEST_PART));
}

/** A row's next state, or `null` to delete it, or `undefined` to leave it alone. */
export type RowEdit = (row: PairRow, now: number) => PairRow | null | undefined;

export interface BulkOptions {
  /** Called after each batch with how many of the ids are done. */
  onProgress?: (done: number, total: number) => void;
  /** Rows per transaction; {@link BULK_BATCH} unless set. */
  batchSize?: number;
}

/**
 * Applies `edit` to the pairs `ids` as one undoable step labelled `label`. Returns how many rows
 * changed. Ids of pairs that no longer exist are skipped.
 */
export async function editPairs(
  ctx: DbContext,
  scope: HistoryScope,
  label: string,
  ids: readonly string[],
  edit: RowEdit,
  options: BulkOptions = {},
): Promise<number> {
  const { db } = ctx;
  let step = 0;
  let changed = 0;
  const size = options.batchSize ?? BULK_BATCH;
  // In key order, so each batch's rows lie together (readPairsByIds). Ids that come in about
  // that order already, as the pairs table hands them over, sort in about one pass.
  const sorted = [...new Set(ids)].sort();
  const overlays = new OverlayCache(scope.projectId);
  for (let start = 0; start < sorted.length; start += size) {
    const batch = sorted.slice(start, start + size);
    changed += await guardWrite(() =>
      db.transaction("rw", db.pairs, db.sweeps, db.history, async () => {
        // Rows start resolved: an edit never writes back a status a pending sweep replaced.
        const overlay = await overlays.current(ctx);
        const rows = (await readPairsByIds(ctx, batch)).map((r) => overlay.resolve(r));
        const t = ctx.now();
        const changes: RowChange<PairRow>[] = [];
        const puts: PairRow[] = [];
        const deletes: string[] = [];
        for (const row of rows) {
          const next = edit(row, t);
          if (next === undefined) continue;
          const change = diffRow(row, next ?? undefined);
          if (!change) continue;
          changes.push(change);
          if (next === null) deletes.push(row.id);
          else puts.push(next);
        }
        if (changes.length === 0) return 0;
        if (step === 0) step = await beginStep(ctx, scope);
        await inParts(deletes, (part) => db.pairs.bulkDelete(part));
        await inParts(puts, (part) => db.pairs.bulkPut(part));
        await db.history.add({ ...scope, step, label, at: t, changes, undone: 0 });
        return changes.length;
      }),
    );
    options.onProgress?.(Math.min(start + size, sorted.length), sorted.length);
  }
  return changed;
}

/**
 * Accept, reject, or back to pending, labelled "Reject 3 pairs" and so on unless `label` says
 * otherwise. Many pairs at once become one status sweep (db/sweeps.ts): one write, not one per
 * pair.
 */
export async function setStatus(
  ctx: DbContext,
  scope: HistoryScope,
  ids: readonly string[],
  status: PairStatus,
  options: BulkOptions & { label?: string; sweepFrom?: number } = {},
): Promise<number> {
  const verb = { accepted: "Accept", rejected: "Reject", pending: "Reset to pending" }[status];
  const label = options.label ?? `${verb} ${countLabel(ids.length)}`;
  if (ids.length < (options.sweepFrom ?? SWEEP_FROM))
    return editPairs(
      ctx,
      scope,
      label,
      ids,
      (row, t) => (row.status === status ? undefined : { ...row, status, updatedAt: t }),
      options,
    );
  const changed = await sweepStatus(ctx, scope, label, ids, status);
  options.onProgress?.(ids.length, ids.length);
  return changed;
}

/** Writes one sweep setting `status` on those of `ids` that have another, with its history. */
function sweepStatus(
  ctx: DbContext,
  scope: HistoryScope,
  label: string,
  ids: readonly string[],
  status: PairStatus,
): Promise<number> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, db.sweeps, db.history, async () => {
      const overlay = await readOverlay(ctx, scope.projectId);
      const other = await statusesOtherThan(ctx, scope.projectId, ids, status, overlay);
      const sweep: SweepPart = { status, ids: [], before: [] };
      for (const id of new Set(ids)) {
        const was = other.get(id);
        if (was === undefined) continue;
        sweep.ids.push(id);
        sweep.before.push(was);
      }
      if (sweep.ids.length === 0) return 0;
      const t = ctx.now();
      const step = await beginStep(ctx, scope);
      await db.sweeps.add({ projectId: scope.projectId, status, ids: sweep.ids, folded: 0, at: t });
      await db.history.add({ ...scope, step, label, at: t, changes: [], sweep, undone: 0 });
      return sweep.ids.length;
    }),
  );
}

/** Sets the curator's task type, or clears it (back to the classifier's) with `undefined`. */
export function setTaskType(
  ctx: DbContext,
  scope: HistoryScope,
  ids: readonly string[],
  taskType: TaskType | undefined,
  options?: BulkOptions,
): Promise<number> {
  return editPairs(
    ctx,
    scope,
    `Set task type of ${countLabel(ids.length)}`,
    ids,
    (row, t) => {
      if (row.taskType === taskType) return undefined;
      const next: PairRow = { ...row, updatedAt: t };
      if (taskType === undefined) delete next.taskType;
      else next.taskType = taskType;
      return next;
    },
    options,
  );
}

export function deletePairs(
  ctx: DbContext,
  scope: HistoryScope,
  ids: readonly string[],
  options?: BulkOptions,
): Promise<number> {
  return editPairs(ctx, scope, `Delete ${countLabel(ids.length)}`, ids, () => null, options);
}

/** Keystrokes of one edit made within this many ms of each other undo as one step. */
const EDIT_COALESCE_MS = 5000;

/**
 * Changes a pair's text. The pair becomes `edited` (retries never overwrite it) and stale (its
 * quality is scored again).
 */
export async function editPairText(
  ctx: DbContext,
  scope: HistoryScope,
  id: string,
  text: { question: string; answer: string },
): Promise<void> {
  const { db } = ctx;
  await guardWrite(() =>
    db.transaction("rw", db.pairs, db.sweeps, db.history, async () => {
      const stored = await db.pairs.get(id);
      const row = stored && (await readOverlay(ctx, scope.projectId)).resolve(stored);
      if (!row || (row.question === text.question && row.answer === text.answer)) return;
      const t = ctx.now();
      const next: PairRow = { ...row, ...text, edited: true, stale: 1, updatedAt: t };
      await db.pairs.put(next);
      const label = "Edit pair";
      if (await coalesce(ctx, scope, label, row, next, EDIT_COALESCE_MS)) return;
      const change = diffRow(row, next);
      if (!change) return;
      const step = await beginStep(ctx, scope);
      await db.history.add({ ...scope, step, label, at: t, changes: [change], undone: 0 });
    }),
  );
}

/** Adds a curator's own pair to a chunk (the document's first chunk by default). */
export async function addManualPair(
  ctx: DbContext,
  scope: HistoryScope,
  input: {
    documentId: string;
    chunkId?: string;
    question: string;
    answer: string;
  },
): Promise<PairRow> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.pairs, db.chunks, db.history, async () => {
      const chunkId =
        input.chunkId ??
        (
          await db.chunks
            .where("[documentId+index]")
            .between([input.documentId, -Infinity], [input.documentId, Infinity])
            .first()
        )?.id;
      if (chunkId === undefined) throw new Error("This document has no text to attach a pair to.");
      const last = await db.pairs
        .where("[documentId+index]")
        .between([input.documentId, -Infinity], [input.documentId, Infinity])
        .last();
      const t = ctx.now();
      const row: PairRow = {
        id: ctx.newId(),
        projectId: scope.projectId,
        documentId: input.documentId,
        chunkId,
        index: last ? last.index + 1 : 0,
        question: input.question,
        answer: input.answer,
        status: "accepted",
        edited: false,
        origin: "manual",
        createdAt: t,
        updatedAt: t,
        stale: 1,
      };
      await db.pairs.add(row);
      const step = await beginStep(ctx, scope);
      await db.history.add({
        ...scope,
        step,
        label: "Add pair",
        at: t,
        changes: [{ id: row.id, before: null, after: { ...row } }],
        undone: 0,
      });
      return row;
    }),
  );
}

function countLabel(n: number): string {
  return n === 1 ? "1 pair" : `${n.toLocaleString("en-US")} pairs`;
}
