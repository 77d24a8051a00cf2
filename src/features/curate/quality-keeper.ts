import { useEffect } from "react";
import {
  pairCounts,
  projectMarks,
  projectPairIds,
  questionsPage,
  saveDuplicateMarks,
  saveScores,
  sameMark,
  staleChunks,
  type DuplicateMark,
} from "../../db";
import { studio } from "../../db/studio";
import { touchesTables, watchMutations } from "../../lib/watch-mutations";
import { bulkActionRunning, onBulkActionsEnd } from "./bulk-hold";
import { useQualityStatus, type QualityStatus } from "../../stores/quality-store";
import { callWorker } from "../../workers/rpc";
import type { QualityReply, QualityRequest } from "../../workers/quality-job";

/*
 * Keeps every pair's quality signals up to date, in the background, for as long as a project is
 * open. Pairs are marked `stale` when they are created or their text changes (by synthesis,
 * edits, imports, undo); the keeper scores them in a worker and stores the scores. It also
 * feeds the worker's near-duplicate index with the open project's questions and stores each
 * pair's duplicate group as it changes.
 */

/** Stale pairs scored per round trip: one transaction to read, one to write. */
const SCORE_BATCH = 1000;
/** Questions per message while loading the near-duplicate index. */
const LOAD_BATCH = 2000;
/** The shortest pause between two passes, so a running batch is not slowed by the keeper. */
const PASS_GAP_MS = 500;
/** The longest a change waits before the keeper looks at it, and the shortest gap between looks. */
const CHECK_MS = 1000;
/** The pause between two batches of one pass: other database work gets its turn. */
const BATCH_GAP_MS = 20;

const status = {
  update: (p: Partial<QualityStatus>) => useQualityStatus.getState().update(p),
  get: () => useQualityStatus.getState(),
};

let worker: Worker | undefined;
function qualityWorker(): Worker {
  worker ??= new Worker(new URL("../../workers/quality.worker.ts", import.meta.url), {
    type: "module",
  });
  return worker;
}

function ask(request: QualityRequest): Promise<QualityReply> {
  return callWorker<QualityRequest, never, QualityReply>(qualityWorker(), request);
}

/** The marks of a reply that differ from the stored ones, recorded in `known` as stored. */
function changedMarks(reply: QualityReply, known: Map<string, DuplicateMark | null>) {
  if (reply.kind !== "marks") return [];
  const changed = reply.marks.filter((m) => !sameMark(known.get(m.id), m.duplicate));
  for (const m of changed) known.set(m.id, m.duplicate);
  return changed;
}

/** One project's keeper: loads the duplicate index, then scores stale pairs whenever some appear. */
class Keeper {
  private stopped = false;
  private running = false;
  private again = false;
  /** Each indexed pair's stored duplicate mark, to write only the ones that change. */
  private readonly known = new Map<string, DuplicateMark | null>();

  constructor(private readonly projectId: string) {}

  start(): void {
    void this.run(async () => {
      await ask({ kind: "resetDuplicates" });
      await this.loadQuestions();
    });
    status.update({ phase: "indexing", indexed: 0, scored: 0, since: Date.now() });
    // Wake up when pairs become stale or the project's pair count falls (deletions). Checked
    // at most once per CHECK_MS: a running batch writes pairs many times a second.
    this.unwatch = watchMutations(
      touchesTables(studio.db.name, ["pairs"]),
      () => pairCounts(studio, this.projectId),
      ({ stale, total }) => {
        status.update({ stale });
        if (stale > 0) this.wake();
        if (total < this.known.size) this.wake(true);
      },
      CHECK_MS,
    );
    this.unhold = onBulkActionsEnd(() => {
      if (!this.heldUp) return;
      this.heldUp = false;
      this.wake();
    });
  }

  private unwatch: (() => void) | undefined;
  private unhold: (() => void) | undefined;

  stop(): void {
    this.stopped = true;
    this.unhold?.();
    this.unwatch?.();
  }

  /** Set when pairs were deleted: the next pass drops them from the duplicate index. */
  private reload = false;

  /** Set when a pass waits for this tab's bulk actions to end (bulk-hold.ts). */
  private heldUp = false;

  private wake(reload = false): void {
    this.reload ||= reload;
    if (bulkActionRunning()) this.heldUp = true;
    else void this.run(() => this.pass());
  }

