import { useEffect, useState } from "react";
import { FLAGS, FLAG_LABELS } from "../../../core/quality/flags";
import { TASK_TYPES, TASK_TYPE_LABELS } from "../../../core/quality/task-type";
import type { DocumentOption } from "../../../core/curation/pairs-index";
import { isFiltered, STATUSES, type PairsView } from "../../../core/curation/view";
import type { PairStatus } from "../../../db";
import { Button } from "../../../components/Button";
import type { TableLayout } from "../../../stores/curation-store";
import { STATUS_LABELS } from "./cells";
import { FilterMenu } from "./FilterMenu";
import { askIndex } from "./pairs-index-client";

const input =
  "rounded-md border border-neutral-300 bg-transparent px-2 py-1 text-xs dark:border-neutral-700";

export interface FiltersBarProps {
  view: PairsView;
  statusCounts: Record<PairStatus, number>;
  layout: TableLayout;
  version: number;
  onPatch: (patch: Partial<PairsView>) => void;
  onClear: () => void;
  onLayout: (patch: Partial<TableLayout>) => void;
  onSearchDone: () => void;
}

/** Search, the combinable filters, and the preview size. */
export function FiltersBar(props: FiltersBarProps) {
  const { view, statusCounts, onPatch } = props;
  const toggleStatus = (s: PairStatus) =>
    onPatch({
      statuses: view.statuses.includes(s)
        ? view.statuses.filter((x) => x !== s)
        : STATUSES.filter((x) => x === s || view.statuses.includes(x)),
    });
  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-neutral-200 px-4 py-2 dark:border-neutral-800">
      <input
        id="pairs-search"
        type="search"
        value={view.search}
        onChange={(e) => onPatch({ search: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === "Escape" || e.key === "Enter") {
            e.preventDefault();
            props.onSearchDone();
          }
        }}
        placeholder="Search questions and answers  ( / )"
        aria-label="Search questions and answers"
        className={`${input} w-72 text-sm`}
      />
      <div role="group" aria-label="Status" className="flex gap-1">
        {STATUSES.map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={view.statuses.includes(s)}
            onClick={() => toggleStatus(s)}
            className={`rounded-md border px-2 py-1 text-xs ${
              view.statuses.includes(s)
                ? "border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-600 dark:bg-indigo-950 dark:text-indigo-200"
                : "border-neutral-300 dark:border-neutral-700"
            }`}
          >
            {STATUS_LABELS[s]}{" "}
            <span className="tabular-nums text-neutral-500">
              {statusCounts[s].toLocaleString("en-US")}
            </span>
          </button>
        ))}
      </div>
      <DocumentFilter
        selected={view.documents}
        version={props.version}
        onChange={(documents) => onPatch({ documents })}
      />
      <FilterMenu
        label="Task type"
        options={TASK_TYPES}
        labels={TASK_TYPE_LABELS}
        selected={view.taskTypes}
        onChange={(taskTypes) => onPatch({ taskTypes })}
      />
      <FilterMenu
        label="Flags"
        options={FLAGS}
        labels={FLAG_LABELS}
        selected={view.flags}
        onChange={(flags) => onPatch({ flags })}
      />
      <fieldset className="flex items-center gap-1 text-xs">
        <legend className="sr-only">Grounding range</legend>
        <span className="text-neutral-600 dark:text-neutral-300">Grounding</span>
        <GroundingInput
          label="Minimum grounding"
          value={view.groundingMin}
          onChange={(groundingMin) => onPatch({ groundingMin })}
        />
        <span aria-hidden>–</span>
        <GroundingInput
          label="Maximum grounding"
          value={view.groundingMax}
          onChange={(groundingMax) => onPatch({ groundingMax })}
        />
      </fieldset>
      {isFiltered(view) && (
        <Button size="sm" variant="ghost" onClick={props.onClear}>
          Clear filters
        </Button>
      )}
      <label className="ml-auto flex items-center gap-1 text-xs text-neutral-600 dark:text-neutral-300">
        Preview lines
        <select
          value={props.layout.previewLines}
          onChange={(e) => props.onLayout({ previewLines: Number(e.target.value) })}
          className={input}
        >
          {[1, 2, 3, 5, 10].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

function GroundingInput({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
}) {
  const [text, setText] = useState(value === null ? "" : String(value));
  const [shown, setShown] = useState(value);
  // Follow the view when it changes from elsewhere (Clear filters, a URL), keeping what is
  // being typed ("0." is 0) when it already means the same.
  if (shown !== value) {
    setShown(value);
    if (text === "" || Number(text) !== value) setText(value === null ? "" : String(value));
  }
  return (
    <input
      type="number"
      min={0}
      max={1}
      step={0.05}
      aria-label={label}
      placeholder={label.startsWith("Min") ? "0" : "1"}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const n = e.target.value === "" ? null : Number(e.target.value);
        if (n === null || (Number.isFinite(n) && n >= 0 && n <= 1)) onChange(n);
      }}
      className={`${input} w-16`}
    />
  );
}

/** Documents by title: type to find one, pick it; chips show and remove the picked ones. */
function DocumentFilter({
  selected,
  version,
  onChange,
}: {
  selected: readonly string[];
  version: number;
  onChange: (ids: string[]) => void;
}) {
  const [text, setText] = useState("");
  const [options, setOptions] = useState<DocumentOption[]>([]);
  const [titles, setTitles] = useState<string[]>([]);
  // Options are listed only while the field has the focus: listing them after every change of
  // the pairs (each batch of a load) held up the table's own queries in the worker.
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) return;
    let live = true;
    void askIndex({ kind: "documents", text, limit: 50 }).then((o) => live && setOptions(o));
    return () => {
      live = false;
    };
  }, [text, version, focused]);
  const key = selected.join(",");
  useEffect(() => {
    let live = true;
    const ids = key === "" ? [] : key.split(",");
    void askIndex({ kind: "titles", ids }).then((t) => live && setTitles(t));
    return () => {
      live = false;
    };
  }, [key, version]);
  const pick = (value: string) => {
    const hits = options.filter((o) => o.title === value).map((o) => o.id);
    if (hits.length === 0) return false;
    onChange([...new Set([...selected, ...hits])]);
    setText("");
    return true;
  };
  return (
    <div className="flex items-center gap-1">
      <input
        type="search"
        list="pairs-document-options"
        value={text}
        onChange={(e) => {
          if (!pick(e.target.value)) setText(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") pick(text);
        }}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        placeholder="Document…"
        aria-label="Filter by document"
        className={`${input} w-36`}
      />
      <datalist id="pairs-document-options">
        {options.map((o) => (
          <option key={o.id} value={o.title}>
            {`${o.pairs} pairs`}
          </option>
        ))}
      </datalist>
      {selected.map((id, i) => (
        <span
          key={id}
          className="flex items-center gap-1 rounded-md bg-indigo-50 px-1.5 py-0.5 text-xs text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
        >
          <span className="max-w-40 truncate">{titles[i] || id}</span>
          <button
            type="button"
            aria-label={`Remove document filter ${titles[i] || id}`}
            onClick={() => onChange(selected.filter((x) => x !== id))}
          >
            ×
          </button>
        </span>
      ))}
    </div>
  );
}
