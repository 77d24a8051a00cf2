import type { PairStatus } from "../rows";
import type { PairFacts } from "./facts";
import { FilterColumns, STATUS_CODE } from "./columns";
import { keepOnePerGroup, type KeepOnePlan } from "./keep-one";
import { SearchIndex } from "./search-index";
import { sortByKey, sortValue, type TitleRank } from "./sort";
import { SORT_KEYS, type PairsSort, type PairsView } from "./view";

/**
 * The project's pairs as the curation table sees them, answering "which pairs, in what order"
 * for any view in a few milliseconds. It lives in a worker (workers/pairs-index.worker.ts); the
 * page streams it {@link PairFacts} as they load and as they change.
 *
 * Each pair sits in a slot. A pair whose text changes moves to a new slot so the search index
 * never has to forget words; old slots are dropped by a rebuild once they pile up. Sort orders
 * are cached per sort and dropped only when a field they depend on changes.
 */

export interface PairsQueryResult {
  /** The ids of the pairs in the view, in its order. */
  ids: string[];
  /** Pairs in the project (loaded so far). */
  total: number;
  /** Per status: the pairs matching every filter but the status filter (for its buttons). */
  statusCounts: Record<PairStatus, number>;
}

/** A view's pairs as the keys their owner gave them (see {@link PairsIndex.upsert}). */
export interface PairsKeysResult extends Omit<PairsQueryResult, "ids"> {
  keys: Int32Array;
}

/** A row for the table: the pair's facts and its document's title. */
export interface PairsTableRow extends PairFacts {
  title: string;
}

export interface DocumentOption {
  id: string;
  title: string;
  pairs: number;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });
/** Rebuild once this many slots are dead and they outnumber the live ones. */
const COMPACT_AFTER = 20_000;

export class PairsIndex {
  private slots: (PairFacts | null)[] = [];
  /** The owner's number of the pair in each slot (-1 when none was given). */
  private keyOfSlot: number[] = [];
  private columns = new FilterColumns();
  private readonly slotOf = new Map<string, number>();
  private search = new SearchIndex();
  private dead = 0;
  private readonly titles = new Map<string, string>();
  /** Documents in title order, and each one's place in it; null when titles changed. */
  private ranked: { ids: string[]; rank: Map<string, number> } | null = null;
  private readonly orders = new Map<string, Int32Array>();

  /** Pairs held. */
  get size(): number {
    return this.slotOf.size;
  }

  /**
   * Adds new pairs and replaces known ones. `keys` names each row with a number of the owner's
   * (for {@link queryKeys}); the page numbers its pairs so a view crosses to it as numbers.
   */
  upsert(rows: readonly PairFacts[], keys?: ArrayLike<number>): void {
    let moved = false;
    const stale = new Set<string>();
    for (const [i, row] of rows.entries()) {
      const key = keys?.[i] ?? -1;
      // A document not in the title order yet (its title came before its pairs).
      if (this.ranked && !this.ranked.rank.has(row.documentId)) this.ranked = null;
      const slot = this.slotOf.get(row.id);
      const old = slot === undefined ? null : (this.slots[slot] ?? null);
      if (slot !== undefined && old && old.question === row.question && old.answer === row.answer) {
        this.slots[slot] = row;
        this.keyOfSlot[slot] = key;
        this.columns.set(slot, row);
        for (const sort of changedSorts(old, row)) stale.add(sort);
        continue;
      }
      if (slot !== undefined) {
        this.slots[slot] = null;
        this.columns.free(slot);
        this.dead++;
      }
      this.place(row, key);
      moved = true;
    }
    if (moved) this.orders.clear();
    else
      for (const name of [...this.orders.keys()])
        if (stale.has(sortOf(name))) this.orders.delete(name);
    this.maybeCompact();
    this.search.sortNewWords();
  }

