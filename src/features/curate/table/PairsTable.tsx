import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import type { PairsSort, SortKey } from "../../../core/curation/view";
import type { TableLayout } from "../../../stores/curation-store";
import { ColumnResizer } from "./ColumnResizer";
import { PairsTableRow, rowHeight } from "./PairsTableRow";
import { OVERSCAN, readWindow, rowSlots } from "./row-window";
import { useRows } from "./use-pairs-query";
import type { ViewIds } from "./view-ids";

const COLUMNS: { key: SortKey | null; label: string }[] = [
  { key: null, label: "Select" },
  { key: "question", label: "Question" },
  { key: "answer", label: "Answer" },
  { key: "document", label: "Document" },
  { key: "status", label: "Status" },
  { key: "grounding", label: "Grounding" },
  { key: "taskType", label: "Task type" },
  { key: "flags", label: "Flags" },
];

export interface PairsTableProps {
  ids: ViewIds;
  version: number;
  sort: PairsSort;
  layout: TableLayout;
  focusedIndex: number;
  selection: ReadonlySet<string>;
  editingId: string | null;
  gridRef: RefObject<HTMLDivElement | null>;
  onSort: (key: SortKey) => void;
  onLayout: (patch: Partial<TableLayout>) => void;
  onFocusRow: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
  onOnlyDocument: (documentId: string) => void;
  onSave: (id: string, text: { question: string; answer: string }) => void;
  onCancel: () => void;
}

/**
 * The pairs grid: a sticky header with sortable columns and resizable text columns, and a
 * virtual body: only the rows on screen are rendered, and only they are read from the worker.
 */
export function PairsTable(props: PairsTableProps) {
  const { ids, layout, sort, focusedIndex, selection, editingId } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const gridTemplate = `2.25rem ${layout.questionWidth}px ${layout.answerWidth}px minmax(7rem,10rem) 6rem 6.5rem 8rem minmax(10rem,1fr)`;

  // Stable until the ids change: the virtualizer lays out every row again (100,000 of them)
  // whenever this function changes, which a new one on each render made every scroll step.
  const getItemKey = useCallback((i: number) => ids.at(i) ?? i, [ids]);
  // TanStack Virtual keeps its state in a mutable instance; this app does not run the React
  // Compiler, so the hook's results are not memoized behind its back.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight(layout.previewLines),
    getItemKey,
    overscan: OVERSCAN,
  });
  const items = virtualizer.getVirtualItems();
  const slots = rowSlots(
    items.length,
    virtualizer.scrollRect?.height ?? 0,
    rowHeight(layout.previewLines),
  );
  const rows = useRows(
    readWindow(ids, items[0]?.index ?? 0, items.at(-1)?.index ?? -1),
    props.version,
  );

  // Sizes start over when the row height changes, and when an editor opens or closes.
  useEffect(() => {
    virtualizer.measure();
  }, [layout.previewLines, editingId, virtualizer]);

  useEffect(() => {
    if (focusedIndex >= 0 && focusedIndex < ids.length) {
      virtualizer.scrollToIndex(focusedIndex, { align: "auto" });
    }
  }, [focusedIndex, ids.length, virtualizer]);

  const focusedId = ids.at(focusedIndex);
  return (
    <div ref={scroller} className="min-h-0 flex-1 overflow-auto">
      <div
        ref={props.gridRef}
        role="grid"
        aria-label="Pairs"
        aria-rowcount={ids.length + 1}
        aria-colcount={COLUMNS.length}
        aria-multiselectable
        tabIndex={0}
        aria-activedescendant={focusedId ? `pair-row-${focusedId}` : undefined}
        className="min-w-max outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
      >
        <div role="rowgroup" className="sticky top-0 z-20">
          <div
            role="row"
            aria-rowindex={1}
            className="grid border-b border-neutral-200 bg-neutral-100 text-xs font-semibold text-neutral-600 dark:border-neutral-800 dark:bg-neutral-900 dark:text-neutral-300"
            style={{ gridTemplateColumns: gridTemplate }}
          >
            {COLUMNS.map((col) => {
              const sorted = col.key !== null && sort.key === col.key;
              return (
                <div
                  key={col.label}
                  role="columnheader"
                  aria-sort={sorted ? (sort.desc ? "descending" : "ascending") : undefined}
                  className="relative flex items-center px-2 py-1.5"
                >
                  {col.key === null ? (
                    <span className="sr-only">{col.label}</span>
                  ) : (
                    <button
                      type="button"
                      // A click sorts without taking the focus from the rows (Enter there edits);
                      // Tab still reaches the button.
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => col.key && props.onSort(col.key)}
                      className="flex items-center gap-1 hover:text-neutral-900 dark:hover:text-white"
                      title={`Sort by ${col.label.toLowerCase()}`}
                    >
                      {col.label}
                      <span aria-hidden className="w-3 text-[10px]">
                        {sorted ? (sort.desc ? "▼" : "▲") : ""}
                      </span>
                    </button>
                  )}
                  {col.key === "question" && (
                    <ColumnResizer
                      label="Resize the question column"
                      width={layout.questionWidth}
                      onWidth={(questionWidth) => props.onLayout({ questionWidth })}
                    />
                  )}
                  {col.key === "answer" && (
                    <ColumnResizer
                      label="Resize the answer column"
                      width={layout.answerWidth}
                      onWidth={(answerWidth) => props.onLayout({ answerWidth })}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const id = ids.at(item.index) ?? "";
            return (
              <PairsTableRow
                key={item.index % slots}
                id={id}
                row={rows.get(id)}
                position={item.index}
                top={item.start}
                gridTemplate={gridTemplate}
                focused={item.index === focusedIndex}
                selected={selection.has(id)}
                editing={editingId === id}
                previewLines={layout.previewLines}
                measure={virtualizer.measureElement}
                onFocusRow={props.onFocusRow}
                onToggle={props.onToggle}
                onOnlyDocument={props.onOnlyDocument}
                onSave={props.onSave}
                onCancel={props.onCancel}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
