import { useId } from "react";

/** A drop-down of checkboxes (native <details>): pick any number of values. */
export function FilterMenu<T extends string>({
  label,
  options,
  labels,
  selected,
  onChange,
}: {
  label: string;
  options: readonly T[];
  labels: Readonly<Record<T, string>>;
  selected: readonly T[];
  onChange: (values: T[]) => void;
}) {
  const id = useId();
  const chosen = new Set(selected);
  return (
    <details className="relative">
      <summary
        className={`cursor-pointer list-none rounded-md border px-2 py-1 text-xs ${
          selected.length > 0
            ? "border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-600 dark:bg-indigo-950 dark:text-indigo-200"
            : "border-neutral-300 dark:border-neutral-700"
        }`}
      >
        {label}
        {selected.length > 0 ? ` (${selected.length})` : ""} ▾
      </summary>
      <fieldset
        aria-labelledby={`${id}-legend`}
        className="absolute z-30 mt-1 max-h-80 w-56 overflow-y-auto rounded-md border border-neutral-200 bg-white p-2 shadow-lg dark:border-neutral-700 dark:bg-neutral-900"
      >
        <legend id={`${id}-legend`} className="sr-only">
          {label}
        </legend>
        {options.map((o) => (
          <label key={o} className="flex items-center gap-2 py-0.5 text-xs">
            <input
              type="checkbox"
              checked={chosen.has(o)}
              onChange={(e) =>
                onChange(
                  e.target.checked
                    ? options.filter((x) => x === o || chosen.has(x))
                    : selected.filter((x) => x !== o),
                )
              }
              className="accent-indigo-600"
            />
            {labels[o]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
