import { Button } from "../../../components/Button";
import { FORMAT_LABELS, isRecordFormat } from "../../../core/ingest/formats";
import { formatBytes } from "../../../core/progress";
import { needsField, useIngest, type OfferedFile } from "./ingest-store";

/** Rows beyond this are summarized: a dropped folder can hold thousands of files. */
const SHOWN = 300;

function FieldPicker({ f }: { f: OfferedFile }) {
  const pickField = useIngest((s) => s.pickField);
  const what = f.format === "csv" || f.format === "tsv" ? "Column" : "Field";
  if (f.inspected === null) {
    return <p className="text-xs text-neutral-500">Reading the {what.toLowerCase()}s…</p>;
  }
  if (f.inspected.problem) {
    return <p className="text-xs text-red-700 dark:text-red-300">{f.inspected.problem}</p>;
  }
  const sample = f.field ? f.inspected.samples.find((s) => s[f.field ?? ""])?.[f.field] : null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs">
      <label className="flex items-center gap-1">
        {what} with the text
        <select
          aria-label={`${what} with the text in ${f.path}`}
          value={f.field ?? ""}
          onChange={(e) => pickField(f.index, e.target.value)}
          className="rounded border border-neutral-300 bg-transparent px-1 py-0.5 dark:border-neutral-700"
        >
          {f.field === null && (
            <option value="" disabled>
              Pick one…
            </option>
          )}
          {f.inspected.keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </label>
      {f.field === null ? (
        <span className="text-amber-800 dark:text-amber-300">
          No “text” {what.toLowerCase()}: pick the one that holds the documents.
        </span>
      ) : (
        sample && <span className="min-w-0 truncate text-neutral-500">first: “{sample}”</span>
      )}
    </div>
  );
}

function SetupRow({ f }: { f: OfferedFile }) {
  return (
    <li className="flex flex-col gap-1 py-2">
      <div className="flex items-baseline gap-2 text-sm">
        <span className="min-w-0 truncate font-medium">{f.path}</span>
        <span className="ml-auto shrink-0 text-xs text-neutral-500">
          {f.format ? FORMAT_LABELS[f.format] : "unsupported"} · {formatBytes(f.size)}
        </span>
      </div>
      {f.verdict ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Will be {f.verdict.status === "skipped" ? "skipped" : "refused"}: {f.verdict.reason}
        </p>
      ) : f.format === null ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Not a format the studio reads; it will be skipped.
        </p>
      ) : (
        isRecordFormat(f.format) && <FieldPicker f={f} />
      )}
    </li>
  );
}

/** The files offered, a field picker for each record file, and the duplicates option. */
export function IngestSetup() {
  const { files, keepDuplicates, setKeepDuplicates, start, cancel } = useIngest();
  const readable = files.filter((f) => f.verdict === null && f.format !== null).length;
  const waiting = files.some(needsField);
  const total = files.reduce((n, f) => n + f.size, 0);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-neutral-600 dark:text-neutral-300">
        {files.length.toLocaleString()} file{files.length === 1 ? "" : "s"} · {formatBytes(total)}.
        Text, Markdown, HTML, PDF, Word (.docx), JSON, JSONL, CSV and TSV are read in the
        background; hidden files and other formats are skipped.
      </p>
      <ul
        aria-label="Files to import"
        className="max-h-96 divide-y divide-neutral-200 overflow-y-auto rounded-md border border-neutral-200 px-3 dark:divide-neutral-800 dark:border-neutral-800"
      >
        {files.slice(0, SHOWN).map((f) => (
          <SetupRow key={f.index} f={f} />
        ))}
        {files.length > SHOWN && (
          <li className="py-2 text-xs text-neutral-500">
            …and {(files.length - SHOWN).toLocaleString()} more
          </li>
        )}
      </ul>
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          className="mt-1"
          checked={keepDuplicates}
          onChange={(e) => setKeepDuplicates(e.target.checked)}
        />
        <span>
          Keep duplicates
          <span className="block text-xs text-neutral-500">
            Off: a document whose text (ignoring spacing) is already in the project is skipped and
            listed in the report.
          </span>
        </span>
      </label>
      <div className="flex items-center justify-end gap-2">
        {waiting && (
          <span className="mr-auto text-xs text-neutral-500">
            Pick the field for each record file to import.
          </span>
        )}
        <Button onClick={cancel}>Cancel</Button>
        <Button variant="primary" disabled={readable === 0 || waiting} onClick={start}>
          Import {readable.toLocaleString()} file{readable === 1 ? "" : "s"}
        </Button>
      </div>
    </div>
  );
}
