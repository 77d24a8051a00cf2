import { Dexie, type ObservabilitySet } from "dexie";
import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useState } from "react";
import type { ResultState } from "../../db";
import { studio } from "../../db/studio";

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

const touchesDocuments = (parts: ObservabilitySet) =>
  Object.keys(parts).some((p) => p.startsWith(`idb://${studio.db.name}/documents/`));

/**
 * `read()`'s result, read again (at most once per `ms`) after writes to the documents table.
 * Outside a live query, so nothing is recorded about what was read.
 */
function useDocumentsQuery<T>(read: (() => Promise<T>) | null, key: string, ms: number) {
  const [state, setState] = useState<{ key: string; value: T } | undefined>();
  useEffect(() => {
    if (!read) return;
    let stopped = false;
    let running = false;
    let again = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const run = async () => {
      timer = null;
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        const value = await read();
        if (!stopped) setState({ key, value });
      } finally {
        running = false;
        if (again && !stopped) {
          again = false;
          schedule();
        }
      }
    };
    const schedule = () => {
      timer ??= setTimeout(() => void run(), ms);
    };
    const onMutated = (parts: ObservabilitySet) => {
      if (touchesDocuments(parts)) schedule();
    };
    Dexie.on.storagemutated.subscribe(onMutated);
    void run();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
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

/** Title, status and pair counts of the given documents (the rows on screen), kept live. */
export function useDocumentItems(
  ids: readonly string[],
): Map<string, DocumentListItem> | undefined {
  const key = ids.join("\n");
  return useLiveQuery(async () => {
    const wanted = key === "" ? [] : key.split("\n");
    if (wanted.length === 0) return new Map<string, DocumentListItem>();
    const { db } = studio;
    // One range per document, not anyOf: a live query then re-runs only when a row of a
    // document on screen changes (anyOf over random ids spans nearly every key, so a batch
    // run would re-run it on every commit, cursor step by cursor step).
    const perDocument = <T>(read: (id: string) => Promise<T[]>) =>
      Promise.all(wanted.map(read)).then((lists) => lists.flat());
    const [docs, results, pairs] = await Promise.all([
      db.documents.bulkGet(wanted),
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
    return items;
  }, [key]);
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