  /** Runs `work` unless a pass is running, in which case one more pass follows it. */
  private async run(work: () => Promise<void>): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    try {
      await work();
      while (this.again && !this.stopped) {
        this.again = false;
        await new Promise((r) => setTimeout(r, PASS_GAP_MS));
        await this.pass();
      }
      if (!this.stopped) status.update({ phase: "idle" });
    } catch (err) {
      // Scores are hints: a failure (a full disk, a closed database) must not break the page.
      console.warn("Quality signals could not be updated:", err);
    } finally {
      this.running = false;
    }
  }

  /**
   * Feeds the worker every question of the project, reading the next page while the worker
   * indexes the current one (on 100,000 pairs, reading takes about 11 s and indexing about 9 s;
   * one after the other they added up). Each page's changed marks are stored while the next
   * page is read and indexed: marks have their own table (db/marks.ts), so writing them does not
   * hold up reading the pairs. The indexed count moves once a page's marks are stored.
   */
  private async loadQuestions(): Promise<void> {
    this.known.clear();
    let stored: Promise<void> = Promise.resolve();
    const [marks, first] = await Promise.all([
      projectMarks(studio, this.projectId),
      questionsPage(studio, this.projectId, null, LOAD_BATCH),
    ]);
    let page = first;
    while (!this.stopped) {
      for (const q of page) this.known.set(q.id, marks.get(q.id) ?? null);
      const last = page.length < LOAD_BATCH;
      const after = page.at(-1)?.id ?? null;
      const [reply, next] = await Promise.all([
        ask({ kind: "addQuestions", items: page.map(({ id, question }) => ({ id, question })) }),
        last ? [] : questionsPage(studio, this.projectId, after, LOAD_BATCH),
      ]);
      // One write after another, each while the next page is read and indexed.
      stored = stored.then(async () => {
        await this.saveMarks(reply);
        if (reply.kind === "marks") status.update({ indexed: reply.indexed });
      });
      if (last || next.length === 0) break;
      page = next;
    }
    await stored;
  }

  /** Stores the marks of a reply that differ from the stored ones. */
  private async saveMarks(reply: QualityReply): Promise<void> {
    const changed = changedMarks(reply, this.known);
    if (changed.length > 0) await saveDuplicateMarks(studio, this.projectId, changed);
  }

  private async pass(): Promise<void> {
    if (this.reload) {
      // Pairs were deleted: their questions leave the duplicate index (keys only are read).
      this.reload = false;
      const stored = new Set(await projectPairIds(studio, this.projectId));
      const gone = [...this.known.keys()].filter((id) => !stored.has(id));
      for (const id of gone) this.known.delete(id);
      if (gone.length > 0) await this.saveMarks(await ask({ kind: "removeQuestions", ids: gone }));
    }
    while (!this.stopped) {
      const chunks = await staleChunks(studio, SCORE_BATCH);
      if (chunks.length === 0) return;
      if (status.get().phase !== "scoring") status.update({ phase: "scoring", since: Date.now() });
      const reply = await ask({ kind: "score", chunks });
      if (reply.kind !== "scores") return;
      const seen = new Map(chunks.flatMap((c) => c.pairs.map((p) => [p.id, p] as const)));
      // New and edited questions of the open project go into the duplicate index.
      const items = chunks.flatMap((c) =>
        c.projectId === this.projectId ? c.pairs.map(({ id, question }) => ({ id, question })) : [],
      );
      for (const { id } of items) if (!this.known.has(id)) this.known.set(id, null);
      const marks = items.length > 0 ? await ask({ kind: "addQuestions", items }) : null;
      const saved = await saveScores(
        studio,
        reply.scores.map((s) => ({ ...s, updatedAt: seen.get(s.id)?.updatedAt ?? -1 })),
      );
      if (marks) await this.saveMarks(marks);
      status.update({ scored: status.get().scored + saved });
      if (marks?.kind === "marks") status.update({ indexed: marks.indexed });
      // Caught up: the pass ends, and the watch wakes the next one. Looping on would score the
      // few pairs a running batch adds every few milliseconds, at a round trip's full cost each.
      if (seen.size < SCORE_BATCH) return;
      await new Promise((r) => setTimeout(r, BATCH_GAP_MS));
    }
  }
}

/** Keeps the open project's quality signals current while it is open. */
export function useQualityKeeper(projectId: string | undefined): void {
  useEffect(() => {
    if (!projectId || typeof Worker === "undefined") return;
    const keeper = new Keeper(projectId);
    keeper.start();
    return () => keeper.stop();
  }, [projectId]);
}
