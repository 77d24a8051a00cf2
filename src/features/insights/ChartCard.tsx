import { useId, type ReactNode } from "react";

export interface DataTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly (string | number)[])[];
}

/** The chart's data as a table, behind a toggle: for screen readers, copying, exact values. */
/** Numbers, percentages and ranges line up on the right; words read from the left. */
const isFigure = (cell: string | number): boolean =>
  typeof cell === "number" || /^[\d.,%–+\s-]*$/.test(cell);

export function DataTable({ caption, columns, rows }: DataTableProps) {
  const numeric = columns.map((_, i) => i > 0 && rows.every((r) => isFigure(r[i] ?? "")));
  return (
    <details className="text-xs">
      <summary className="cursor-pointer rounded text-neutral-600 hover:text-neutral-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-neutral-300 dark:hover:text-neutral-100">
        Show as table
      </summary>
      <table className="mt-2 w-full border-collapse tabular-nums">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th
                key={c}
                scope="col"
                className={`border-b border-neutral-200 px-2 py-1 font-medium dark:border-neutral-700 ${numeric[i] ? "text-right" : "text-left"}`}
              >
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r[0])}>
              {r.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-2 py-0.5 text-left font-normal">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-2 py-0.5 ${numeric[i] ? "text-right" : "text-left"}`}>
                    {typeof cell === "number" ? cell.toLocaleString("en-US") : cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export interface ChartCardProps {
  title: string;
  /** The one figure to read first, e.g. "mean 4.8 pairs per chunk". */
  headline: ReactNode;
  /** The paper's figure to compare with. */
  reference?: ReactNode;
  /** A caveat under the chart (e.g. pairs not scored yet). */
  note?: ReactNode;
  table: DataTableProps;
  className?: string;
  children: ReactNode;
}

/** One chart with its headline figure, the paper's figure beside it, and a table fallback. */
export function ChartCard({
  title,
  headline,
  reference,
  note,
  table,
  className = "",
  children,
}: ChartCardProps) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={`@container flex flex-col gap-3 rounded-lg border border-neutral-200 bg-white p-4 dark:border-neutral-800 dark:bg-neutral-900 ${className}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id={id} className="text-sm font-semibold">
          {title}
        </h2>
        <p className="text-sm text-neutral-700 tabular-nums dark:text-neutral-300">{headline}</p>
      </div>
      <div className="flex flex-col gap-3 @3xl:flex-row @3xl:items-start">
        <div className="min-w-0 flex-1">{children}</div>
        {reference && (
          <div className="rounded-md border-l-2 border-amber-500 bg-amber-50 px-3 py-2 text-xs text-neutral-800 @3xl:w-64 @3xl:shrink-0 dark:bg-amber-950/40 dark:text-neutral-200">
            <p className="mb-0.5 font-semibold">Paper</p>
            {reference}
          </div>
        )}
      </div>
      {note && <p className="text-xs text-neutral-600 dark:text-neutral-400">{note}</p>}
      <DataTable {...table} />
    </section>
  );
}
