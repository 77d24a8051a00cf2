import type { LengthBudget } from "../../core/budget";
import { parseSynthesizerOutput } from "../../core/parse";
import { completeRound, planRound, roundSlices, type Collection } from "../../core/rounds";
import { synthesize, type SynthesisOutcome } from "../../core/synthesize";
import type { Pair } from "../../core/types";
import type { SynthesisEngine } from "../../core/synthesis-engine";
import {
  getJob,
  nextRunnableJob,
  prepareClaim,
  roundTasks,
  setJobState,
  taskAfter,
  type DbContext,
  type EntryLink,
  type JobRow,
  type TaskRow,
} from "../../db";
import type { EngineStatus } from "../../stores/engine-store";
import { TaskWriteQueue } from "./task-writes";

export type ReadyEngine = Extract<EngineStatus, { state: "ready" }>;

/** What the runner tells the UI; throttling is the sink's business. */
export interface RunnerEvents {
  /** A task started (its document, titled `title`, is "current") or finished. */
  onTask?(event: {
    job: JobRow;
    task: TaskRow;
    phase: "start" | "end";
    pairs: number;
    title: string;
  }): void;
  /** Streamed text of a task in flight. */
  onText?(task: TaskRow, delta: string, pairs: Pair[] | null): void;
  /** The engine is retrying a request of this task after a transient failure. */
  onRetry?(task: TaskRow, info: { attempt: number; reason: string }): void;
  /** The job changed state (running, paused with a reason, done, cancelled). */
  onJob?(job: JobRow): void;
  /** Where a finished task's time went (for measuring the queue's own cost). */
  onTiming?(timing: TaskTiming): void;
}

/**
 * A task's timeline, in `performance.now()` milliseconds: taken from the queue, the engine
 * call (request, stream and the model's own time), and its commit stored. What is not engine
 * time is the pipeline's: planning, claiming, parsing, committing, and the page's rendering
 * whenever it delays one of these.
 */
export interface TaskTiming {
  taken: number;
  modelStart: number;
  modelEnd: number;
  committed: number;
}

/** This many failures in a row (after retries) pause the job: the engine is likely gone. */
export const FAILURES_BEFORE_PAUSE = 3;

/** Finished chunks a worker may have waiting to be stored while it runs the next one. */
const COMMITS_AHEAD = 2;

/**
 * Runs persisted jobs on the active engine (method spec, section 4): rounds in order, the
 * chunks of a round N at once (WebLLM: one), each committed in one transaction with its task.
 * The database is the only state that matters: stopping at any point (pause, reload, crash)
 * and calling {@link JobRunner.drive} again continues exactly where the queue says.
 *
 * Writes go through a {@link TaskWriteQueue}: a chunk's claim is stored while its request is
 * under way, and its commit while the worker's next chunks are requested (a worker has at most
 * COMMITS_AHEAD commits waiting), so the database's latency is mostly off the critical path,
 * and writes that arrive together share a transaction. A round ends only when all of its commits are stored.
 */
export class JobRunner {
  private active: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private stopAs: "paused" | "cancelled" | null = null;

  constructor(
    private readonly ctx: DbContext,
    private readonly engine: () => ReadyEngine | null,
    private readonly events: RunnerEvents = {},
    /** How prompts are measured for a job: its tokenizer in "tokens" mode, else words. */
    private readonly budgetFor: (job: JobRow) => Promise<LengthBudget> = () =>
      Promise.resolve("words"),
  ) {}

  get running(): boolean {
    return this.active !== null;
  }

  /** Works through the project's runnable jobs until none is left or it is stopped. */
  drive(projectId: string): Promise<void> {
    this.active ??= this.loop(projectId).finally(() => {
      this.active = null;
      this.controller = null;
    });
    return this.active;
  }

  /** Stops taking chunks and aborts those in flight; they go back to the queue. */
  async stop(jobId: string, as: "paused" | "cancelled"): Promise<void> {
    this.stopAs = as;
    this.controller?.abort();
    await this.active;
    this.stopAs = null;
    await setJobState(this.ctx, jobId, as);
    const job = await getJob(this.ctx, jobId);
    if (job) this.events.onJob?.(job);
  }

