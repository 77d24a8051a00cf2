/**
 * Groups documents into batches for the trip to the page: at most `maxItems` documents or about
 * `maxChars` characters (twice that in bytes), whichever comes first, so the page never
 * receives, clones and stores more than a few megabytes at once.
 */
export interface BatchLimits {
  maxItems: number;
  maxChars: number;
}

/**
 * About 250 documents or 2 MB of text: the page receives a batch in one task and serializes it
 * for IndexedDB in another, and each must stay well under the 200 ms a long task may take on a
 * slow machine (about 40 ms each for 2 MB on a fast one).
 */
export const DEFAULT_BATCH: BatchLimits = { maxItems: 250, maxChars: 1024 * 1024 };

export class Batcher<T> {
  private items: T[] = [];
  private chars = 0;

  constructor(private readonly limits: BatchLimits = DEFAULT_BATCH) {}

  /** Adds one item; returns the batch it completed, if any. */
  add(item: T, chars: number): T[] | null {
    this.items.push(item);
    this.chars += chars;
    return this.items.length >= this.limits.maxItems || this.chars >= this.limits.maxChars
      ? this.flush()
      : null;
  }

  /** The items not yet sent, or null when there are none. */
  flush(): T[] | null {
    if (this.items.length === 0) return null;
    const batch = this.items;
    this.items = [];
    this.chars = 0;
    return batch;
  }

  get pending(): number {
    return this.items.length;
  }
}
