import { memo, useEffect, useRef, useState, type CSSProperties } from "react";
import type { PairsTableRow as Row } from "../../../core/curation/pairs-index";
import { Button } from "../../../components/Button";
import { FlagBadges, GroundingCell, StatusPill, TaskTypeCell } from "./cells";

export interface RowProps {
  id: string;
  row: Row | undefined;
  /** 0-based position in the view. */
  position: number;
  top: number;
  gridTemplate: string;
  focused: boolean;
  selected: boolean;
  editing: boolean;
  previewLines: number;
  measure: (el: HTMLElement | null) => void;
  onFocusRow: (id: string) => void;
  onToggle: (id: string, range: boolean) => void;
  onOnlyDocument: (documentId: string) => void;
  onSave: (id: string, text: { question: string; answer: string }) => void;
  onCancel: () => void;
}

const clamp = (lines: number): CSSProperties => ({
  display: "-webkit-box",
  WebkitBoxOrient: "vertical",
  WebkitLineClamp: lines,
  overflow: "hidden",
});

const cell = "min-w-0 px-2 py-1.5";

/** A row's fixed height by its preview lines (an open editor is measured instead). */
export const rowHeight = (lines: number) => 14 + lines * 20;

/** One pair in the table: a row of the grid, or its in-place editor. */
export const PairsTableRow = memo(function PairsTableRow(props: RowProps) {
  const { id, row, position, top, gridTemplate, focused, selected, editing, previewLines } = props;
  const { measure, onFocusRow, onToggle, onOnlyDocument, onSave, onCancel } = props;
  return (
    <div
      // Rows have one fixed height, so scrolling 100,000 of them measures nothing: each measured
      // size makes the virtualizer recompute every row's offset. Only the editor grows.
      ref={editing ? measure : undefined}
      data-index={position}
      id={`pair-row-${id}`}
      role="row"
      tabIndex={-1}
      aria-rowindex={position + 2}
      aria-selected={selected}
      className={`absolute left-0 grid w-full border-b border-neutral-100 text-sm dark:border-neutral-800 ${
        focused
          ? "z-10 bg-indigo-50 outline-2 -outline-offset-2 outline-indigo-500 dark:bg-indigo-950/40"
          : selected
            ? "bg-sky-50 dark:bg-sky-950/30"
            : "bg-white hover:bg-neutral-50 dark:bg-neutral-950 dark:hover:bg-neutral-900"
      }`}
      style={{
        transform: `translateY(${top}px)`,
        gridTemplateColumns: gridTemplate,
        // A row of fixed size is laid out and painted on its own (containment): a scroll step
        // then lays out the rows that changed, not the whole table.
        ...(editing ? {} : { height: rowHeight(previewLines), contain: "strict" }),
      }}
      onMouseDown={() => onFocusRow(id)}
    >
      <div role="gridcell" className={`${cell} flex items-start justify-center pt-2`}>
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select pair ${position + 1}`}
          // Clicking moves the focus to the table, not the checkbox: on a focused checkbox (or
          // in the search field) the single-key shortcuts would stop, as in any form field.
          tabIndex={-1}
          onMouseDown={(e) => {
            e.preventDefault();
            e.currentTarget.closest<HTMLElement>('[role="grid"]')?.focus();
          }}
          onClick={(e) => {
            e.stopPropagation();
            onToggle(id, e.shiftKey);
          }}
          onChange={() => undefined}
          className="accent-indigo-600"
        />
      </div>
      {!row ? (
        <div role="gridcell" className={`${cell} col-span-7 text-neutral-400`}>
          …
        </div>
      ) : editing ? (
        <div role="gridcell" className={`${cell} col-span-7`}>
          <RowEditor row={row} onSave={(text) => onSave(id, text)} onCancel={onCancel} />
        </div>
      ) : (
        <>
          <div role="gridcell" className={cell}>
            <span style={clamp(previewLines)} className="whitespace-pre-wrap break-words">
              {row.question}
            </span>
          </div>
          <div role="gridcell" className={cell}>
            <span
              style={clamp(previewLines)}
              className="whitespace-pre-wrap break-words text-neutral-700 dark:text-neutral-300"
            >
              {row.answer}
            </span>
          </div>
          <div role="gridcell" className={cell}>
            <button
              type="button"
              tabIndex={-1}
              title={`Show only “${row.title}”`}
              onClick={() => onOnlyDocument(row.documentId)}
              className="max-w-full truncate text-left text-xs text-indigo-700 hover:underline dark:text-indigo-300"
            >
              {row.title || "Untitled"}
            </button>
          </div>
          <div role="gridcell" className={cell}>
            <StatusPill status={row.status} />
          </div>
          <div role="gridcell" className={cell}>
            <GroundingCell row={row} />
          </div>
          <div role="gridcell" className={cell}>
            <TaskTypeCell row={row} />
          </div>
          <div role="gridcell" className={cell}>
            <FlagBadges row={row} />
          </div>
        </>
      )}
    </div>
  );
});

/** Question and answer in text areas: Ctrl+Enter saves, Esc cancels. */
function RowEditor({
  row,
  onSave,
  onCancel,
}: {
  row: Row;
  onSave: (text: { question: string; answer: string }) => void;
  onCancel: () => void;
}) {
  const [question, setQuestion] = useState(row.question);
  const [answer, setAnswer] = useState(row.answer);
  const first = useRef<HTMLTextAreaElement>(null);
  useEffect(() => first.current?.focus(), []);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSave({ question, answer });
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  const area =
    "w-full rounded-md border border-neutral-300 bg-white p-2 text-sm dark:border-neutral-700 dark:bg-neutral-900";
  return (
    // The editor's own keys (Ctrl+Enter, Esc) are caught around both fields.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="flex flex-col gap-2 py-1" onKeyDown={onKeyDown}>
      <label className="text-xs font-medium text-neutral-600 dark:text-neutral-300">
        Question
        <textarea
          ref={first}
          value={question}
          rows={2}
          onChange={(e) => setQuestion(e.target.value)}
          className={area}
        />
      </label>
      <label className="text-xs font-medium text-neutral-600 dark:text-neutral-300">
        Answer
        <textarea
          value={answer}
          rows={4}
          onChange={(e) => setAnswer(e.target.value)}
          className={area}
        />
      </label>
      <div className="flex items-center gap-2">
        <Button size="sm" variant="primary" onClick={() => onSave({ question, answer })}>
          Save
        </Button>
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <span className="text-xs text-neutral-500">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </div>
  );
}
