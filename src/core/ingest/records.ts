/**
 * Records (JSON objects, JSONL lines, CSV rows) to document texts: the fields a user can pick,
 * the default pick, and the text and title of one record.
 */
import { normalizeNewlines } from "./normalize";
import { FileProblem, reasons } from "./reasons";

/** How many records the import dialog looks at to list the fields. */
export const SAMPLE_RECORDS = 20;

/** The field every format defaults to. */
export const DEFAULT_FIELD = "text";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The keys of the sampled records that hold text somewhere, in order of first appearance, then
 * the other keys (a field may be empty in the first records and filled later).
 */
export function recordKeys(records: readonly unknown[]): string[] {
  const withText = new Set<string>();
  const other = new Set<string>();
  for (const r of records) {
    if (!isObject(r)) continue;
    for (const [k, v] of Object.entries(r)) (typeof v === "string" ? withText : other).add(k);
  }
  return [...withText, ...[...other].filter((k) => !withText.has(k))];
}

/** "text" when a record has it (any case), else null: then the user picks. */
export function defaultField(keys: readonly string[]): string | null {
  return (
    keys.find((k) => k === DEFAULT_FIELD) ?? keys.find((k) => k.toLowerCase() === "text") ?? null
  );
}

export type PickedText =
  { ok: true; text: string; title: string | null } | { ok: false; problem: string };

const MAX_TITLE = 200;

/**
 * The text of one record: the string in `field`, or the record itself when it is a bare string
 * (a JSONL file of strings). Its title comes from a "title" field when there is one.
 */
export function pickText(record: unknown, field: string): PickedText {
  if (typeof record === "string") {
    return record.trim() === ""
      ? { ok: false, problem: "empty text" }
      : { ok: true, text: record, title: null };
  }
  if (!isObject(record)) return { ok: false, problem: "not an object" };
  if (!(field in record)) return { ok: false, problem: `missing field "${field}"` };
  const value = record[field];
  if (typeof value !== "string") return { ok: false, problem: `field "${field}" is not text` };
  if (value.trim() === "") return { ok: false, problem: `empty field "${field}"` };
  const title = field !== "title" && typeof record.title === "string" ? record.title.trim() : "";
  return { ok: true, text: value, title: title === "" ? null : title.slice(0, MAX_TITLE) };
}

/**
 * Where the records of a JSON file are: the value itself when it is an array, else the array
 * property holding the most objects (`{"data": [...]}`). null when there is none.
 */
export function findRecords(value: unknown): { records: unknown[]; key: string | null } | null {
  if (Array.isArray(value)) return { records: value, key: null };
  if (!isObject(value)) return null;
  let best: { records: unknown[]; key: string; objects: number } | null = null;
  for (const [key, v] of Object.entries(value)) {
    if (!Array.isArray(v)) continue;
    const objects = v.filter((x) => isObject(x) || typeof x === "string").length;
    if (!best || objects > best.objects) best = { records: v, key, objects };
  }
  return best && best.objects > 0 ? { records: best.records, key: best.key } : null;
}

/** CSV/TSV header cells as field names: trimmed, blanks named by position, repeats numbered. */
export function headerNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, i) => {
    const base = cell.trim() || `column ${i + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** A CSV row as a record keyed by the header names; missing cells are left out. */
export function rowRecord(
  headers: readonly string[],
  row: readonly string[],
): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((h, i) => {
    const cell = row[i];
    if (cell !== undefined) record[h] = cell;
  });
  return record;
}

/** A text a file yields, with its place in the file when the file holds records. */
export interface FoundText {
  text: string;
  title: string;
  at?: RecordPlace;
}

export interface RecordPlace {
  unit: "line" | "record" | "row";
  n: number;
}

/**
 * One record's text as a document to be, titled by its "title" field or by the file and its
 * place ("data #3"); or null after telling `onIssue` what is wrong with it.
 */
export function recordText(
  record: unknown,
  field: string,
  at: RecordPlace,
  fileStem: string,
  onIssue: (issue: RecordPlace & { problem: string }) => void,
): FoundText | null {
  const picked = pickText(record, field);
  if (!picked.ok) {
    onIssue({ ...at, problem: picked.problem });
    return null;
  }
  return {
    text: normalizeNewlines(picked.text),
    title: picked.title ?? `${fileStem} #${at.n}`,
    at,
  };
}

const shortLine = (s: string) => {
  const line = s.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/** What the import dialog shows of a record file: its fields, the default, the first values. */
export function sampleSummary(records: readonly unknown[]): {
  keys: string[];
  defaultField: string | null;
  samples: Record<string, string>[];
} {
  const keys = recordKeys(records);
  const samples = records
    .slice(0, 3)
    .map((r) =>
      isObject(r)
        ? Object.fromEntries(
            Object.entries(r).flatMap(([k, v]) =>
              typeof v === "string" ? [[k, shortLine(v)]] : [],
            ),
          )
        : { [DEFAULT_FIELD]: shortLine(typeof r === "string" ? r : JSON.stringify(r)) },
    );
  return { keys, defaultField: defaultField(keys), samples };
}

/** A JSON file's text to its records; a FileProblem when it is not JSON or holds no records. */
export function parseJsonRecords(text: string, name: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new FileProblem(reasons.invalidJson(name));
  }
  const found = findRecords(value);
  if (!found) throw new FileProblem(reasons.noRecords(name));
  return found.records;
}

/** The first records of a JSONL file's head (its last line may be cut off: bad lines are skipped). */
export function jsonlSample(head: string): unknown[] {
  const records: unknown[] = [];
  for (const line of head.split("\n")) {
    if (records.length === SAMPLE_RECORDS) break;
    try {
      if (line.trim() !== "") records.push(JSON.parse(line));
    } catch {
      // a bad or cut-off line: the import reports it
    }
  }
  return records;
}

/** The first records of a table's rows (header first); a header alone still lists its columns. */
export function tableSample(rows: readonly string[][], name: string): unknown[] {
  const [header, ...data] = rows.filter((r) => r.some((c) => c.trim() !== ""));
  if (!header) throw new FileProblem(reasons.noHeader(name));
  const names = headerNames(header);
  return data.length > 0
    ? data.slice(0, SAMPLE_RECORDS).map((r) => rowRecord(names, r))
    : [Object.fromEntries(names.map((n) => [n, ""]))];
}
