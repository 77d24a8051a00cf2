import { RangeSet, rangesOverlap, type ObservabilitySet } from "dexie";
import { useEffect, useState } from "react";
import { resolveRows, type ResultState } from "../../db";
import { studio } from "../../db/studio";
import { touchesTables, watchMutations } from "../../lib/watch-mutations";

/*
 * The documents list reads as little as it can, so it stays fast with 10,000+ documents and
 * while an import stores a batch every few hundred milliseconds:
 * - the order and count come from the [projectId+createdAt] index's keys alone (no document is
 *   read, so no text crosses into the page), re-read at most a few times a second while
 *   documents change. Not through useLiveQuery: a live query also records every key it read
 *   (to know which writes concern it), which for 10,000 keys costs the page more than the read;
 * - titles, statuses and pair counts are read only for the rows on screen;
 * - a title filter walks the documents with a cursor, one row per step, so even 50 MB of text
 *   never blocks the page in one long task.
 */

export interface DocumentListItem {
  id: string;
  title: string;
  chars: number;
  pairs: number;
  accepted: number;
  /** Latest synthesis state, or "pending" before the first run. */
  status: ResultState | "pending";
}

const byCreation = (projectId: string) =>
  studio.db.documents
    .where("[projectId+createdAt]")
    .between([projectId, -Infinity], [projectId, Infinity]);

const touchesDocuments = touchesTables(studio.db.name, ["documents"]);

/**
 * `read()`'s result, read again (at most once per `ms`) after writes to the documents table.
 * Outside a live query, so nothing is recorded about what was read.
 */
