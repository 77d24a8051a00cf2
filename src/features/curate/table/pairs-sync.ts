import { Dexie, RangeSet, type ObservabilitySet } from "dexie";
import {
  countProjectPairs,
  newestSweepSeq,
  PAIRS_VIEW_BATCH,
  projectPairIds,
  readPairsChangedSince,
  readPairsMarkedSince,
  readPairsViewBatch,
  readDocumentTitles,
  readOverlay,
  projectTitles,
  sweepsAfter,
  type PairsViewBatch,
} from "../../../db";
import { studio } from "../../../db/studio";
import { touchesTables } from "../../../lib/watch-mutations";
import { toastError } from "../../../stores/ui-store";
import { bulkActionRunning, onBulkActionsEnd } from "../bulk-hold";
import { askIndex } from "./pairs-index-client";
import { PairKeys } from "./view-ids";

/*
 * Keeps the pairs index worker a faithful copy of one project's pairs. The first load reads the
 * pairs in batches and hands each to the worker at once, so the table shows the first rows while
 * the rest load. After that, every write to the pairs table (this tab's, another tab's, the
 * quality keeper's) triggers a sync: the rows written since the last one seen (every write bumps
 * `updatedAt`), then, when the counts disagree, the ids, to drop deleted pairs. A bulk status
 * change is a sweep (db/sweeps.ts), which writes no pair: the sweeps written since the last
 * sync go to the worker as they are, before the rows, which may have changed after them. So do
 * pairs whose duplicate marks were written since (marks have their own table, db/marks.ts).
 */

/** The performance mark set when a warm start holds its first rows (e2e waits for it). */
const WARM_HELD_MARK = "ipt:pairs-warm-held";

/** Clocks of two transactions may commit out of order: re-read this far back. */
const CLOCK_MARGIN_MS = 2000;
/** While loading, the table shows the pairs loaded so far after this many batches. */
const SHOW_EVERY = 5;
/** Writes arriving closer together than this are synced once. */
const SYNC_DELAY_MS = 60;

export interface SyncState {
  projectId: string | null;
  /** Pairs loaded into the worker so far, and how many the project had when loading began. */
  loaded: number;
  total: number;
  loading: boolean;
  /** How long the load had run when `loaded` was counted, for the time left. */
  elapsedMs: number;
  /** Bumped whenever the worker's pairs change: the table queries again. */
  version: number;
}

/** The keys of the pairs handed to the worker in this load (view-ids.ts). */
let pairKeys = new PairKeys();
let state: SyncState = {
  projectId: null,
  loaded: 0,
  total: 0,
  loading: false,
  elapsedMs: 0,
  version: 0,
};
const listeners = new Set<() => void>();
let knownDocuments = new Set<string>();
let syncedUpTo = 0;
/**
 * The newest duplicate mark the worker has seen (ms), and the pairs marked at that very time.
 * No clock margin here, unlike pair rows: marks come from one writer, the quality keeper, whose
 * writes follow one another, so their times only grow. Re-reading a margin's worth made every
 * sync re-read the thousands of marks the keeper wrote in its last seconds.
 */
let marksUpTo = 0;
let marksEdge = new Set<string>();
/** Documents written since the last sync (renamed, perhaps): their titles are read again. */
let touchedDocuments = new Set<string>();
/** The newest sweep the worker has applied. */
let sweepsSeen = 0;
let generation = 0;
let running = false;
let again = false;
let timer: ReturnType<typeof setTimeout> | null = null;
/** Whether the Pairs page is open ({@link followProject}). */
let following = false;
/** Resumes a load paused after its first batch, when the page opens. */
let resume: (() => void) | null = null;

function update(patch: Partial<SyncState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const syncState = (): SyncState => state;

/** The keys of the current load: a query's answer is named with the keys current when asked. */
export const currentKeys = (): PairKeys => pairKeys;

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function upsert({ rows, titles }: Omit<PairsViewBatch, "latest">): Promise<number> {
  const keys = pairKeys.keysFor(rows.map((r) => r.id));
  return (await askIndex({ kind: "upsert", rows, keys, titles })).size;
}

async function push(batch: PairsViewBatch): Promise<number> {
  const size = await upsert(batch);
  if (batch.latest > syncedUpTo) syncedUpTo = batch.latest;
  return size;
}

/** Waits until the page's thread is idle (at most `ms`): the page renders what it has first. */
function idle(ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === "function")
      requestIdleCallback(() => resolve(), { timeout: ms });
    else setTimeout(resolve, 0);
  });
}

