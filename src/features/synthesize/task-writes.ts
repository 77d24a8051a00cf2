import {
  writeTaskBatch,
  type DbContext,
  type PairRow,
  type TaskRow,
  type TaskWrite,
} from "../../db";

interface Waiting {
  write: TaskWrite;
  resolve: (out: { task: TaskRow; pairs: PairRow[] }) => void;
  reject: (err: unknown) => void;
}

/**
 * The job queue's writes, grouped: a write waits while a transaction is being stored, and
 * every write that arrived meanwhile goes into the next transaction together (group commit).
 * A transaction costs the browser more than its rows, so chunks finishing within a few
 * milliseconds of each other, and the claim of the next chunk, share one. Writes are stored in
 * the order they were queued, so a task's claim always lands before its commit.
 */
export class TaskWriteQueue {
  private waiting: Waiting[] = [];
  private draining = false;

  constructor(private readonly ctx: DbContext) {}

  /** Queues a write; resolves once the transaction holding it is stored. */
  write(write: TaskWrite): Promise<{ task: TaskRow; pairs: PairRow[] }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ write, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        void this.drain();
      }
    });
  }

  private async drain(): Promise<void> {
    // Writes queued before the next task of the event loop join this transaction: at one
    // chunk at a time, a chunk's commit and the next chunk's claim.
    await nextTask();
    // No await between the last check and clearing the flag: a write queued later starts
    // a new drain instead of waiting for this finished one.
    while (this.waiting.length > 0) {
      const batch = this.waiting;
      this.waiting = [];
      try {
        const out = await writeTaskBatch(
          this.ctx,
          batch.map((w) => w.write),
        );
        batch.forEach((w, i) => {
          const written = out[i];
          if (written) w.resolve(written);
          else w.reject(new Error("The job queue lost a write."));
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    this.draining = false;
  }
}

/** Resolves in a later task of the event loop, after every pending microtask. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof setImmediate === "function") setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
}
