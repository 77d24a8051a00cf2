import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { PairsQueryResult, PairsTableRow } from "../../../core/curation/pairs-index";
import type { PairsView } from "../../../core/curation/view";
import { toastError } from "../../../stores/ui-store";
import { askIndex } from "./pairs-index-client";
import { currentKeys, followProject, subscribeSync, syncState, type SyncState } from "./pairs-sync";
import { mergeRows, rowsToAsk, type ReadRows } from "./row-window";
import { ViewIds } from "./view-ids";

/** The sync state of the project's pairs in the worker (loading progress, version). */
export function usePairsSync(projectId: string): SyncState {
  useEffect(() => followProject(projectId), [projectId]);
  return useSyncExternalStore(subscribeSync, syncState);
}

export interface QueryState extends Omit<PairsQueryResult, "ids"> {
  /** The view's pairs in order. */
  ids: ViewIds;
  /**
   * When the view or the pairs changed to ask this (performance.now()): the page times a change
   * from here to its answer in the DOM.
   */
  askedAt: number;
  /** How much of it the worker spent on the query itself. */
  workerMs: number;
  /** The view and version these ids answer. */
  view: PairsView | null;
}

const EMPTY: QueryState = {
  ids: ViewIds.EMPTY,
  total: 0,
  statusCounts: { pending: 0, accepted: 0, rejected: 0 },
  askedAt: 0,
  workerMs: 0,
  view: null,
};

/**
 * The ids of the view, in order, asked again whenever the view or the pairs change. At most one
 * query is in flight: while it runs, newer requests collapse into one for the latest view.
 * Nothing is asked while `ready` is false (no pair is in the worker yet): an empty answer then
 * only costs the page a render while it waits for the first rows.
 */
export function usePairsQuery(view: PairsView, version: number, ready: boolean): QueryState {
  const [result, setResult] = useState<QueryState>(EMPTY);
  const latest = useRef({ view, version, at: 0 });
  const busy = useRef(false);
  const wanted = useRef(false);

  useEffect(() => {
    latest.current = { view, version, at: performance.now() };
    if (!ready) return;
    const run = () => {
      if (busy.current) {
        wanted.current = true;
        return;
      }
      busy.current = true;
      const { view: asked, at } = latest.current;
      const keys = currentKeys();
      askIndex({ kind: "query", view: asked })
        .then(({ keys: answer, ...r }) =>
          setResult({
            ...r,
            ids: new ViewIds(answer, keys),
            askedAt: at,
            view: asked,
          }),
        )
        .catch((err: unknown) => toastError(err, "Could not query the pairs"))
        .finally(() => {
          busy.current = false;
          if (wanted.current) {
            wanted.current = false;
            run();
          }
        });
    };
    run();
  }, [view, version, ready]);

  return result;
}

/**
 * The table rows for these ids (the visible window), read from the worker. A scroll step asks
 * only for the rows it lacks; a new version of the pairs asks for all of them again. Rows
 * already shown stay until their fresh copies arrive, so a sync never blanks the table.
 */
export function useRows(
  ids: readonly string[],
  version: number,
): ReadonlyMap<string, PairsTableRow> {
  const [read, setRead] = useState<ReadRows>(() => ({ rows: new Map(), version: -1 }));
  // The rows at hand when the window moves, without making them an input of the read below:
  // each answer changes them, and must not start another read.
  const latest = useRef(read);
  useEffect(() => {
    latest.current = read;
  }, [read]);
  // Ids hold no newline (they are UUIDs): the joined string is the effect's key and its input.
  const joined = ids.join("\n");
  useEffect(() => {
    let live = true;
    if (joined === "") return;
    const wanted = joined.split("\n");
    const asked = rowsToAsk(wanted, latest.current, version);
    const answer = asked.length > 0 ? askIndex({ kind: "rows", ids: asked }) : Promise.resolve([]);
    answer
      .then((found) => {
        if (live) setRead((prev) => mergeRows(prev, found, wanted, version));
      })
      .catch((err: unknown) => toastError(err, "Could not read the pairs"));
    return () => {
      live = false;
    };
  }, [joined, version]);
  return read.rows;
}
