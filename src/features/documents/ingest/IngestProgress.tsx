import { useEffect, useState } from "react";
import { Button } from "../../../components/Button";
import { ProgressBar } from "../../../components/ProgressBar";
import { formatBytes, formatDuration, remainingMs } from "../../../core/progress";
import { useIngest } from "./ingest-store";

/** A clock for the time estimate, which must move while a long file gives no events. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** Files, bytes and documents so far, the time left, and Cancel. */
export function IngestProgress() {
  const progress = useIngest((s) => s.progress);
  const cancel = useIngest((s) => s.cancel);
  const now = useNow(1000);
  if (!progress) return null;
  const p = progress;
  const byBytes = p.bytesTotal > 0;
  const done = byBytes ? p.bytesRead : p.filesRead;
  const total = byBytes ? p.bytesTotal : p.filesTotal;
  const left = remainingMs(done, total, Math.max(0, now - p.startedAt));
  const stat = (label: string, value: string) => (
    <div>
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd className="text-sm font-medium tabular-nums">{value}</dd>
    </div>
  );
  return (
    <div className="flex flex-col gap-4">
      <ProgressBar
        value={total > 0 ? done / total : null}
        label="Import progress"
        detail={`${formatBytes(p.bytesRead)} of ${formatBytes(p.bytesTotal)}`}
      />
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label="Import counters">
        {stat("Files", `${p.filesRead.toLocaleString()} of ${p.filesTotal.toLocaleString()}`)}
        {stat("Documents", p.documents.toLocaleString())}
        {stat("Duplicates skipped", p.duplicates.toLocaleString())}
        {stat("Time left", left === null ? "estimating…" : `about ${formatDuration(left)}`)}
      </dl>
      <p className="min-h-5 truncate text-xs text-neutral-500">
        {p.current ? `Reading ${p.current}` : "Storing…"}
      </p>
      <div className="flex justify-end">
        <Button variant="danger" onClick={cancel}>
          Cancel import
        </Button>
      </div>
    </div>
  );
}