  private async loop(projectId: string): Promise<void> {
    for (;;) {
      const job = await nextRunnableJob(this.ctx, projectId);
      if (!job || this.stopAs) return;
      const ready = this.engine();
      if (!ready) return;
      this.controller = new AbortController();
      await setJobState(this.ctx, job.id, "running");
      this.events.onJob?.({ ...job, state: "running" });
      let outcome: { pauseReason?: string };
      try {
        outcome = await this.runJob(job, ready, this.controller.signal);
      } catch (err) {
        // A full disk or a missing tokenizer stops the run; what was committed stays.
        outcome = { pauseReason: err instanceof Error ? err.message : String(err) };
      }
      if (this.stopAs) return;
      if (outcome.pauseReason) {
        await setJobState(this.ctx, job.id, "paused", outcome.pauseReason);
        const paused = await getJob(this.ctx, job.id);
        if (paused) this.events.onJob?.(paused);
        return;
      }
      await setJobState(this.ctx, job.id, "done");
      const done = await getJob(this.ctx, job.id);
      if (done) this.events.onJob?.(done);
    }
  }

  private async runJob(
    job: JobRow,
    ready: ReadyEngine,
    signal: AbortSignal,
  ): Promise<{ pauseReason?: string }> {
    const { texts, titles } = await this.chunkTexts(job.chunkIds);
    const planOpts = {
      maxModelLen: job.settings.maxModelLen,
      maxNewTokens: job.settings.maxNewTokens,
      budget: await this.budgetFor(job),
    };
    const concurrency = Math.max(
      1,
      Math.min(job.settings.concurrency, ready.engine.capabilities.concurrency),
    );
    let collections: Collection[] = [];
    let failuresInARow = 0;
    const writes = new TaskWriteQueue(this.ctx);
    for (const slice of roundSlices(job.chunkIds.length, job.settings.rounds)) {
      const positions = range(slice.start, slice.end);
      const planned = planRound(
        collections,
        positions.map((p) => texts[p] ?? ""),
        planOpts,
        positions,
      );
      const tasks = await roundTasks(this.ctx, job.id, slice.round);
      const queue = tasks.filter((t) => t.state === "queued" || t.state === "running");
      let pauseReason: string | undefined;
      // A write that failed (a full disk): the run stops once the workers have settled.
      let failure: { error: unknown } | undefined;
      const work = async (): Promise<void> => {
        // Commits not yet stored, oldest first: at most COMMITS_AHEAD per worker, so the next
        // request goes out while earlier chunks are stored, and a crash redoes at most that many.
        const unstored: Promise<void>[] = [];
        for (let task = queue.shift(); task; task = queue.shift()) {
          if (signal.aborted || pauseReason || failure) break;
          const i = task.position - slice.start;
          const { after, committed } = await this.runTask(
            job,
            task,
            ready,
            planned,
            i,
            texts,
            titles,
            signal,
            writes,
          );
          unstored.push(
            committed.catch((error: unknown) => {
              failure ??= { error };
            }),
          );
          while (unstored.length > COMMITS_AHEAD) await unstored.shift();
          if (after.state === "queued" && !signal.aborted) queue.push(after);
          if (after.state === "failed" || (after.state === "queued" && after.error)) {
            failuresInARow++;
            if (failuresInARow >= FAILURES_BEFORE_PAUSE) {
              pauseReason = `${failuresInARow} chunks failed in a row (${after.error?.message ?? "unknown error"}). Resume when the engine is back; failed chunks are retried.`;
            }
          } else if (after.state === "done") failuresInARow = 0;
        }
        await Promise.all(unstored);
      };
      await Promise.all(range(0, concurrency).map(() => work()));
      if (failure) throw failure.error;
      if (signal.aborted) return {};
      if (pauseReason) return { pauseReason };
      // The next round's demonstrations come from the model's own pairs of this round.
      const finished = await roundTasks(this.ctx, job.id, slice.round);
      collections = completeRound(planned, await this.roundPairs(finished));
    }
    return {};
  }

