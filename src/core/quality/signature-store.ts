/**
 * The candidate search behind the near-duplicate index: MinHash LSH buckets in typed arrays, one
 * row per stored item (rows are reused after deletion), and each item's shingle set for the
 * final check. It answers one question: which stored items are similar to this one?
 *
 * Candidates are verified on the exact Jaccard similarity of the shingle sets, not on the MinHash
 * estimate. Questions are short, so their sets cost a few numbers each, and the estimate's noise
 * (±0.04 at 128 hashes) lets pairs just under the threshold through about one time in four, and
 * union-find then chains those into giant groups of questions that merely share a frame (seen on
 * 100,000 templated questions: one group of 14,000).
 */
import { LshTable } from "./lsh-table";
import { bandKeys, exactJaccard, hashShingles, signatureOf, type MinHashParams } from "./minhash";

/**
 * Candidates sharing fewer bands than this are not verified. At J = 0.75 (32 bands of 4 rows)
 * that loses about 1 true pair in 10,000, and it spares most verifications.
 */
export const MIN_BAND_HITS = 2;

export class SignatureStore<T> {
  private readonly items: (T | undefined)[] = [];
  private readonly sets: (readonly number[] | undefined)[] = [];
  private readonly free: number[] = [];
  private keys = new Int32Array(0);
  private setHashes = new Int32Array(0);
  /** Per row, side by side: the last `similar` pass that met it, and in how many bands. */
  private marks = new Int32Array(0);
  private capacity = 0;
  private readonly bands = new LshTable();
  private readonly identical = new LshTable();
  private pass = 0;

  constructor(private readonly params: Readonly<MinHashParams>) {}

  /**
   * Stores an item with its shingles (sorted and unique, as `shingleHashes` returns them) and
   * returns its row, or -1 when it has no shingles.
   */
  insert(item: T, shingles: readonly number[]): number {
    if (shingles.length === 0) return -1;
    const b = this.params.bands;
    const row = this.free.pop() ?? this.items.length;
    if (row >= this.capacity) this.grow(row + 1);
    this.items[row] = item;
    this.sets[row] = shingles;
    const keys = bandKeys(signatureOf(shingles, this.params.numHashes), b);
    this.keys.set(keys, row * b);
    keys.forEach((key, band) => this.bands.add(key, row * b + band));
    const setHash = hashShingles(shingles);
    this.setHashes[row] = setHash;
    this.identical.add(setHash, row);
    return row;
  }

  /** Forgets a row; it may be handed out again. */
  delete(row: number): void {
    if (row < 0 || this.items[row] === undefined) return;
    const b = this.params.bands;
    for (let band = 0; band < b; band++) {
      this.bands.remove(this.keys[row * b + band] as number, row * b + band);
    }
    this.identical.remove(this.setHashes[row] as number, row);
    this.items[row] = undefined;
    this.sets[row] = undefined;
    this.free.push(row);
  }

  /**
   * Calls `found` for stored items similar to the one at `row` (Jaccard similarity at or above
   * the threshold) that `wanted` accepts; `wanted` is asked just before each verification, so it
   * can skip items that earlier calls of `found` made irrelevant.
   *
   * - An item with the same shingle set is reported first, and only one: equal sets are all
   *   similar to each other, so the caller has joined them already.
   * - A band bucket holding more than `maxBucket` items is a stop band and is not scanned: it is
   *   made of words nearly every question uses, and scanning it would make indexing quadratic.
   */
  similar(row: number, wanted: (item: T) => boolean, found: (item: T) => void): void {
    const own = this.sets[row];
    if (own === undefined) return;
    const { bands: b, maxBucket, threshold } = this.params;
    for (let c = this.identical.first(this.setHashes[row] as number); c !== 0;) {
      const other = c - 1;
      const item = this.items[other];
      if (other !== row && item !== undefined && wanted(item) && this.jaccard(row, other) === 1) {
        found(item);
        break;
      }
      c = this.identical.after(other);
    }

    const pass = ++this.pass;
    const marks = this.marks;
    const candidates: number[] = [];
    for (let band = 0; band < b; band++) {
      const key = this.keys[row * b + band] as number;
      if (this.bands.count(key) > maxBucket) continue;
      for (let c = this.bands.first(key); c !== 0; c = this.bands.after(c - 1)) {
        const other = ((c - 1) / b) | 0;
        if (other === row) continue;
        if (marks[other * 2] === pass) {
          marks[other * 2 + 1] = (marks[other * 2 + 1] as number) + 1;
        } else {
          marks[other * 2] = pass;
          marks[other * 2 + 1] = 1;
          candidates.push(other);
        }
      }
    }
    for (const other of candidates) {
      if ((marks[other * 2 + 1] as number) < MIN_BAND_HITS) continue;
      const item = this.items[other];
      // The epsilon keeps 3/4 at a 0.75 threshold from failing on rounding.
      if (item !== undefined && wanted(item) && this.jaccard(row, other) >= threshold - 1e-12) {
        found(item);
      }
    }
  }

  private jaccard(a: number, b: number): number {
    return exactJaccard(this.sets[a] ?? [], this.sets[b] ?? []);
  }

  /** Doubles the pooled arrays until `rows` rows fit. */
  private grow(rows: number): void {
    let capacity = Math.max(this.capacity, 64);
    while (capacity < rows) capacity *= 2;
    const keys = new Int32Array(capacity * this.params.bands);
    keys.set(this.keys);
    const setHashes = new Int32Array(capacity);
    setHashes.set(this.setHashes);
    const marks = new Int32Array(capacity * 2);
    marks.set(this.marks);
    this.keys = keys;
    this.setHashes = setHashes;
    this.marks = marks;
    this.capacity = capacity;
  }
}
