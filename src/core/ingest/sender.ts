/**
 * The worker's side of the trip to the page: documents go out in batches, each file's outcome
 * rides with the batch holding its last documents, and the sender waits for the page's
 * acknowledgements so that at most `maxUnacknowledged` batches are being sent or stored at
 * once. A fast parser therefore never piles documents up in the page's memory.
 */
import { Batcher, DEFAULT_BATCH, type BatchLimits } from "./batcher";
import type { IngestedDocument } from "./documents";
import type { WorkerFileOutcome } from "./report";

export interface BatchMessage {
  kind: "batch";
  seq: number;
  docs: IngestedDocument[];
  /** Files whose documents have all been sent, in this message or before. */
  outcomes: WorkerFileOutcome[];
}

export interface SenderIo {
  post(batch: BatchMessage): void;
  /** Resolves with the page's next acknowledgement. */
  nextAck(): Promise<unknown>;
  now(): number;
}

export interface SenderOptions {
  limits?: BatchLimits;
  /** Batches with documents the page may hold unacknowledged. */
  maxUnacknowledged?: number;
  /** A batch that has waited this long goes out even when small, so the list fills steadily. */
  flushMs?: number;
}

export class BatchSender {
  private readonly batcher: Batcher<IngestedDocument>;
  private readonly maxUnacknowledged: number;
  private readonly flushMs: number;
  private outcomes: WorkerFileOutcome[] = [];
  private seq = 0;
  private unacknowledged = 0;
  private lastSent: number;
  /** Documents sent so far. */
  documents = 0;

  constructor(
    private readonly io: SenderIo,
    options: SenderOptions = {},
  ) {
    this.batcher = new Batcher(options.limits ?? DEFAULT_BATCH);
    this.maxUnacknowledged = options.maxUnacknowledged ?? 2;
    this.flushMs = options.flushMs ?? 300;
    this.lastSent = io.now();
  }

  async add(doc: IngestedDocument): Promise<void> {
    const full = this.batcher.add(doc, doc.text.length);
    if (full) await this.send(full);
    else if (this.stale()) await this.send(this.batcher.flush() ?? []);
  }

  /** A file is done. Its outcome waits for the batch with its last documents, if one is open. */
  async finish(outcome: WorkerFileOutcome): Promise<void> {
    this.outcomes.push(outcome);
    if (this.batcher.pending === 0 || this.stale()) await this.send(this.batcher.flush() ?? []);
  }

  /** Sends what is left and waits until the page has stored everything. */
  async end(): Promise<void> {
    await this.send(this.batcher.flush() ?? []);
    while (this.unacknowledged > 0) await this.acknowledged();
  }

  private stale(): boolean {
    return this.io.now() - this.lastSent > this.flushMs;
  }

  private async acknowledged(): Promise<void> {
    await this.io.nextAck();
    this.unacknowledged--;
  }

  private async send(docs: IngestedDocument[]): Promise<void> {
    if (docs.length === 0 && this.outcomes.length === 0) return;
    while (this.unacknowledged >= this.maxUnacknowledged) await this.acknowledged();
    this.io.post({ kind: "batch", seq: this.seq++, docs, outcomes: this.outcomes });
    this.outcomes = [];
    this.lastSent = this.io.now();
    this.documents += docs.length;
    // The page acknowledges only the batches it has documents to store from.
    if (docs.length > 0) this.unacknowledged++;
  }
}
