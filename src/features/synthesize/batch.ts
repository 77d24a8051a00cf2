import { useEffect } from "react";
import {
  createJob,
  latestJob,
  listChunks,
  pendingChunks,
  readJobSettings,
  readTokenizer,
  retryFailedTasks,
  setJobState,
  type JobRow,
} from "../../db";
import { studio } from "../../db/studio";
import type { LengthBudget } from "../../core/budget";
import type { Pair } from "../../core/types";
import { tokenCounterFromJson } from "../../lib/token-counter";
import { useEngine } from "../../stores/engine-store";
import { useJobLive } from "../../stores/job-store";
import { useSynthesis } from "../../stores/synthesis-store";
import { toastError, useUi } from "../../stores/ui-store";
import { JobRunner, type ReadyEngine, type TaskTiming } from "./job-runner";

const RENDER_MS = 200;

function readyEngine(): ReadyEngine | null {
  const status = useEngine.getState().status;
  return status.state === "ready" ? status : null;
}

/*
 * The tab's one runner. Live figures are pushed to zustand at most every RENDER_MS (and once
 * more after the last change), so neither a stream of tokens nor hundreds of chunks a second
 * re-render the page per event. The live raw stream follows one task at a time (the oldest in
 * flight), which is what the document view shows; between two followed tasks the last one's
 * output stays up, so the view does not flicker per chunk.
 */
interface Followed {
  taskId: string;
  documentId: string;
  raw: string;
  pairs: Pair[];
  retries: { attempt: number; reason: string }[];
  startedAt: number;
  /** Its commit is stored: the next task to start is followed instead. */
  finished: boolean;
}
let followed: Followed | null = null;
/** The task whose stream is in useSynthesis now. */
let shownTask: string | null = null;
let lastRender = 0;
let trailing: ReturnType<typeof setTimeout> | null = null;
let pending = {
  tokens: 0,
  pairs: 0,
  finished: 0,
  current: null as { documentId: string; title: string } | null,
};

function flush(force = false): void {
  const t = Date.now();
  if (!force && t - lastRender < RENDER_MS) {
    trailing ??= setTimeout(
      () => {
        trailing = null;
        flush();
      },
      RENDER_MS - (t - lastRender),
    );
    return;
  }
  if (trailing) clearTimeout(trailing);
  trailing = null;
  lastRender = t;
  const live = useJobLive.getState().live;
  if (live) {
    useJobLive.getState().patch({
      tokens: live.tokens + pending.tokens,
      pairs: live.pairs + pending.pairs,
      finishedHere: live.finishedHere + pending.finished,
      ...(pending.current !== null
        ? { currentDocumentId: pending.current.documentId, currentTitle: pending.current.title }
        : {}),
    });
  }
  pending = { tokens: 0, pairs: 0, finished: 0, current: null };
  const f = followed;
  if (!f) return;
  if (shownTask !== f.taskId) {
    shownTask = f.taskId;
    useSynthesis.getState().begin({
      documentId: f.documentId,
      raw: f.raw,
      chunks: 0,
      pairs: f.pairs,
      startedAt: f.startedAt,
      retries: f.retries,
      stop: () => void pauseOrCancel("cancelled"),
    });
  } else {
    useSynthesis.getState().update({ raw: f.raw, pairs: f.pairs, retries: f.retries });
  }
}

/** The run stopped: last figures out, and the live stream closed. */
function endLive(): void {
  flush(true);
  useJobLive.getState().end();
  followed = null;
  if (shownTask !== null) {
    shownTask = null;
    useSynthesis.getState().end(null);
  }
}

async function budgetFor(job: JobRow): Promise<LengthBudget> {
  if (job.settings.budgetMode === "words") return "words";
  const tokenizer = await readTokenizer(studio, job.projectId);
  if (!tokenizer) {
    throw new Error(
      "This run counts tokens, but the project has no tokenizer.json. Load one in the synthesis settings, or switch the budget to words.",
    );
  }
  return tokenCounterFromJson(tokenizer.json);
}

/**
 * Where each chunk's time went, kept only when a benchmark asks for it by setting
 * `window.__iptBatchTimings` to an array (nothing is recorded otherwise).
 */
