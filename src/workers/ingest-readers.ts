/**
 * The ingest worker's readers, one per format (ingest.worker.ts runs them): each turns a file into
 * the texts it holds, refusing binary and undecodable files with their reason, and reports bad
 * records and bytes read as it goes. Record files are streamed; whole-file formats are read at
 * once.
 */
import { Parser as HtmlParser } from "htmlparser2";
import Papa from "papaparse";
import type * as PdfJsModule from "pdfjs-dist";
import { MAX_DOCUMENT_BYTES } from "../core/document-text";
import { DelimitedTable, guessDelimiter, guessNewline } from "../core/ingest/delimited";
import { stem, type IngestFormat } from "../core/ingest/formats";
import { createHtmlTextCollector } from "../core/ingest/html-text";
import { LineSplitter, jsonlValue, type Line } from "../core/ingest/lines";
import { normalizeNewlines, tidyExtracted } from "../core/ingest/normalize";
import { joinPages, pageText, type PdfTextRun } from "../core/ingest/pdf-text";
import { FileProblem, reasons } from "../core/ingest/reasons";
import {
  DEFAULT_FIELD,
  SAMPLE_RECORDS,
  defaultField,
  parseJsonRecords,
  recordKeys,
  recordText,
  type FoundText,
} from "../core/ingest/records";
import { type RecordIssue } from "../core/ingest/report";
import { SNIFF_BYTES, looksBinary, looksLikePdf, looksLikeZip } from "../core/ingest/sniff";

/** What a format's reader gets: the file, and where to report bad records and bytes read. */
export interface ReadContext {
  path: string;
  name: string;
  file: Blob;
  field: string | null;
  issue: (issue: RecordIssue) => void;
  read: (bytes: number) => void;
}

export const MIME: Record<IngestFormat, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  json: "application/json",
  jsonl: "application/jsonl",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
};

/** Record files are parsed this many characters at a time (CSV) or read in stream chunks. */
export const PARSE_CHARS = 1 << 20;
export const READ_PROGRESS_MS = 100;

// ---------------------------------------------------------------- reading bytes

async function bytesOf(ctx: ReadContext): Promise<Uint8Array> {
  const bytes = new Uint8Array(await ctx.file.arrayBuffer());
  ctx.read(bytes.length);
  return bytes;
}

async function* streamOf(ctx: ReadContext): AsyncGenerator<Uint8Array> {
  const reader = ctx.file.stream().getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      ctx.read(value.length);
      yield value;
    }
  } finally {
    // A file given up part-way (a bad header, a cancel) stops being read.
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

// Without `stream`, each decode starts afresh, also after a failure: one decoder serves all.
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export function utf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** A whole text file: binary and invalid UTF-8 are refused with their reason. */
function decodeText(ctx: ReadContext, bytes: Uint8Array): string {
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) throw new FileProblem(reasons.binary(ctx.name));
  const text = utf8(bytes);
  if (text === null) throw new FileProblem(reasons.invalidUtf8(ctx.name));
  return normalizeNewlines(text);
}

function nonEmpty(ctx: ReadContext, text: string): string {
  if (text.trim() === "") throw new FileProblem(reasons.empty(ctx.name));
  return text;
}

// ---------------------------------------------------------------- whole-file formats

async function* readPlain(ctx: ReadContext): AsyncGenerator<FoundText> {
  const text = decodeText(ctx, await bytesOf(ctx));
  yield { text: nonEmpty(ctx, text), title: stem(ctx.path) };
}

/** UTF-8, or the charset a page declares in a <meta> tag (older pages are often windows-1252). */
function decodeHtml(ctx: ReadContext, bytes: Uint8Array): string {
  if (looksBinary(bytes.subarray(0, SNIFF_BYTES))) throw new FileProblem(reasons.binary(ctx.name));
  const text = utf8(bytes);
  if (text !== null) return text;
  const head = new TextDecoder("windows-1252").decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]*charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  if (label && !/^utf-?8$/i.test(label)) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // an unknown label: fall through to the UTF-8 refusal
    }
  }
  throw new FileProblem(reasons.invalidUtf8(ctx.name));
}

async function* readHtml(ctx: ReadContext): AsyncGenerator<FoundText> {
  const html = decodeHtml(ctx, await bytesOf(ctx));
  const collector = createHtmlTextCollector();
  // The parser only tokenizes: nothing is fetched, run or rendered.
  const parser = new HtmlParser(collector, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  const { text, title } = collector.result();
  yield { text: nonEmpty(ctx, text), title: title ?? stem(ctx.path) };
}

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js, loaded on the first PDF. Its own worker module is imported into this worker first:
 * it registers itself on `globalThis.pdfjsWorker`, and pdf.js then runs its parser here, on a
 * loopback port, instead of starting a second worker from a URL.
 */
function loadPdfjs(): Promise<PdfJs> {
  // @ts-expect-error -- imported for its side effect; pdf.js ships no types for this module.
  pdfjs ??= import("pdfjs-dist/build/pdf.worker.mjs").then(() => import("pdfjs-dist"));
  return pdfjs;
}

async function* readPdf(ctx: ReadContext): AsyncGenerator<FoundText> {
  const bytes = await bytesOf(ctx);
  if (!looksLikePdf(bytes.subarray(0, 1100))) throw new FileProblem(reasons.corruptPdf(ctx.name));
  const { getDocument } = await loadPdfjs();
  const task = getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise.catch((err: unknown) => {
      const name = (err as { name?: unknown } | null)?.name;
      throw new FileProblem(
        name === "PasswordException" ? reasons.passwordPdf(ctx.name) : reasons.corruptPdf(ctx.name),
      );
    });
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      pages.push(pageText(content.items.filter((it): it is PdfTextRun & typeof it => "str" in it)));
      page.cleanup();
    }
    const text = joinPages(pages);
    if (text === "") throw new FileProblem(reasons.noTextPdf(ctx.name));
    yield { text, title: stem(ctx.path) };
  } catch (err) {
    throw err instanceof FileProblem ? err : new FileProblem(reasons.corruptPdf(ctx.name));
  } finally {
    await task.destroy();
  }
}