async function load(projectId: string, gen: number): Promise<void> {
  knownDocuments = new Set();
  pairKeys = new PairKeys();
  syncedUpTo = 0;
  marksUpTo = 0;
  marksEdge = new Set();
  let started = Date.now();
  // A small first batch shows the first rows at once; then big ones. The first batch and the
  // worker's reset go out together: the first rows are what the page waits for. The newest
  // sweep is read first: the rows read after it have it applied (db/cursor.ts).
  const firstSize = Math.min(200, PAIRS_VIEW_BATCH);
  const [, seen, first] = await Promise.all([
    askIndex({ kind: "reset" }),
    newestSweepSeq(studio),
    readPairsViewBatch(studio, projectId, null, firstSize, knownDocuments),
  ]);
  if (gen !== generation) return;
  sweepsSeen = seen;
  // The count only sizes the progress bar, so it is asked after the first rows: counting
  // 100,000 index entries alongside them held the rows back.
  countProjectPairs(studio, projectId)
    .then((total) => {
      if (gen === generation && state.loading) update({ total });
    })
    .catch((err: unknown) => toastError(err, "Could not count the pairs"));
  update({ loaded: await push(first), version: state.version + 1 });
  let after = first.rows.at(-1)?.id ?? null;
  if (first.rows.length === firstSize && after !== null) {
    if (!following) {
      // A warm start (warmProject) holds the first rows only, until the page opens. The rows
      // held may have changed meanwhile, so the walk then starts over, and the sweeps and the
      // catch-up time are taken anew. The mark tells a test (or a profile) the rows are held.
      performance.mark(WARM_HELD_MARK);
      await new Promise<void>((r) => (resume = r));
      if (gen !== generation) return;
      sweepsSeen = await newestSweepSeq(studio);
      started = Date.now();
      syncedUpTo = 0;
      after = null;
    }
    // The page renders the first rows before the rest of the load competes for its thread.
    await idle(300);
    if (gen !== generation) return;
    // The pending sweeps and the documents' titles are read once for the rest of the load.
    const [overlay, titles] = await Promise.all([
      readOverlay(studio, projectId),
      projectTitles(studio, projectId),
    ]);
    // Batches stream through: each is read while the worker indexes the one before, and its
    // rows are let go once posted, so they die young. Gathered five pages at a time, they lived
    // long enough to reach the old generation, whose compaction after a load then paused the
    // page (198 ms in one trace).
    let pushed: Promise<unknown> = Promise.resolve();
    for (let n = 1; ; n++) {
      const batch = await readPairsViewBatch(
        studio,
        projectId,
        after,
        PAIRS_VIEW_BATCH,
        knownDocuments,
        { overlay, titles },
      );
      await pushed;
      if (gen !== generation) return;
      after = batch.rows.at(-1)?.id ?? null;
      const last = batch.rows.length < PAIRS_VIEW_BATCH || after === null;
      pushed = push(batch).then((loaded) => {
        // The table asks again every few batches, not after each: each answer re-renders it.
        if (gen === generation && (last || n % SHOW_EVERY === 0))
          update({ loaded, elapsedMs: Date.now() - started, version: state.version + 1 });
      });
      if (last) break;
    }
    await pushed;
    if (gen !== generation) return;
  }
  // Writes during the load may have moved rows between batches: catch up from its start.
  syncedUpTo = Math.min(syncedUpTo, started);
  // Marks written while the batches were read: from the load's start.
  marksUpTo = started;
  marksEdge = new Set();
  update({ loading: false });
  await askIndex({ kind: "warm" });
  await sync(projectId, gen);
}

async function sync(projectId: string, gen: number): Promise<void> {
  const renamed = [...touchedDocuments].filter((id) => knownDocuments.has(id));
  touchedDocuments = new Set();
  if (renamed.length > 0) {
    const titles = await readDocumentTitles(studio, renamed);
    if (gen !== generation) return;
    await askIndex({ kind: "upsert", rows: [], keys: new Int32Array(0), titles });
  }
  const since = syncedUpTo - CLOCK_MARGIN_MS;
  const sweeps = await sweepsAfter(studio, projectId, sweepsSeen);
  const changed = await readPairsChangedSince(studio, projectId, since, knownDocuments);
  const marked = await readPairsMarkedSince(
    studio,
    projectId,
    marksUpTo,
    knownDocuments,
    marksEdge,
  );
  if (gen !== generation) return;
  for (const s of sweeps) {
    await askIndex({ kind: "setStatus", ids: s.ids, status: s.status });
    sweepsSeen = Math.max(sweepsSeen, s.seq as number);
  }
  let size = state.loaded;
  let pushed = 0;
  for await (const batch of changed) {
    size = await push(batch);
    pushed++;
  }
  if (marked.rows.length > 0) size = await upsert(marked);
  marksUpTo = marked.latest;
  marksEdge = marked.edge;
  const count = await countProjectPairs(studio, projectId);
  if (gen !== generation) return;
  if (count !== size) {
    const ids = await projectPairIds(studio, projectId);
    if (gen !== generation) return;
    size = (await askIndex({ kind: "retain", ids })).size;
  }
  if (
    renamed.length > 0 ||
    sweeps.length > 0 ||
    pushed > 0 ||
    marked.rows.length > 0 ||
    size !== state.loaded
  ) {
    update({ loaded: size, total: Math.max(size, count), version: state.version + 1 });
  }
}