  /**
   * Runs one task: claims it (stored while the request is under way), synthesizes, and queues
   * its commit. Returns the task's next state at once, and `committed`, which settles when
   * the commit is stored (or rejects if it could not be).
   */
  private async runTask(
    job: JobRow,
    task: TaskRow,
    ready: ReadyEngine,
    planned: ReturnType<typeof planRound>,
    i: number,
    texts: string[],
    titles: ReadonlyMap<string, string>,
    signal: AbortSignal,
    writes: TaskWriteQueue,
  ): Promise<{ after: TaskRow; committed: Promise<void> }> {
    const taken = performance.now();
    const text = texts[task.position] ?? "";
    // Approximation models get their own few-shot prompt and cannot take demonstrations.
    const plannedPrompt = planned.prompts[i] ?? "";
    const { prompt, stop } = ready.approximation
      ? ready.promptFor(text)
      : { prompt: plannedPrompt, stop: undefined };
    const demonstrations = ready.approximation ? 0 : (planned.demonstrations[i] ?? 0);
    const previous = planned.collections[i]?.at(-1)?.source;
    const link: EntryLink = {
      demonstrations,
      inheritsFromPrevious: false,
      followedByNext: false,
      ...(previous !== undefined ? { previousChunkId: job.chunkIds[previous] } : {}),
    };
    const options = {
      maxTokens: job.settings.maxNewTokens,
      temperature: job.settings.temperature,
      ...(stop ? { stop } : {}),
    };
    const claim = prepareClaim(this.ctx, task, {
      projectId: job.projectId,
      documentId: task.documentId,
      chunkId: task.chunkId,
      jobId: job.id,
      round: task.round,
      link,
      prompt,
      engineId: ready.engine.id,
      modelId: ready.engine.modelId,
      settings: { maxTokens: options.maxTokens, temperature: options.temperature },
    });
    const claimed = claim.task;
    const stored = writes.write({ kind: "claim", claim });
    const title = titles.get(task.documentId) ?? "";
    this.events.onTask?.({ job, task: claimed, phase: "start", pairs: 0, title });
    const model = { start: 0, end: 0 };
    const outcome: SynthesisOutcome = await synthesize({
      engine: timed(ready.engine, model),
      prompt,
      options,
      signal,
      now: () => Date.now(),
      events: {
        onText: (delta) => this.events.onText?.(claimed, delta, null),
        onPairs: (pairs) => this.events.onText?.(claimed, "", pairs),
        onRetry: (info) => this.events.onRetry?.(claimed, info),
      },
    });
    const after = taskAfter(claimed, claim.result.id, outcome, this.ctx.now());
    // The queue stores writes in order, so the commit can be queued before its claim is stored.
    const commit = writes.write({ kind: "commit", commit: { ...claim, outcome, link } });
    const committed = Promise.all([stored, commit]).then(([, { task: done, pairs }]) => {
      this.events.onTask?.({ job, task: done, phase: "end", pairs: pairs.length, title });
      this.events.onTiming?.({
        taken,
        modelStart: model.start,
        modelEnd: model.end,
        committed: performance.now(),
      });
    });
    return { after, committed };
  }

  /** The texts of the job's chunks, in job order, read from their documents, and the titles. */
  private async chunkTexts(
    chunkIds: readonly string[],
  ): Promise<{ texts: string[]; titles: Map<string, string> }> {
    const { db } = this.ctx;
    const chunks = await db.chunks.bulkGet([...chunkIds]);
    const docIds = [...new Set(chunks.flatMap((c) => (c ? [c.documentId] : [])))];
    const docs = new Map(
      (await db.documents.bulkGet(docIds)).flatMap((d) => (d ? [[d.id, d]] : [])),
    );
    return {
      texts: chunks.map((c) =>
        c ? (docs.get(c.documentId)?.text.slice(c.start, c.end) ?? "") : "",
      ),
      titles: new Map([...docs.values()].map((d) => [d.id, d.title])),
    };
  }

  /** Each task's pairs as the model wrote them (edits do not change what later rounds saw). */
  private async roundPairs(tasks: readonly TaskRow[]): Promise<Pair[][]> {
    const ids = tasks.map((t) => t.resultId ?? "");
    const results = await this.ctx.db.results.bulkGet(ids);
    return results.map((r) => (r?.state === "done" ? parseSynthesizerOutput(r.rawOutput) : []));
  }
}

/** The engine, recording when its (last) call started and ended. */
function timed(engine: SynthesisEngine, model: { start: number; end: number }): SynthesisEngine {
  return {
    id: engine.id,
    modelId: engine.modelId,
    capabilities: engine.capabilities,
    complete: async (prompt, options, events, signal) => {
      model.start = performance.now();
      try {
        return await engine.complete(prompt, options, events, signal);
      } finally {
        model.end = performance.now();
      }
    },
  };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