function useDocumentsQuery<T>(read: (() => Promise<T>) | null, key: string, ms: number) {
  const [state, setState] = useState<{ key: string; value: T } | undefined>();
  useEffect(() => {
    if (!read) return;
    // After a write, wait `ms` so a burst of writes (an import's batches) is read once.
    return watchMutations(touchesDocuments, read, (value) => setState({ key, value }), ms, "delay");
    // `key` names the query: `read` is a new closure on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, ms]);
  return state?.key === key ? state.value : undefined;
}

/** The project's document ids in list order (oldest first), kept current. Keys only. */
export function useDocumentIds(projectId: string | null): string[] | undefined {
  const ids = useDocumentsQuery(
    projectId ? () => byCreation(projectId).primaryKeys() : null,
    projectId ?? "",
    500,
  );
  return projectId ? ids : [];
}

/** The rows on screen are read again at most this often while their documents change. */
const ITEMS_MS = 250;

/** What a read of the rows on screen depended on: their documents, results and pairs. */
interface ItemsRead {
  items: Map<string, DocumentListItem>;
  resultIds: string[];
  pairIds: string[];
}

async function readItems(wanted: readonly string[]): Promise<ItemsRead> {
  const { db } = studio;
  if (wanted.length === 0) return { items: new Map(), resultIds: [], pairIds: [] };
  // One range per document (anyOf over random ids would read nearly every key), all in one
  // read transaction: otherwise each range opens its own, dozens per read.
  const perDocument = <T>(read: (id: string) => Promise<T[]>) =>
    Promise.all(wanted.map(read)).then((lists) => lists.flat());
  const [docs, results, pairs] = await db.transaction(
    "r",
    [db.documents, db.results, db.pairs, db.sweeps],
    async () => {
      const [docs, results, pairs] = await Promise.all([
        db.documents.bulkGet([...wanted]),
        perDocument((id) =>
          db.results
            .where("[documentId+startedAt]")
            .between([id, -Infinity], [id, Infinity])
            .toArray(),
        ),
        perDocument((id) =>
          db.pairs.where("[documentId+index]").between([id, -Infinity], [id, Infinity]).toArray(),
        ),
      ]);
      return [docs, results, await resolveRows(studio, pairs)] as const;
    },
  );
  const latest = new Map<string, { startedAt: number; state: ResultState }>();
  for (const r of results) {
    const prev = latest.get(r.documentId);
    if (!prev || r.startedAt >= prev.startedAt) latest.set(r.documentId, r);
  }
  const counts = new Map<string, { pairs: number; accepted: number }>();
  for (const p of pairs) {
    const c = counts.get(p.documentId) ?? { pairs: 0, accepted: 0 };
    c.pairs++;
    if (p.status === "accepted") c.accepted++;
    counts.set(p.documentId, c);
  }
  const items = new Map<string, DocumentListItem>();
  for (const d of docs) {
    if (!d) continue;
    items.set(d.id, {
      id: d.id,
      title: d.title,
      chars: d.text.length,
      pairs: counts.get(d.id)?.pairs ?? 0,
      accepted: counts.get(d.id)?.accepted ?? 0,
      status: latest.get(d.id)?.state ?? "pending",
    });
  }
  return { items, resultIds: results.map((r) => r.id), pairIds: pairs.map((p) => p.id) };
}

/**
 * Whether a write touched what `read` depended on: one of its documents, a result or pair
 * added to or moved between them, or one of the results and pairs it read (a status change,
 * a deletion). The same test a live query makes, but the re-read is throttled.
 */
function touches(parts: ObservabilitySet, docs: RangeSet, read: ItemsRead | null): boolean {
  const base = `idb://${studio.db.name}`;
  const hit = (part: string, keys: RangeSet | null) => {
    const changed = parts[`${base}/${part}`];
    return changed !== undefined && keys !== null && rangesOverlap(changed, keys);
  };
  const results = read ? new RangeSet().addKeys(read.resultIds) : null;
  const pairs = read ? new RangeSet().addKeys(read.pairIds) : null;
  return (
    hit("documents/", docs) ||
    hit("results/documentId", docs) ||
    hit("pairs/documentId", docs) ||
    hit("results/", results) ||
    hit("results/:dels", results) ||
    hit("pairs/", pairs) ||
    hit("pairs/:dels", pairs) ||
    // A bulk accept may be a sweep, which writes no pair (db/sweeps.ts).
    parts[`${base}/sweeps/`] !== undefined
  );
}

/**
 * Title, status and pair counts of the given documents (the rows on screen), kept current.
 * Not a live query: while a batch commits chunks of documents on screen many times a second,
 * a live query would read the rows again after every commit. This one makes the same test
 * (see {@link touches}) and reads again at most every ITEMS_MS.
 */
export function useDocumentItems(
  ids: readonly string[],
): Map<string, DocumentListItem> | undefined {
  const key = ids.join("\n");
  const [items, setItems] = useState<Map<string, DocumentListItem>>();
  useEffect(() => {
    const wanted = key === "" ? [] : key.split("\n");
    const docs = new RangeSet().addKeys(wanted);
    let last: ItemsRead | null = null;
    return watchMutations(
      (parts) => touches(parts, docs, last),
      () => readItems(wanted),
      (read) => {
        last = read;
        setItems(read.items);
      },
      ITEMS_MS,
    );
  }, [key]);
  // Like a live query, the last read stays until the next one: rows still on screen after a
  // scroll keep their figures, new ones show placeholders for a moment.
  return items;
}

/** `value`, once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

/**
 * The ids of the documents whose title contains `filter` (any case); null when there is no
 * filter. Typing is debounced, the walk reads one document per cursor step, and while
 * documents change it is walked again at most once a second.
 */
export function useTitleFilter(projectId: string, filter: string): Set<string> | null | undefined {
  const needle = useSettled(filter.trim().toLowerCase(), 150);
  const matches = useDocumentsQuery(
    needle === ""
      ? null
      : async () => {
          const found = new Set<string>();
          await byCreation(projectId).each((d) => {
            if (d.title.toLowerCase().includes(needle)) found.add(d.id);
          });
          return found;
        },
    `${projectId}\n${needle}`,
    1000,
  );
  return needle === "" ? null : matches;
}
