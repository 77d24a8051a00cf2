/**
 * A multimap from 30-bit hash keys to cells (small non-negative integers), kept in typed arrays:
 * the LSH buckets of the near-duplicate index. A project holds millions of band entries, almost
 * all in buckets of one; as JavaScript Maps and arrays they cost tens of bytes each and keep the
 * garbage collector busy, here about 16.
 *
 * Open addressing with linear probing over slots of three integers (key + 1, first cell + 1,
 * count), side by side so one probe touches one cache line. Each bucket is a linked list of cells
 * threaded through `next`, newest first. A bucket emptied by removals keeps its slot until the
 * next resize. The table is kept between 3/8 and 3/4 full (it doubles as it grows): keys are
 * uniform hashes, so probe runs stay short, and any size works (a key's home slot is
 * `key × size / 2^30`).
 */
const STRIDE = 3;
const KEY_RANGE = 2 ** 30;
const MAX_LOAD = 0.75;
const TARGET_LOAD = 0.375;

export class LshTable {
  private slots: Int32Array;
  /** Per cell: the next cell of its bucket + 1, 0 at the end. */
  private next: Int32Array = new Int32Array(1024);
  private size: number;
  private used = 0;

  constructor(capacity = 1024) {
    this.size = Math.max(16, Math.ceil(capacity / TARGET_LOAD));
    this.slots = new Int32Array(this.size * STRIDE);
  }

  /** How many cells the bucket of `key` holds. */
  count(key: number): number {
    const at = this.find(key);
    return this.slots[at] === 0 ? 0 : (this.slots[at + 2] as number);
  }

  /** The newest cell of the bucket of `key` + 1, or 0 when it is empty. Walk on with `after`. */
  first(key: number): number {
    const at = this.find(key);
    return this.slots[at] === 0 ? 0 : (this.slots[at + 1] as number);
  }

  /** The cell after `cell` in its bucket + 1, or 0 at the end. */
  after(cell: number): number {
    return this.next[cell] as number;
  }

  /** Puts a cell into the bucket of `key`. A cell belongs to at most one bucket at a time. */
  add(key: number, cell: number): void {
    if (cell >= this.next.length) this.next = grownInt32(this.next, cell + 1);
    let at = this.find(key);
    if (this.slots[at] === 0) {
      if (this.used + 1 > this.size * MAX_LOAD) {
        this.resize();
        at = this.find(key);
      }
      this.slots[at] = key + 1;
      this.used++;
    }
    this.next[cell] = this.slots[at + 1] as number;
    this.slots[at + 1] = cell + 1;
    this.slots[at + 2] = (this.slots[at + 2] as number) + 1;
  }

  /** Takes a cell out of the bucket of `key`; does nothing if it is not there. */
  remove(key: number, cell: number): void {
    const at = this.find(key);
    if (this.slots[at] === 0) return;
    let previous = 0;
    for (let c = this.slots[at + 1] as number; c !== 0; c = this.next[c - 1] as number) {
      if (c - 1 === cell) {
        const rest = this.next[cell] as number;
        if (previous === 0) this.slots[at + 1] = rest;
        else this.next[previous - 1] = rest;
        this.next[cell] = 0;
        this.slots[at + 2] = (this.slots[at + 2] as number) - 1;
        return;
      }
      previous = c;
    }
  }

  /** The index of the slot holding `key`, or of the empty slot where it would go. */
  private find(key: number): number {
    const wanted = key + 1;
    // Keys are uniform 30-bit hashes, so scaling them spreads them evenly over any size.
    let slot = Math.floor((key * this.size) / KEY_RANGE);
    for (;;) {
      const at = slot * STRIDE;
      const k = this.slots[at] as number;
      if (k === 0 || k === wanted) return at;
      slot = slot + 1 === this.size ? 0 : slot + 1;
    }
  }

  /** Rehashes the live buckets (emptied ones are dropped) into a table 3/8 full. */
  private resize(): void {
    const old = this.slots;
    let live = 0;
    for (let at = 0; at < old.length; at += STRIDE) if ((old[at + 2] as number) > 0) live++;
    this.size = Math.max(16, Math.ceil((live + 1) / TARGET_LOAD));
    this.slots = new Int32Array(this.size * STRIDE);
    this.used = 0;
    for (let from = 0; from < old.length; from += STRIDE) {
      if ((old[from + 2] as number) === 0) continue;
      const to = this.find((old[from] as number) - 1);
      this.slots[to] = old[from] as number;
      this.slots[to + 1] = old[from + 1] as number;
      this.slots[to + 2] = old[from + 2] as number;
      this.used++;
    }
  }
}

/** A copy of `a` with room for at least `length` entries (doubling, so growth is amortized). */
export function grownInt32(a: Int32Array, length: number): Int32Array {
  if (length <= a.length) return a;
  let size = Math.max(a.length, 16);
  while (size < length) size *= 2;
  const b = new Int32Array(size);
  b.set(a);
  return b;
}
