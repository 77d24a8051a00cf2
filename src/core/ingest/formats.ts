/**
 * Which files the studio reads, told apart by extension (the browser's MIME types are too often
 * empty or wrong for .md, .jsonl and .tsv), and the size each format may have.
 */

export type IngestFormat =
  "text" | "markdown" | "html" | "pdf" | "docx" | "json" | "jsonl" | "csv" | "tsv";

/** Formats holding many records, where the user picks the field or column with the text. */
export type RecordFormat = "json" | "jsonl" | "csv" | "tsv";

const BY_EXTENSION: Readonly<Record<string, IngestFormat>> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  xhtml: "html",
  pdf: "pdf",
  docx: "docx",
  json: "json",
  jsonl: "jsonl",
  ndjson: "jsonl",
  csv: "csv",
  tsv: "tsv",
  tab: "tsv",
};

/** The extensions the file picker offers, with their dots. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION).map(
  (e) => `.${e}`,
);

export const FORMAT_LABELS: Readonly<Record<IngestFormat, string>> = {
  text: "Text",
  markdown: "Markdown",
  html: "HTML",
  pdf: "PDF",
  docx: "Word",
  json: "JSON",
  jsonl: "JSONL",
  csv: "CSV",
  tsv: "TSV",
};

const MB = 1024 * 1024;

/**
 * The largest file of each format the studio reads. Record formats are streamed line by line,
 * so they may be much larger than a file that is read whole (one document is at most
 * MAX_DOCUMENT_BYTES in core/document-text.ts either way).
 */
export const MAX_FILE_BYTES: Readonly<Record<IngestFormat, number>> = {
  text: 50 * MB,
  markdown: 50 * MB,
  html: 50 * MB,
  pdf: 50 * MB,
  docx: 50 * MB,
  json: 50 * MB,
  jsonl: 200 * MB,
  csv: 200 * MB,
  tsv: 200 * MB,
};

/** The last path segment: "a/b/notes.md" -> "notes.md". */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

/** The lower-case extension without its dot, or "" when there is none (".bashrc" has none). */
export function extensionOf(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** The name without its extension, for titles: "notes.md" -> "notes". */
export function stem(path: string): string {
  const name = baseName(path);
  const dot = name.lastIndexOf(".");
  return dot <= 0 ? name : name.slice(0, dot);
}

export function formatOf(path: string): IngestFormat | null {
  return BY_EXTENSION[extensionOf(path)] ?? null;
}

export function isRecordFormat(format: IngestFormat): format is RecordFormat {
  return format === "json" || format === "jsonl" || format === "csv" || format === "tsv";
}

/** System clutter that folders carry along and nobody means to import. */
const CLUTTER = new Set(["thumbs.db", "desktop.ini", "__macosx"]);

/**
 * True for hidden files and folders (a segment starting with a dot, such as `.git/` or
 * `.DS_Store`) and for system clutter (`__MACOSX/`, `Thumbs.db`, `desktop.ini`).
 */
export function isHiddenPath(path: string): boolean {
  return path
    .split(/[\\/]/)
    .some((segment) => segment.startsWith(".") || CLUTTER.has(segment.toLowerCase()));
}
