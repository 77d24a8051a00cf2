import { Button } from "../../../components/Button";
import {
  issueText,
  reportSummary,
  reportTotals,
  type FileReport,
  type FileStatus,
} from "../../../core/ingest/report";
import { useIngest } from "./ingest-store";

const SHOWN = 500;

const chip: Record<FileStatus, string> = {
  imported: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  skipped: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
  cancelled: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
};

function More({ shown, total }: { shown: number; total: number }) {
  return total > shown ? <li>…and {(total - shown).toLocaleString()} more</li> : null;
}

function ReportRow({ r }: { r: FileReport }) {
  const summary = reportSummary(r);
  // The spaces between blocks keep the row's text readable when copied or read aloud.
  return (
    <li className="flex flex-col gap-1 py-2 text-sm">
      <div className="flex items-baseline gap-2">
        <span className="min-w-0 truncate font-medium">{r.path}</span>{" "}
        <span
          className={`shrink-0 rounded px-1.5 py-0.5 text-[11px] font-medium ${chip[r.status]}`}
        >
          {r.status}
        </span>
        {summary && (
          <>
            {" "}
            <span className="text-neutral-600 dark:text-neutral-300">{summary}</span>
          </>
        )}
      </div>{" "}
      {r.reason && <p className="text-xs text-red-700 dark:text-red-300">{r.reason}</p>}{" "}
      {r.issues.total > 0 && (
        <ul className="list-disc pl-5 text-xs text-neutral-600 dark:text-neutral-400">
          {r.issues.items.map((i) => (
            <li key={`${i.unit}${i.n}`}>{issueText(i)} </li>
          ))}
          <More shown={r.issues.items.length} total={r.issues.total} />
        </ul>
      )}
      {r.duplicates.total > 0 && (
        <ul className="list-disc pl-5 text-xs text-neutral-600 dark:text-neutral-400">
          {r.duplicates.items.map((d, i) => (
            <li key={i}>
              duplicate of “{d.of}”: “{d.title}”{" "}
            </li>
          ))}
          <More shown={r.duplicates.items.length} total={r.duplicates.total} />
        </ul>
      )}
    </li>
  );
}

/** What happened to every file: imported, skipped (and why) or failed (and why). */
export function IngestReport() {
  const { reports, ending, close } = useIngest();
  const t = reportTotals(reports);
  const n = (k: number, one: string) => `${k.toLocaleString()} ${one}${k === 1 ? "" : "s"}`;
  const headline = [
    `Imported ${n(t.documents, "document")} from ${n(t.withDocuments, "file")}.`,
    t.duplicates > 0 ? `${n(t.duplicates, "duplicate")} skipped.` : "",
    t.skipped > 0 ? `${n(t.skipped, "file")} skipped.` : "",
    t.failed > 0 ? `${n(t.failed, "file")} failed.` : "",
    ending?.cancelled ? "The import was cancelled; what was stored before is kept." : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-3">
      <p role="status" className="text-sm">
        {headline}
      </p>
      {ending?.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {ending.error}
        </p>
      )}
      <ul
        aria-label="Import report"
        className="max-h-96 divide-y divide-neutral-200 overflow-y-auto rounded-md border border-neutral-200 px-3 dark:divide-neutral-800 dark:border-neutral-800"
      >
        {reports.slice(0, SHOWN).map((r, i) => (
          <ReportRow key={i} r={r} />
        ))}
        <More shown={Math.min(SHOWN, reports.length)} total={reports.length} />
      </ul>
      <div className="flex justify-end">
        <Button variant="primary" onClick={close}>
          Done
        </Button>
      </div>
    </div>
  );
}
