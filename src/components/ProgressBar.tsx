export interface ProgressBarProps {
  /** 0..1, or null for an indeterminate bar. */
  value: number | null;
  label: string;
  detail?: string;
}

export function ProgressBar({ value, label, detail }: ProgressBarProps) {
  const pct = value === null ? undefined : Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div className="w-full">
      <div className="mb-1 flex justify-between gap-2 text-xs text-neutral-600 dark:text-neutral-300">
        <span className="truncate">{label}</span>
        {detail && <span className="shrink-0 tabular-nums">{detail}</span>}
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        className="h-2 w-full overflow-hidden rounded-full bg-neutral-200 dark:bg-neutral-800"
      >
        {/* A moved bar (transform), not a resized one (width): the browser animates it without
            the page's main thread, which stays free for the work the bar reports on. */}
        <div
          className={`h-full rounded-full bg-indigo-500 ${pct === undefined ? "w-1/3 animate-pulse" : "w-full transition-transform duration-300"}`}
          style={pct === undefined ? undefined : { transform: `translateX(${pct - 100}%)` }}
        />
      </div>
    </div>
  );
}
