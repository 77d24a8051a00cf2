/*
 * A view's answer crosses from the worker as numbers, not ids. The page numbers each pair as
 * it hands it to the worker ({@link PairKeys}), so a query's answer is one Int32Array that the
 * browser moves without copying. Building and copying 100,000 id strings instead took most of a
 * filter change (a joined string cost 150–350 ms in the worker alone).
 */

/** The page's numbers for one load of a project's pairs: id ↔ key. */
export class PairKeys {
  private readonly keyOf = new Map<string, number>();
  private readonly ids: string[] = [];

  /** The pair's key, given one on first sight. */
  keyFor(id: string): number {
    let key = this.keyOf.get(id);
    if (key === undefined) {
      key = this.ids.length;
      this.ids.push(id);
      this.keyOf.set(id, key);
    }
    return key;
  }

  keysFor(ids: readonly string[]): Int32Array {
    return Int32Array.from(ids, (id) => this.keyFor(id));
  }

  id(key: number): string | undefined {
    return this.ids[key];
  }

  key(id: string): number | undefined {
    return this.keyOf.get(id);
  }
}

/** The pairs of a view in order, named on demand. */
export class ViewIds {
  static readonly EMPTY = new ViewIds(new Int32Array(0), new PairKeys());

  constructor(
    private readonly keys: Int32Array,
    private readonly names: PairKeys,
  ) {}

  get length(): number {
    return this.keys.length;
  }

  /** The id at `index`, or undefined outside the view. */
  at(index: number): string | undefined {
    const key = this.keys[index];
    return key === undefined ? undefined : this.names.id(key);
  }

  /** Where `id` is in the view, or -1. */
  indexOf(id: string): number {
    const key = this.names.key(id);
    return key === undefined ? -1 : this.keys.indexOf(key);
  }

  /**
   * Every id, for a bulk action or "select all", in the order the page first saw them rather
   * than the view's: pairs load in id order, which is the order a bulk write reads fastest.
   */
  idsByKey(): string[] {
    return Array.from(Int32Array.from(this.keys).sort(), (key) => this.names.id(key) ?? "");
  }
}