function recordTiming(timing: TaskTiming): void {
  const sink = (globalThis as { __iptBatchTimings?: unknown }).__iptBatchTimings;
  if (Array.isArray(sink)) sink.push(timing);
}

const runner = new JobRunner(
  studio,
  readyEngine,
  {
    onJob: (job) => {
      if (job.state === "running") {
        if (useJobLive.getState().live?.jobId !== job.id)
          useJobLive.getState().begin(job.id, Date.now());
        return;
      }
      endLive();
      if (job.state === "paused" && job.pauseReason) {
        useUi.getState().pushToast({ tone: "error", message: `Batch paused: ${job.pauseReason}` });
      }
    },
    onTask: ({ task, phase, pairs, title }) => {
      if (phase === "start") {
        pending.current = { documentId: task.documentId, title };
        if (!followed || followed.finished) {
          followed = {
            taskId: task.id,
            documentId: task.documentId,
            raw: "",
            pairs: [],
            retries: [],
            startedAt: Date.now(),
            finished: false,
          };
        }
      } else {
        pending.finished++;
        pending.pairs += pairs;
        if (followed?.taskId === task.id) followed.finished = true;
      }
      flush();
    },
    onRetry: (task, { attempt, reason }) => {
      if (followed?.taskId !== task.id) return;
      followed.retries = [...followed.retries, { attempt, reason }];
      flush();
    },
    onText: (task, delta, pairs) => {
      pending.tokens += delta === "" ? 0 : 1;
      if (followed?.taskId === task.id) {
        followed.raw += delta;
        if (pairs) followed.pairs = pairs;
      }
      flush();
    },
    onTiming: recordTiming,
  },
  budgetFor,
);

/**
 * Resumes the project's queue whenever an engine becomes ready: after a reload, a reconnect, or
 * loading a model. A paused or cancelled job waits for the user.
 */
export function useQueueResume(projectId: string | undefined): void {
  const ready = useEngine((s) => s.status.state === "ready");
  useEffect(() => {
    if (ready && projectId) driveQueue(projectId);
  }, [ready, projectId]);
}

/** Runs whatever the project's queue holds, reporting a failure instead of throwing. */
export function driveQueue(projectId: string): void {
  if (!readyEngine()) return;
  runner
    .drive(projectId)
    .catch((err: unknown) => toastError(err, "The batch stopped"))
    .finally(() => {
      if (!runner.running) endLive();
    });
}

/** Queues the pending chunks of the project (or of some documents) and starts the runner. */
export async function queuePending(
  projectId: string,
  documentIds?: readonly string[],
): Promise<JobRow | null> {
  const chunks = await pendingChunks(studio, projectId, documentIds);
  if (chunks.length === 0) return null;
  const job = await createJob(studio, {
    projectId,
    chunks,
    settings: await readJobSettings(studio, projectId),
  });
  driveQueue(projectId);
  return job;
}

/** Synthesizes one document again from scratch: all of its chunks, finished or not. */
export async function queueDocument(projectId: string, documentId: string): Promise<void> {
  const pending = await queuePending(projectId, [documentId]);
  if (pending) return;
  const chunks = await listChunks(studio, documentId);
  if (chunks.length === 0) return;
  await createJob(studio, {
    projectId,
    chunks,
    settings: await readJobSettings(studio, projectId),
  });
  driveQueue(projectId);
}

async function pauseOrCancel(as: "paused" | "cancelled"): Promise<void> {
  const projectId = useUi.getState().projectId;
  const job = projectId ? await latestJob(studio, projectId) : undefined;
  if (!job) return;
  if (runner.running) await runner.stop(job.id, as);
  else await setJobState(studio, job.id, as);
}

export const pauseBatch = () => pauseOrCancel("paused");
export const cancelBatch = () => pauseOrCancel("cancelled");

/** Resume a paused job, or retry a finished job's failed chunks: either way failed chunks get
 * fresh attempts, since a pause usually means the engine was gone. */
export async function resumeJob(job: JobRow): Promise<void> {
  await retryFailedTasks(studio, job.id);
  driveQueue(job.projectId);
}
