import { FLAGS } from "../quality/flags";
import { TASK_TYPES } from "../quality/task-type";
import type { PairStatus } from "../rows";
import type { PairFacts } from "./facts";
import type { SearchHits } from "./search-index";
import type { PairsFilter } from "./view";

/*
 * What the filters test, one typed array per field, indexed by the pair's slot in the index
 * (pairs-index.ts). A filter compiles to a few numbers and masks, and testing 100,000 slots is
 * one tight loop over flat memory: testing the pairs' objects through a chain of closures took
 * the page's worker 15–50 ms per filter change, and Node 21–50 ms (2–4 ms now).
 *
 * Within a kind of filter any value matches (accepted OR pending); the kinds combine (status
 * AND document AND type AND flag AND grounding).
 */

export const STATUS_CODE: Readonly<Record<PairStatus, number>> = {
  pending: 0,
  accepted: 1,
  rejected: 2,
};
const TYPE_CODE = new Map(TASK_TYPES.map((t, i) => [t, i]));
const FLAG_BIT = new Map(FLAGS.map((f, i) => [f, 1 << i]));
/** The type code of a pair without a task type: no type filter matches it. */
const NO_TYPE = 31;

/** A filter as masks: 0 (or null) means "any". */
export interface CompiledFilter {
  statusMask: number;
  typeMask: number;
  flagMask: number;
  /** By document number: 1 for the documents picked; null when no document is picked. */
  documents: Uint8Array | null;
  /** The grounding range; a pair without a score (NaN) fails any range. */
  ranged: boolean;
  min: number;
  max: number;
}

export class FilterColumns {
  /** 1 for a slot holding a pair, 0 for a free one. */
  private live = new Uint8Array(1024);
  private status = new Uint8Array(1024);
  private type = new Uint8Array(1024);
  private flags = new Uint32Array(1024);
  private doc = new Int32Array(1024);
  private grounding = new Float64Array(1024);
  private readonly docNumber = new Map<string, number>();

  /** Records the pair at `slot`. */
  set(slot: number, pair: PairFacts): void {
    if (slot >= this.status.length) this.grow(slot + 1);
    this.live[slot] = 1;
    this.status[slot] = STATUS_CODE[pair.status];
    this.type[slot] = pair.taskType === null ? NO_TYPE : (TYPE_CODE.get(pair.taskType) ?? NO_TYPE);
    let bits = 0;
    for (const f of pair.flags) bits |= FLAG_BIT.get(f) ?? 0;
    this.flags[slot] = bits;
    this.doc[slot] = this.documentNumber(pair.documentId);
    this.grounding[slot] = pair.grounding ?? Number.NaN;
  }

  setStatus(slot: number, status: PairStatus): void {
    this.status[slot] = STATUS_CODE[status];
  }

  /** Frees `slot` (its pair was removed or moved to another slot). */
  free(slot: number): void {
    this.live[slot] = 0;
  }

  compile(filter: PairsFilter): CompiledFilter {
    let statusMask = 0;
    for (const s of filter.statuses) statusMask |= 1 << STATUS_CODE[s];
    let typeMask = 0;
    for (const t of filter.taskTypes) typeMask |= 1 << (TYPE_CODE.get(t) ?? NO_TYPE);
    let flagMask = 0;
    for (const f of filter.flags) flagMask |= FLAG_BIT.get(f) ?? 0;
    let documents: Uint8Array | null = null;
    if (filter.documents.length > 0) {
      documents = new Uint8Array(this.docNumber.size + 1);
      for (const id of filter.documents) {
        const n = this.docNumber.get(id);
        if (n !== undefined) documents[n] = 1;
      }
    }
    const { groundingMin: min, groundingMax: max } = filter;
    return {
      statusMask,
      typeMask,
      flagMask,
      documents,
      ranged: min !== null || max !== null,
      min: min ?? Number.NEGATIVE_INFINITY,
      max: max ?? Number.POSITIVE_INFINITY,
    };
  }

  /**
   * Writes to `out` the live slots of `order` that pass `f` and the search `found` (when given),
   * in order, and returns how many. `counts` gets, per status code, the slots passing all but
   * the status filter (for the status buttons). One flat loop over typed arrays, so the JIT
   * keeps it tight: this is the whole cost of a filter change.
   */
  select(
    order: Int32Array,
    f: CompiledFilter,
    found: SearchHits | null,
    out: Int32Array,
    counts: Int32Array,
  ): number {
    const { live, status, type, flags, doc, grounding } = this;
    const { statusMask, typeMask, flagMask, documents, ranged, min, max } = f;
    const hits = found?.hits ?? null;
    const need = found?.need ?? 0;
    let n = 0;
    for (let i = 0; i < order.length; i++) {
      const slot = order[i] ?? 0;
      if (live[slot] !== 1) continue;
      if (hits !== null && hits[slot] !== need) continue;
      if (typeMask !== 0 && (typeMask & (1 << (type[slot] ?? NO_TYPE))) === 0) continue;
      if (flagMask !== 0 && (flagMask & (flags[slot] ?? 0)) === 0) continue;
      if (documents !== null && documents[doc[slot] ?? 0] !== 1) continue;
      if (ranged) {
        const g = grounding[slot] ?? Number.NaN;
        if (!(g >= min && g <= max)) continue;
      }
      const s = status[slot] ?? 0;
      counts[s] = (counts[s] ?? 0) + 1;
      if (statusMask === 0 || (statusMask & (1 << s)) !== 0) out[n++] = slot;
    }
    return n;
  }

  private documentNumber(id: string): number {
    let n = this.docNumber.get(id);
    if (n === undefined) {
      n = this.docNumber.size;
      this.docNumber.set(id, n);
    }
    return n;
  }

  private grow(min: number): void {
    const size = Math.max(min, this.status.length * 2);
    const grown = <T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    this.live = grown(this.live, new Uint8Array(size));
    this.status = grown(this.status, new Uint8Array(size));
    this.type = grown(this.type, new Uint8Array(size));
    this.flags = grown(this.flags, new Uint32Array(size));
    this.doc = grown(this.doc, new Int32Array(size));
    this.grounding = grown(this.grounding, new Float64Array(size));
  }
}
