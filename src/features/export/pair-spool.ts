import { keepsPair, type PairFilter, type StudioPair } from "../../core/export/studio-dataset";
import type { ExportPlanEntry } from "../../db";

/** A batch's collections, as the page streams them. */
type Batch = readonly (readonly ExportPlanEntry[])[];

/** One pair as the spool keeps it: `[entry in its batch, pair index, status, question, answer]`. */
type SpooledPair = [number, number, StudioPair["status"], string, string];

/** A batch's pending records are made a Blob part once they reach about this many characters. */
const PART_CHARS = 1 << 18;
/** All batches' pending records together never exceed about this many characters. */
const PENDING_CHARS = 1 << 21;

/**
 * A project's pairs sorted into the export's batches, kept outside the JavaScript heap.
 *
 * Reading every pair with one cursor ({@link scanProjectPairs}) is several times faster than one
 * request per chunk, but the cursor brings them in key order, not in the order of the export:
 * any batch's pairs may come last. Holding them until their batch is streamed would hold the
 * whole project in the page. Instead each pair is written, as a short JSON record, to the Blob
 * parts of its batch (the browser keeps Blob data out of the page's heap, and may page large
 * ones to disk); a batch's pairs are read back, and parsed, only when that batch is streamed,
 * once per pass. Pairs the export's filter drops, and pairs of chunks not in the plan, are not
 * kept at all.
 */
export class PairSpool {
  /** Chunk id → [batch, entry in the batch]. */
  private readonly where = new Map<string, readonly [number, number]>();
  private readonly pending: string[][];
  private readonly pendingChars: number[];
  private readonly parts: Blob[][];
  private totalPending = 0;
  private readonly blobs: Blob[] = [];

  constructor(
    private readonly batches: readonly Batch[],
    private readonly filter: PairFilter,
  ) {
    batches.forEach((batch, b) => {
      let e = 0;
      for (const collection of batch)
        for (const entry of collection) this.where.set(entry.chunkId, [b, e++]);
    });
    this.pending = batches.map(() => []);
    this.pendingChars = batches.map(() => 0);
    this.parts = batches.map(() => []);
  }

  /** Keeps one pair, if the export wants it. */
  add(pair: StudioPair & { chunkId: string; index: number }): void {
    const at = this.where.get(pair.chunkId);
    if (at === undefined || !keepsPair(pair.status, this.filter)) return;
    const [b, e] = at;
    const record: SpooledPair = [e, pair.index, pair.status, pair.question, pair.answer];
    // Records joined by "," parse back as one JSON array per batch.
    const text = JSON.stringify(record) + ",";
    const pending = this.pending[b];
    if (!pending) return;
    pending.push(text);
    this.totalPending += text.length;
    this.pendingChars[b] = (this.pendingChars[b] ?? 0) + text.length;
    if ((this.pendingChars[b] ?? 0) >= PART_CHARS) this.flush(b);
    if (this.totalPending >= PENDING_CHARS) this.pending.forEach((_, i) => this.flush(i));
  }

  private flush(b: number): void {
    const pending = this.pending[b];
    if (!pending || pending.length === 0) return;
    // One string per part: a Blob made of many small strings costs a copy per string.
    this.parts[b]?.push(new Blob([pending.join("")]));
    this.totalPending -= this.pendingChars[b] ?? 0;
    this.pending[b] = [];
    this.pendingChars[b] = 0;
  }

  /** Called once every pair was added: each batch's parts become one Blob. */
  finish(): void {
    this.pending.forEach((_, b) => this.flush(b));
    this.parts.forEach((parts, b) => (this.blobs[b] = new Blob(parts)));
    this.parts.length = 0;
  }

  /** Batch `b`'s pairs: chunk id → its pairs in pair order. */
  async pairs(b: number): Promise<Map<string, StudioPair[]>> {
    const blob = this.blobs[b];
    const batch = this.batches[b];
    const out = new Map<string, StudioPair[]>();
    if (!blob || !batch || blob.size === 0) return out;
    const text = await blob.text();
    const records = JSON.parse(`[${text.slice(0, -1)}]`) as SpooledPair[];
    records.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    const chunkIds = batch.flatMap((collection) => collection.map((entry) => entry.chunkId));
    for (const [e, , status, question, answer] of records) {
      const chunkId = chunkIds[e];
      if (chunkId === undefined) continue;
      const list = out.get(chunkId);
      const pair = { question, answer, status };
      if (list) list.push(pair);
      else out.set(chunkId, [pair]);
    }
    return out;
  }
}