  /** Sets the status of known pairs (a status sweep, db/sweeps.ts); unknown ids are ignored. */
  setStatus(ids: readonly string[], status: PairStatus): void {
    let changed = false;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      const old = slot === undefined ? null : (this.slots[slot] ?? null);
      if (slot === undefined || !old || old.status === status) continue;
      this.slots[slot] = { ...old, status };
      this.columns.setStatus(slot, status);
      changed = true;
    }
    if (changed)
      for (const name of [...this.orders.keys()])
        if (sortOf(name) === "status") this.orders.delete(name);
  }

  /** Drops pairs by id; unknown ids are ignored. */
  remove(ids: readonly string[]): void {
    let removed = false;
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.slots[slot] = null;
      this.columns.free(slot);
      this.slotOf.delete(id);
      this.dead++;
      removed = true;
    }
    if (removed) this.orders.clear();
    this.maybeCompact();
  }

  /** Drops every pair not in `ids` (the project's current ids); returns how many went. */
  retain(ids: readonly string[]): number {
    const keep = new Set(ids);
    const gone = [...this.slotOf.keys()].filter((id) => !keep.has(id));
    this.remove(gone);
    return gone.length;
  }

  /** Sets documents' titles (new documents, or renamed ones). */
  setTitles(entries: readonly (readonly [string, string])[]): void {
    let changed = false;
    for (const [id, title] of entries) {
      if (this.titles.get(id) === title) continue;
      this.titles.set(id, title);
      changed = true;
    }
    if (changed) {
      this.ranked = null;
      this.orders.clear();
    }
  }

  /** The pairs of a view, in order, with the counts its filter buttons show. */
  query(view: PairsView): PairsQueryResult {
    const { slots, ...rest } = this.select(view);
    return { ...rest, ids: Array.from(slots, (slot) => this.slots[slot]?.id ?? "") };
  }

  /** {@link query}, answered with the keys given to {@link upsert}. */
  queryKeys(view: PairsView): PairsKeysResult {
    const { slots, ...rest } = this.select(view);
    return { ...rest, keys: slots.map((slot) => this.keyOfSlot[slot] ?? -1) };
  }

  private select(view: PairsView): Omit<PairsQueryResult, "ids"> & { slots: Int32Array } {
    const order = this.order(view.sort);
    const filter = this.columns.compile(view);
    const found = this.search.search(view.search, this.slots.length);
    const slots = new Int32Array(order.length);
    const counts = new Int32Array(3);
    const n = this.columns.select(order, filter, found, slots, counts);
    const statusCounts = { pending: 0, accepted: 0, rejected: 0 };
    for (const s of Object.keys(statusCounts) as PairStatus[])
      statusCounts[s] = counts[STATUS_CODE[s]] ?? 0;
    return { slots: slots.subarray(0, n), total: this.slotOf.size, statusCounts };
  }

  /** The table rows of these ids, in the same order; null for unknown ids. */
  rows(ids: readonly string[]): (PairsTableRow | null)[] {
    return ids.map((id) => {
      const slot = this.slotOf.get(id);
      const p = slot === undefined ? null : this.slots[slot];
      return p ? { ...p, title: this.titles.get(p.documentId) ?? "" } : null;
    });
  }

  /**
   * Keep one per duplicate group, for the groups of the pairs `ids`: every member of those
   * groups in the project counts, not only the ones in `ids`.
   */
  keepOnePlan(ids: readonly string[]): KeepOnePlan {
    const groups = new Set<string>();
    for (const row of this.rows(ids)) if (row?.group) groups.add(row.group);
    const members: PairFacts[] = [];
    for (const p of this.slots) if (p?.group && groups.has(p.group)) members.push(p);
    return keepOnePerGroup(members.map((p) => ({ ...p, group: p.group ?? "" })));
  }

  /**
   * Documents whose title contains `text` (any case), with their pair counts, by title (the
   * title order the document sort keeps, so no request sorts 20,000 titles again).
   */
  documents(text: string, limit: number): DocumentOption[] {
    const counts = new Map<string, number>();
    for (const p of this.slots)
      if (p) counts.set(p.documentId, (counts.get(p.documentId) ?? 0) + 1);
    const needle = text.trim().toLowerCase();
    const out: DocumentOption[] = [];
    for (const id of this.titleOrder().ids) {
      const pairs = counts.get(id);
      const title = this.titles.get(id) ?? "";
      if (pairs === undefined || (needle !== "" && !title.toLowerCase().includes(needle))) continue;
      out.push({ id, title, pairs });
      if (out.length === limit) break;
    }
    return out;
  }

  /** The titles of these documents (empty when unknown). */
  titlesOf(ids: readonly string[]): string[] {
    return ids.map((id) => this.titles.get(id) ?? "");
  }

  private place(row: PairFacts, key: number): void {
    const slot = this.slots.length;
    this.slots.push(row);
    this.keyOfSlot.push(key);
    this.columns.set(slot, row);
    this.slotOf.set(row.id, slot);
    this.search.add(slot, row.question, row.answer);
  }

  private maybeCompact(): void {
    if (this.dead < COMPACT_AFTER || this.dead < this.slotOf.size) return;
    const live = this.slots.flatMap((p, slot) =>
      p ? [{ p, key: this.keyOfSlot[slot] ?? -1 }] : [],
    );
    this.slots = [];
    this.keyOfSlot = [];
    this.columns = new FilterColumns();
    this.slotOf.clear();
    this.search = new SearchIndex();
    this.dead = 0;
    this.orders.clear();
    for (const { p, key } of live) this.place(p, key);
    this.search.sortNewWords();
  }

  /** The documents of the held pairs in title order (collated, numeric), cached. */
  private titleOrder(): { ids: string[]; rank: Map<string, number> } {
    if (!this.ranked) {
      const docs = new Set<string>();
      for (const p of this.slots) if (p) docs.add(p.documentId);
      const ids = [...docs].sort(
        (a, b) =>
          collator.compare(this.titles.get(a) ?? "\uffff", this.titles.get(b) ?? "\uffff") ||
          (a < b ? -1 : a > b ? 1 : 0),
      );
      this.ranked = { ids, rank: new Map(ids.map((id, i) => [id, i])) };
    }
    return this.ranked;
  }

  private titleRank(): TitleRank {
    const { rank } = this.titleOrder();
    return (id) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  }

  /** Live slots in the sort's order, cached. */
  private order(sort: PairsSort): Int32Array {
    const name = `${sort.key}:${sort.desc ? "desc" : "asc"}`;
    const cached = this.orders.get(name);
    if (cached) return cached;
    const rank = this.titleRank();
    const live: number[] = [];
    const docRank = new Float64Array(this.slots.length);
    this.slots.forEach((p, slot) => {
      if (!p) return;
      live.push(slot);
      docRank[slot] = rank(p.documentId);
    });
    const facts = (slot: number) => this.slots[slot] as PairFacts; // live slots only
    const byDocument = (a: number, b: number) => {
      const pa = facts(a);
      const pb = facts(b);
      return (
        (docRank[a] ?? 0) - (docRank[b] ?? 0) ||
        pa.index - pb.index ||
        (pa.id < pb.id ? -1 : pa.id > pb.id ? 1 : 0)
      );
    };
    const order =
      sort.key === "document"
        ? live.sort((a, b) => (sort.desc ? byDocument(b, a) : byDocument(a, b)))
        : sortByKey(live, sort.desc, (slot) => sortValue(sort.key, facts(slot), rank), byDocument);
    const packed = Int32Array.from(order);
    this.orders.set(name, packed);
    return packed;
  }
}

const sortOf = (name: string) => name.slice(0, name.indexOf(":"));

/** The sorts whose order a change from `a` to `b` (same text) may change. */
function changedSorts(a: PairFacts, b: PairFacts): string[] {
  if (a.documentId !== b.documentId || a.index !== b.index) {
    // A move to another place in the project can change any order.
    return [...SORT_KEYS];
  }
  const out: string[] = [];
  if (a.status !== b.status) out.push("status");
  if (a.grounding !== b.grounding) out.push("grounding");
  if (a.taskType !== b.taskType) out.push("taskType");
  if (a.flags.length !== b.flags.length || a.flags.some((f, i) => b.flags[i] !== f))
    out.push("flags");
  if (a.updatedAt !== b.updatedAt) out.push("updated");
  return out;
}
