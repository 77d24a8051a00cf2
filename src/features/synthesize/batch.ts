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
import { tokenCounterFromJson } from "../../lib/token-counter";
import { useEngine } from "../../stores/engine-store";
import { useJobLive } from "../../stores/job-store";
import { useSynthesis } from "../../stores/synthesis-store";
import { toastError, useUi } from "../../stores/ui-store";
import { JobRunner, type ReadyEngine } from "./job-runner";

const RENDER_MS = 100;

function readyEngine(): ReadyEngine | null {
  const status = useEngine.getState().status;
  return status.state === "ready" ? status : null;
}

/*
 * The tab's one runner. Live figures are pushed to zustand at most every RENDER_MS, so a
 * stream of tokens never re-renders the page per token. The live raw stream follows one task
 * at a time (the oldest in flight), which is what the document view shows.
 */
let streamTask: string | null = null;
let raw = "";
let lastRender = 0;
let pending: { tokens: number; pairs: number; finished: number } = {
  tokens: 0,
  pairs: 0,
  finished: 0,
};

function flush(force = false): void {
  const t = Date.now();
  if (!force && t - lastRender < RENDER_MS) return;
  lastRender = t;
  const live = useJobLive.getState().live;
  if (live) {
    useJobLive.getState().patch({
      tokens: live.tokens + pending.tokens,
      pairs: live.pairs + pending.pairs,
      finishedHere: live.finishedHere + pending.finished,
    });
  }
  pending = { tokens: 0, pairs: 0, finished: 0 };
  if (streamTask) useSynthesis.getState().update({ raw });
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
      flush(true);
      useJobLive.getState().end();
      if (job.state === "paused" && job.pauseReason) {
        useUi.getState().pushToast({ tone: "error", message: `Batch paused: ${job.pauseReason}` });
      }
    },
    onTask: ({ task, phase, pairs }) => {
      if (phase === "start") {
        useJobLive.getState().patch({ currentDocumentId: task.documentId });
        if (streamTask === null) {
          streamTask = task.id;
          raw = "";
          useSynthesis.getState().begin({
            documentId: task.documentId,
            raw: "",
            chunks: 0,
            pairs: [],
            startedAt: Date.now(),
            retries: [],
            stop: () => void pauseOrCancel("cancelled"),
          });
        }
        return;
      }
      pending.finished++;
      pending.pairs += pairs;
      if (task.id === streamTask) {
        streamTask = null;
        useSynthesis.getState().end(null);
      }
      flush();
    },
    onRetry: (task, { attempt, reason }) => {
      if (task.id !== streamTask) return;
      const retries = useSynthesis.getState().live?.retries ?? [];
      useSynthesis.getState().update({ retries: [...retries, { attempt, reason }] });
    },
    onText: (task, delta, pairs) => {
      pending.tokens += delta === "" ? 0 : 1;
      if (task.id === streamTask) {
        raw += delta;
        if (pairs) useSynthesis.getState().update({ pairs });
      }
      flush();
    },
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
  runner.drive(projectId).catch((err: unknown) => toastError(err, "The batch stopped"));
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