/** Runs one sync after another, never two at once; a request during one runs after it. */
function runSync(): void {
  timer = null;
  const { projectId, loading } = state;
  if (!projectId || loading) {
    again = true;
    return;
  }
  if (running) {
    again = true;
    return;
  }
  running = true;
  const gen = generation;
  sync(projectId, gen)
    .catch((err: unknown) => toastError(err, "Could not refresh the pairs table"))
    .finally(() => {
      running = false;
      if (again) {
        again = false;
        runSync();
      }
    });
}

// This tab's bulk actions are followed once, as they end, not after each of their batches.
onBulkActionsEnd(syncNow);

/** Syncs now (after this tab's own write, so the table follows at once). */
export function syncNow(): void {
  if (timer) clearTimeout(timer);
  runSync();
}

// Sweeps and marks change what the table shows without writing a pair.
const touchesPairs = touchesTables(studio.db.name, ["pairs", "sweeps", "marks"]);
const DOCUMENT_KEYS = `idb://${studio.db.name}/documents/`;

/** The ids of the documents a write touched, one by one (ranges, from deletions, are left out). */
function documentsIn(parts: ObservabilitySet): string[] {
  const tree = parts[DOCUMENT_KEYS];
  if (!tree) return [];
  const ids: string[] = [];
  for (const node of RangeSet(tree))
    if (typeof node.from === "string" && node.from === node.to) ids.push(node.from);
  return ids;
}

/**
 * Follows every write while a project is held. Renamed documents are noted even while the page
 * is closed (a rename happens in the Studio); a sync runs only while it is open.
 */
function onMutated(parts: ObservabilitySet): void {
  const documents = documentsIn(parts);
  for (const id of documents) touchedDocuments.add(id);
  if (following && !bulkActionRunning() && (touchesPairs(parts) || documents.length > 0))
    timer ??= setTimeout(runSync, SYNC_DELAY_MS);
}

let subscribed = false;

/**
 * Holds `projectId`'s pairs in the worker and follows its writes until the returned function is
 * called. Opening the same project again only syncs what changed meanwhile.
 */
export function followProject(projectId: string): () => void {
  following = true;
  if (state.projectId !== projectId) preloadProject(projectId);
  else syncNow();
  resume?.();
  resume = null;
  return () => {
    following = false;
  };
}

/**
 * Reads the first rows of `projectId` into the worker while the studio is idle, so the Pairs
 * page shows them as soon as it opens; the rest load once it does. Pressing the Pairs tab
 * first starts the same load, so this never reads anything twice.
 */
export function warmProject(projectId: string): () => void {
  if (typeof requestIdleCallback !== "function") return () => {};
  const handle = requestIdleCallback(() => preloadProject(projectId), { timeout: 5000 });
  return () => cancelIdleCallback(handle);
}

/**
 * Starts loading `projectId`'s pairs into the worker, unless they are there or on their way:
 * called as the Pairs tab is pressed, the load starts before the page renders, and the first
 * rows arrive that much sooner. The page's {@link followProject} then follows the writes.
 */
export function preloadProject(projectId: string): void {
  if (state.projectId === projectId) return;
  const gen = ++generation;
  if (!subscribed) Dexie.on.storagemutated.subscribe(onMutated);
  subscribed = true;
  touchedDocuments = new Set();
  // A load paused for another project is dropped: it returns on the generation check.
  resume?.();
  resume = null;
  update({ projectId, loaded: 0, total: 0, elapsedMs: 0, loading: true });
  load(projectId, gen)
    .catch((err: unknown) => {
      update({ loading: false });
      toastError(err, "Could not load the pairs");
    })
    .finally(() => {
      if (again && gen === generation) {
        again = false;
        runSync();
      }
    });
}