interface Mammoth {
  extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
}

async function readDocxText(buffer: ArrayBuffer): Promise<string> {
  // The browser build bundles its own zip and XML readers and needs no Node shims.
  // @ts-expect-error -- the browser build ships without type declarations; Mammoth types it.
  const mod = (await import("mammoth/mammoth.browser.js")) as { default: Mammoth };
  return (await mod.default.extractRawText({ arrayBuffer: buffer })).value;
}

async function* readDocx(ctx: ReadContext): AsyncGenerator<FoundText> {
  const bytes = await bytesOf(ctx);
  if (!looksLikeZip(bytes)) throw new FileProblem(reasons.corruptDocx(ctx.name));
  let raw: string;
  try {
    raw = await readDocxText(bytes.buffer as ArrayBuffer);
  } catch {
    throw new FileProblem(reasons.corruptDocx(ctx.name));
  }
  yield { text: nonEmpty(ctx, tidyExtracted(raw)), title: stem(ctx.path) };
}

// ---------------------------------------------------------------- record formats

async function* readJson(ctx: ReadContext): AsyncGenerator<FoundText> {
  const records = parseJsonRecords(decodeText(ctx, await bytesOf(ctx)), ctx.name);
  const field = ctx.field ?? defaultField(recordKeys(records.slice(0, SAMPLE_RECORDS)));
  if (field === null) throw new FileProblem(reasons.noField(ctx.name));
  for (let i = 0; i < records.length; i++) {
    const at = { unit: "record" as const, n: i + 1 };
    const doc = recordText(records[i], field, at, stem(ctx.path), ctx.issue);
    if (doc) yield doc;
  }
}

async function* readJsonl(ctx: ReadContext): AsyncGenerator<FoundText> {
  const field = ctx.field ?? DEFAULT_FIELD;
  const splitter = new LineSplitter(MAX_DOCUMENT_BYTES + 1024);
  let first = true;
  const found = function* (lines: Line[]) {
    for (const line of lines) {
      const record = jsonlValue(line, utf8, ctx.issue);
      const at = { unit: "line" as const, n: line.n };
      const doc = record && recordText(record.value, field, at, stem(ctx.path), ctx.issue);
      if (doc) yield doc;
    }
  };
  for await (const chunk of streamOf(ctx)) {
    if (first && looksBinary(chunk.subarray(0, SNIFF_BYTES))) {
      throw new FileProblem(reasons.binary(ctx.name));
    }
    first = false;
    yield* found(splitter.push(chunk));
  }
  yield* found(splitter.end());
}

export interface PapaResult {
  data: string[][];
  meta: { cursor: number };
}

/**
 * CSV and TSV, streamed. The bytes are decoded here with a fatal UTF-8 decoder that carries
 * partial characters across chunks, and papaparse's parser runs on the decoded text in chunks
 * of about 1 MB, keeping the last, possibly unfinished row for the next chunk. (Papaparse's own
 * file reader decodes each slice separately, which breaks a character cut by a slice boundary.)
 */
async function* readDelimited(ctx: ReadContext, tsv: boolean): AsyncGenerator<FoundText> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const table = new DelimitedTable(ctx.name, ctx.field);
  let parser: Papa.Parser | null = null;
  let pending = "";
  let carry = "";

  function* parse(last: boolean): Generator<FoundText> {
    if (!parser) {
      const sample = pending.slice(0, 64 * 1024);
      const delimiter = tsv ? "\t" : guessDelimiter(sample);
      parser = new Papa.Parser({ delimiter, newline: guessNewline(sample) });
    }
    const input = carry + pending;
    pending = "";
    const result = parser.parse(input, 0, !last) as PapaResult;
    carry = last ? "" : input.slice(result.meta.cursor);
    if (carry.length > MAX_DOCUMENT_BYTES) {
      throw new FileProblem(`${ctx.name}: row ${table.row + 1} is over the document size limit.`);
    }
    for (const { record, n, field } of table.records(result.data)) {
      const doc = recordText(record, field, { unit: "row", n }, stem(ctx.path), ctx.issue);
      if (doc) yield doc;
    }
  }

  const decode = (chunk?: Uint8Array) => {
    try {
      pending += chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new FileProblem(
        table.row === 0
          ? reasons.invalidUtf8(ctx.name)
          : reasons.invalidUtf8After(ctx.name, `row ${table.row}`),
      );
    }
  };
  let first = true;
  for await (const chunk of streamOf(ctx)) {
    if (first && looksBinary(chunk.subarray(0, SNIFF_BYTES))) {
      throw new FileProblem(reasons.binary(ctx.name));
    }
    first = false;
    decode(chunk);
    if (pending.length >= PARSE_CHARS) yield* parse(false);
  }
  decode();
  yield* parse(true);
  if (!table.hasHeader) throw new FileProblem(reasons.empty(ctx.name));
}

export const READERS: Record<IngestFormat, (ctx: ReadContext) => AsyncGenerator<FoundText>> = {
  text: readPlain,
  markdown: readPlain,
  html: readHtml,
  pdf: readPdf,
  docx: readDocx,
  json: readJson,
  jsonl: readJsonl,
  csv: (ctx) => readDelimited(ctx, false),
  tsv: (ctx) => readDelimited(ctx, true),
};
