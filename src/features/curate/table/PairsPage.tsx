import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import {
  clearFilters,
  isFiltered,
  type PairsView,
  type SortKey,
} from "../../../core/curation/view";
import { editPairText, setStatus } from "../../../db";
import { studio } from "../../../db/studio";
import { Button } from "../../../components/Button";
import { EmptyState } from "../../../components/EmptyState";
import { ProgressBar } from "../../../components/ProgressBar";
import { useCuration } from "../../../stores/curation-store";
import { attempt, useUi } from "../../../stores/ui-store";
import { historyScope } from "../history-scope";
import { BulkBar } from "./BulkBar";
import { FiltersBar } from "./FiltersBar";
import { HistoryButtons } from "../HistoryButtons";
import { askIndex, warmIndexWorker } from "./pairs-index-client";
import { syncNow } from "./pairs-sync";
import { PairsTable } from "./PairsTable";
import { installUrlSync } from "./url-sync";
import { usePairsQuery, usePairsSync } from "./use-pairs-query";
import { useTableKeys } from "./use-table-keys";
import { countsAndTimeLeft } from "../../../core/progress";
import { plural } from "../../../core/plural";

// The URL names the page and its view: opening a bookmarked URL opens this page on that view.
installUrlSync();
warmIndexWorker();

/** The project's pairs table (curation workbench): filter, search, sort, curate by keyboard. */
export function PairsPage({ projectId }: { projectId: string }) {
  const sync = usePairsSync(projectId);
  const { view, setView, patchView, focusedId, focusedIndex: lastIndex, focus } = useCuration();
  const { selection, anchorId, setSelection } = useCuration();
  const { editingId, setEditing, layout, setLayout } = useCuration();
  // The first batch of a load is in the worker once `loaded` moves (or the load ends empty).
  const ready = sync.projectId === projectId && (sync.loaded > 0 || !sync.loading);
  const query = usePairsQuery(view, sync.version, ready);
  const { ids } = query;
  const grid = useRef<HTMLDivElement>(null);

  // The focused pair, followed by id; when it leaves the view (accepted under a "pending"
  // filter), the focus stays at its place, on the pair that took it.
  const focusedIndex = useMemo(() => {
    if (ids.length === 0) return -1;
    if (focusedId !== null && ids.at(lastIndex) === focusedId) return lastIndex;
    const at = focusedId === null ? -1 : ids.indexOf(focusedId);
    return at >= 0 ? at : Math.max(0, Math.min(lastIndex, ids.length - 1));
  }, [ids, focusedId, lastIndex]);
  const current = focusedIndex >= 0 ? (ids.at(focusedIndex) ?? null) : null;

  const scope = historyScope(projectId);
  const focusGrid = () => grid.current?.focus({ preventScroll: true });
  const focusAt = (index: number) => {
    const at = Math.max(0, Math.min(ids.length - 1, index));
    const id = ids.at(at);
    if (id !== undefined) focus(id, at);
  };
  const onFocusRow = useCallback((id: string) => focus(id, ids.indexOf(id)), [focus, ids]);
  const onToggle = useCallback(
    (id: string, range: boolean) => {
      const { selection: sel, anchorId: anchor } = useCuration.getState();
      const next = new Set(sel);
      if (range && anchor !== null) {
        const from = ids.indexOf(anchor);
        const to = ids.indexOf(id);
        if (from >= 0 && to >= 0) {
          for (let i = Math.min(from, to); i <= Math.max(from, to); i++) next.add(ids.at(i) ?? "");
          setSelection(next, id);
          return;
        }
      }
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setSelection(next, id);
    },
    [ids, setSelection],
  );
  const onSave = useCallback(
    (id: string, text: { question: string; answer: string }) => {
      setEditing(null);
      attempt(async () => {
        await editPairText(studio, historyScope(projectId), id, text);
        syncNow();
      }, "Could not save the pair");
    },
    [projectId, setEditing],
  );
  const onCancel = useCallback(() => setEditing(null), [setEditing]);
  // When an editor closes, the keys go back to the grid. This runs in the commit that removed
  // the editor, so a key pressed right after (e to edit again) can't lose its new editor's focus
  // to a late callback.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && editingId === null) grid.current?.focus({ preventScroll: true });
    wasEditing.current = editingId !== null;
  }, [editingId]);
  const onOnlyDocument = useCallback(
    (documentId: string) => patchView({ documents: [documentId] }),
    [patchView],
  );

  useTableKeys(
    {
      move: (by) => focusAt(focusedIndex + by),
      moveTo: (where) => focusAt(where === "first" ? 0 : ids.length - 1),
      status: (status) => {
        if (!current) return;
        // Accepting or rejecting moves on to the next pair, so a review is one key per pair;
        // resetting stays (it corrects the pair in view). The focus follows the next pair by
        // id, also when the decided one leaves a filtered view.
        const next = status === "pending" ? undefined : ids.at(focusedIndex + 1);
        if (next !== undefined) focus(next, focusedIndex + 1);
        else focus(current, focusedIndex);
        attempt(async () => {
          await setStatus(studio, scope, [current], status);
          syncNow();
        }, "Could not change the status");
      },
      edit: () => current && setEditing(current),
      toggleSelect: () => current && onToggle(current, false),
      selectRange: () => current && onToggle(current, true),
      clearSelection: () => setSelection(new Set(), null),
      focusSearch: () => document.getElementById("pairs-search")?.focus(),
      openDocument: () => {
        if (!current) return;
        void askIndex({ kind: "rows", ids: [current] }).then(([row]) => {
          if (row) useUi.getState().selectDocument(row.documentId);
        });
      },
    },
    editingId !== null,
  );

  const onSort = (key: SortKey) =>
    patchView({
      sort: { key, desc: view.sort.key === key ? !view.sort.desc : key === "grounding" },
    });
  const selected = useMemo(() => [...selection], [selection]);
  const loading = sync.loading || sync.projectId !== projectId;
  const answered = query.view === view;
  const filtered = isFiltered(view);
  // The time from a change (of the view, or of the pairs) to its answer in the page, written
  // once that answer is in the DOM, so it counts the worker, the crossing and the render.
  const took = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (!took.current) return;
    const ms = Math.round(performance.now() - query.askedAt);
    took.current.textContent = answered && query.total > 0 ? ` · ${ms} ms` : "";
  }, [query, answered]);

  return (
    <main aria-label="Pairs" className="flex min-h-0 flex-1 flex-col">
      <div className="flex items-center gap-3 px-4 pt-3">
        <h1 className="text-base font-semibold">Pairs</h1>
        <p
          className="text-xs text-neutral-500"
          aria-live="polite"
          title={
            answered ? `${Math.round(query.workerMs)} ms of it in the index worker` : undefined
          }
          data-worker-ms={answered ? Math.round(query.workerMs) : undefined}
        >
          {filtered
            ? // Until the worker answers the new view, its count is not known yet.
              `${answered ? ids.length.toLocaleString("en-US") : "…"} of ${query.total.toLocaleString("en-US")} pairs match`
            : `${query.total.toLocaleString("en-US")} pairs`}
          <span ref={took} />
        </p>
        <div className="ml-auto">
          <HistoryButtons projectId={projectId} />
        </div>
      </div>
      {loading && (
        <div className="px-4 pt-2">
          <ProgressBar
            value={sync.total > 0 ? sync.loaded / sync.total : null}
            label="Loading pairs"
            detail={countsAndTimeLeft(sync.loaded, sync.total, sync.elapsedMs)}
          />
        </div>
      )}
      <FiltersBar
        view={view}
        statusCounts={query.statusCounts}
        layout={layout}
        version={sync.version}
        onPatch={patchView}
        onClear={() => setView(clearFilters(view))}
        onLayout={setLayout}
        onSearchDone={focusGrid}
      />
      <BulkBar
        projectId={projectId}
        selected={selected}
        matching={ids}
        onClearSelection={() => setSelection(new Set(), null)}
        onSelectAll={() => setSelection(new Set(ids.idsByKey()), null)}
      />
      {!loading && query.total === 0 && answered ? (
        <EmptyState title="No pairs yet">
          <p>
            Pairs appear here once documents are synthesized. Add documents and press Synthesize in
            the Studio, or import collections made by the ipt command.
          </p>
          <Button onClick={() => useUi.getState().setView("studio")}>Go to the Studio</Button>
        </EmptyState>
      ) : answered && ids.length === 0 && filtered ? (
        <EmptyState title="No pairs match the filter">
          <p>Nothing matches {describe(view)}.</p>
          <Button onClick={() => setView(clearFilters(view))}>Clear filters</Button>
        </EmptyState>
      ) : (
        <PairsTable
          ids={ids}
          version={sync.version}
          sort={view.sort}
          layout={layout}
          focusedIndex={focusedIndex}
          selection={selection}
          editingId={editingId}
          gridRef={grid}
          onSort={onSort}
          onLayout={setLayout}
          onFocusRow={onFocusRow}
          onToggle={onToggle}
          onOnlyDocument={onOnlyDocument}
          onSave={onSave}
          onCancel={onCancel}
        />
      )}
      <p className="sr-only" aria-live="polite">
        {anchorId && selection.size > 0 ? `${selection.size} selected` : ""}
      </p>
    </main>
  );
}

function describe(view: PairsView): string {
  const parts: string[] = [];
  if (view.search.trim() !== "") parts.push(`“${view.search.trim()}”`);
  if (view.statuses.length > 0) parts.push(view.statuses.join(" or "));
  if (view.flags.length > 0) parts.push(plural(view.flags.length, "flag filter"));
  if (view.taskTypes.length > 0) parts.push(plural(view.taskTypes.length, "task type"));
  if (view.documents.length > 0) parts.push(plural(view.documents.length, "document"));
  if (view.groundingMin !== null || view.groundingMax !== null) parts.push("the grounding range");
  return parts.length > 0 ? parts.join(", ") : "the filter";
}
