import { useState, type CSSProperties } from "react";
import { StatusChip } from "./status-chip";
import type { DocumentListItem } from "./use-document-list";

/** Where a row sits in the virtual list, and the callback that measures its height. */
export interface RowPlacement {
  index: number;
  top: number;
  measure: (el: HTMLLIElement | null) => void;
}

const placed = (top: number): CSSProperties => ({
  position: "absolute",
  top: 0,
  left: 0,
  width: "100%",
  transform: `translateY(${top}px)`,
});

export interface DocumentItemProps extends RowPlacement {
  item: DocumentListItem;
  selected: boolean;
  onSelect: () => void;
  /** Ticked for acting on several documents at once (not the same as the open one). */
  checked: boolean;
  /** Ticks or unticks; `range` when Shift was held (everything from the last ticked row). */
  onCheck: (range: boolean) => void;
  onRename: (title: string) => void;
  onDelete: () => void;
}

/** A row whose document is still being read: same height, so the list does not jump. */
export function DocumentItemPlaceholder({ index, top, measure }: RowPlacement) {
  return (
    <li
      ref={measure}
      data-index={index}
      style={placed(top)}
      aria-busy="true"
      className="px-2 py-1.5"
    >
      <div className="h-4 w-3/4 rounded bg-neutral-200 dark:bg-neutral-800" />
      <div className="mt-2 h-3 w-1/3 rounded bg-neutral-100 dark:bg-neutral-900" />
    </li>
  );
}

export function DocumentItem({
  item,
  selected,
  onSelect,
  checked,
  onCheck,
  onRename,
  onDelete,
  index,
  top,
  measure,
}: DocumentItemProps) {
  const [renaming, setRenaming] = useState(false);
  const [draft, setDraft] = useState(item.title);

  const commit = () => {
    setRenaming(false);
    if (draft.trim() && draft !== item.title) onRename(draft);
  };

  return (
    <li
      ref={measure}
      data-index={index}
      style={placed(top)}
      className={`group rounded-md border px-2 py-1.5 ${selected ? "border-indigo-400 bg-indigo-50 dark:border-indigo-600 dark:bg-indigo-950/50" : "border-transparent hover:bg-neutral-100 dark:hover:bg-neutral-800/60"}`}
    >
      <div className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={checked}
          aria-label={`Select ${item.title}`}
          title="Select (Shift-click: select a range)"
          // React reports a checkbox's change from its click, so Shift is on the native event.
          onChange={(e) => onCheck((e.nativeEvent as Partial<MouseEvent>).shiftKey === true)}
          className="shrink-0"
        />
        {renaming ? (
          <input
            aria-label="Document title"
            value={draft}
            // eslint-disable-next-line jsx-a11y/no-autofocus -- the user just asked to rename
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === "Enter") commit();
              if (e.key === "Escape") {
                setDraft(item.title);
                setRenaming(false);
              }
            }}
            className="min-w-0 flex-1 rounded border border-neutral-300 bg-white px-1 py-0.5 text-sm dark:border-neutral-600 dark:bg-neutral-900"
          />
        ) : (
          <button
            type="button"
            onClick={onSelect}
            aria-current={selected ? "true" : undefined}
            className="block min-w-0 flex-1 truncate text-left text-sm font-medium"
          >
            {item.title}
          </button>
        )}
      </div>
      <div className="mt-1 flex items-center gap-2 pl-5 text-[11px] text-neutral-500 dark:text-neutral-400">
        <StatusChip status={item.status} />
        <span>
          {item.pairs} pairs{item.accepted > 0 ? ` · ${item.accepted} accepted` : ""}
        </span>
        <span className="ml-auto hidden gap-1 group-focus-within:flex group-hover:flex">
          <button
            type="button"
            className="underline"
            aria-label={`Rename ${item.title}`}
            onClick={() => {
              setDraft(item.title);
              setRenaming(true);
            }}
          >
            Rename
          </button>
          <button
            type="button"
            className="text-red-700 underline dark:text-red-300"
            aria-label={`Delete ${item.title}`}
            onClick={onDelete}
          >
            Delete
          </button>
        </span>
      </div>
    </li>
  );
}
