/// <reference lib="webworker" />
/**
 * Reads dropped files into documents, off the main thread: every format's parsing, the text
 * clean-up, hashing and chunking happen here, and the page only stores the batches it is sent.
 * Record files (JSONL, CSV, TSV) are streamed, so a file far larger than memory allows for its
 * text can still be read; whole-file formats are capped in size by MAX_FILE_BYTES.
 */
import Papa from "papaparse";
import type { TokenCounter } from "../core/budget";
import type { ChunkOptions } from "../core/chunk";
import { guessDelimiter, guessNewline } from "../core/ingest/delimited";
import { ingestedDocument } from "../core/ingest/documents";
import { MAX_FILE_BYTES, baseName } from "../core/ingest/formats";
import { normalizeNewlines } from "../core/ingest/normalize";
import { FileProblem, reasons } from "../core/ingest/reasons";
import {
  SAMPLE_RECORDS,
  jsonlSample,
  parseJsonRecords,
  sampleSummary,
  tableSample,
} from "../core/ingest/records";
import {
  addCapped,
  emptyList,
  type RecordIssue,
  type WorkerFileOutcome,
} from "../core/ingest/report";
import { BatchSender } from "../core/ingest/sender";
import { SNIFF_BYTES, looksBinary } from "../core/ingest/sniff";
import { chunkOptionsFor } from "../core/job-settings";
import {
  MAX_UNACKNOWLEDGED,
  type IngestAck,
  type IngestEvent,
  type IngestFile,
  type IngestRequest,
  type IngestResult,
  type IngestWorkerRequest,
  type InspectRequest,
  type InspectResult,
} from "./ingest-job";
import { serveRequests, type Inbox } from "./rpc";
import {
  MIME,
  PARSE_CHARS,
  READ_PROGRESS_MS,
  READERS,
  utf8,
  type PapaResult,
  type ReadContext,
} from "./ingest-readers";

// ---------------------------------------------------------------- sending to the page

async function readFile(
  f: IngestFile,
  chunking: ChunkOptions,
  sender: BatchSender,
  onBytes: (n: number) => void,
): Promise<WorkerFileOutcome> {
  const name = baseName(f.path);
  const issues = emptyList<RecordIssue>();
  const fail = (reason: string, skipped = false): WorkerFileOutcome => ({
    file: f.index,
    ok: false,
    reason,
    skipped,
    issues,
  });
  if (f.format === null) {
    const head = new Uint8Array(await f.file.slice(0, SNIFF_BYTES).arrayBuffer());
    return fail(
      looksBinary(head) ? reasons.unsupportedBinary(name) : reasons.unsupported(name),
      true,
    );
  }
  const format = f.format;
  if (f.file.size > MAX_FILE_BYTES[format]) {
    return fail(reasons.tooLarge(name, f.file.size, MAX_FILE_BYTES[format], format));
  }
  if (f.file.size === 0) return fail(reasons.empty(name));
  const ctx: ReadContext = {
    path: f.path,
    name,
    file: f.file,
    field: f.field,
    issue: (issue) => addCapped(issues, issue),
    read: onBytes,
  };
  const source = { kind: "file" as const, name: f.path, mime: MIME[format], size: f.file.size };
  let found = 0;
  try {
    for await (const item of READERS[format](ctx)) {
      const doc = ingestedDocument(
        { file: f.index, title: item.title, text: item.text, source },
        chunking,
      );
      if (!doc) {
        if (!item.at) throw new FileProblem(reasons.documentTooLarge(name));
        ctx.issue({ ...item.at, problem: "a text over the document size limit" });
        continue;
      }
      found++;
      await sender.add(doc);
    }
  } catch (err) {
    if (err instanceof FileProblem) return fail(err.message);
    return fail(reasons.unreadable(name, err instanceof Error ? err.message : String(err)));
  }
  if (found === 0 && issues.total === 0) return fail(reasons.empty(name));
  return { file: f.index, ok: true, issues };
}

async function tokenCounter(json: ArrayBuffer): Promise<TokenCounter> {
  const { Tokenizer } = await import("@mlc-ai/web-tokenizers");
  const tok = await Tokenizer.fromJSON(json);
  return { countTokens: (text) => tok.encode(text).length };
}

async function ingest(
  req: IngestRequest,
  progress: (e: IngestEvent) => void,
  inbox: Inbox<IngestAck>,
): Promise<IngestResult> {
  const budget =
    req.settings.budgetMode === "tokens" && req.tokenizerJson
      ? await tokenCounter(req.tokenizerJson)
      : "words";
  const chunking = chunkOptionsFor(req.settings, budget);
  const sender = new BatchSender(
    { post: progress, nextAck: () => inbox.next(), now: () => Date.now() },
    { limits: req.batch, maxUnacknowledged: MAX_UNACKNOWLEDGED },
  );
  let filesRead = 0;
  let bytesRead = 0;
  let lastReport = 0;
  const report = (current: string | null, force = false) => {
    if (!force && Date.now() - lastReport < READ_PROGRESS_MS) return;
    lastReport = Date.now();
    progress({ kind: "read", filesRead, bytesRead, current });
  };
  for (const f of req.files) {
    const before = bytesRead;
    report(f.path, true);
    const outcome = await readFile(f, chunking, sender, (n) => {
      bytesRead += n;
      report(f.path);
    });
    filesRead++;
    bytesRead = before + f.file.size;
    report(null, true);
    await sender.finish(outcome);
  }
  await sender.end();
  return { documents: sender.documents };
}

// ---------------------------------------------------------------- the import dialog's look

async function sampleRecords(req: InspectRequest): Promise<unknown[]> {
  const name = baseName(req.path);
  const limit = req.format === "json" ? MAX_FILE_BYTES.json : PARSE_CHARS;
  if (req.format === "json" && req.file.size > limit) {
    throw new FileProblem(reasons.tooLarge(name, req.file.size, limit, "json"));
  }
  const head = new Uint8Array(await req.file.slice(0, limit).arrayBuffer());
  if (looksBinary(head.subarray(0, SNIFF_BYTES))) throw new FileProblem(reasons.binary(name));
  if (req.format === "json") {
    const text = utf8(head);
    if (text === null) throw new FileProblem(reasons.invalidUtf8(name));
    return parseJsonRecords(normalizeNewlines(text), name).slice(0, SAMPLE_RECORDS);
  }
  // The head may end inside a character or a line: decode leniently, parse what is whole.
  const text = new TextDecoder().decode(head, { stream: true });
  if (req.format === "jsonl") return jsonlSample(text);
  const delimiter = req.format === "tsv" ? "\t" : guessDelimiter(text);
  const parser = new Papa.Parser({ delimiter, newline: guessNewline(text) });
  const cut = req.file.size > head.length;
  return tableSample((parser.parse(text, 0, cut) as PapaResult).data, name);
}

async function inspect(req: InspectRequest): Promise<InspectResult> {
  try {
    return { ...sampleSummary(await sampleRecords(req)), problem: null };
  } catch (err) {
    const problem =
      err instanceof FileProblem
        ? err.message
        : reasons.unreadable(baseName(req.path), err instanceof Error ? err.message : String(err));
    return { keys: [], defaultField: null, samples: [], problem };
  }
}

serveRequests<IngestWorkerRequest, IngestEvent, IngestResult | InspectResult, IngestAck>(
  self,
  (req, progress, inbox) => (req.kind === "inspect" ? inspect(req) : ingest(req, progress, inbox)),
);
