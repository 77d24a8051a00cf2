/// <reference lib="webworker" />
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { wordEstimate } from "../core/budget";
import {
  StreamedExport,
  StreamedPreview,
  type LineSink,
  type StreamSettings,
} from "../core/export/export-stream";
import type { ExportFormat } from "../core/export/formats";
import {
  hubCardFiles,
  hubFileRecord,
  hubFormatOrder,
  hubParquetPath,
  HUB_FILES,
  type HubFormat,
} from "../core/export/hub-bundle";
import { PARQUET_COLUMNS, parquetSink } from "../core/export/hub-parquet";
import type {
  BatchReply,
  BatchRequest,
  BeginReply,
  BeginRequest,
  EndReply,
  ExportRequest,
  HubCard,
  WorkerRequest,
} from "./export-job";
import { serveRequests } from "./rpc";

/** Output is cut into parts of about this many characters, each made a Blob at once. */
const PART_CHARS = 1 << 20;
/** The time stamped on every zip entry, as `lib/zip.ts` does: the same files, the same bytes. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Text gathered into ~1 MB pieces, each handed to a Blob as soon as it is full, so the worker
 * holds at most one piece of the output as a string; the Blob parts live in the browser's blob
 * store, and the final Blob only references them.
 */
class BlobText {
  private readonly parts: Blob[] = [];
  private pending: string[] = [];
  private chars = 0;
  write(text: string): void {
    this.pending.push(text);
    this.chars += text.length;
    if (this.chars >= PART_CHARS) this.flush();
  }
  private flush(): void {
    if (this.pending.length === 0) return;
    // The lines themselves, not one string joined from them: no extra copy of the piece.
    this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.chars = 0;
  }
  blob(type: string): Blob {
    this.flush();
    return new Blob(this.parts, { type });
  }
}

/**
 * A zip written as it goes: each data file is deflated while its pass runs, and the compressed
 * bytes become Blob parts of about 1 MB. An entry is added at its first line, so a format with
 * no lines leaves no empty file in the bundle.
 */
class StreamedZip {
  private readonly parts: Blob[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private readonly zip = new Zip((err, chunk, final) => {
    if (err) throw err;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= PART_CHARS || final) this.flush();
  });
  private readonly encoder = new TextEncoder();

  private flush(): void {
    if (this.pending.length === 0) return;
    this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }

  /** A sink for one file; its lines are deflated in ~1 MB slices. */
  file(path: string): LineSink {
    let entry: ZipDeflate | null = null;
    let buffer = "";
    const push = (final: boolean) => {
      if (entry === null) {
        if (buffer === "") return;
        entry = new ZipDeflate(path, { level: 6 });
        entry.mtime = FIXED_MTIME;
        this.zip.add(entry);
      }
      entry.push(this.encoder.encode(buffer), final);
      buffer = "";
    };
    return {
      write: (line) => {
        buffer += line;
        if (buffer.length >= PART_CHARS) push(false);
      },
      close: () => push(true),
    };
  }

  /**
   * A file of bytes made while another entry is still being written: its pieces are kept until
   * `close`, then stored as they are (a Parquet file is compressed already).
   */
  later(path: string): { push: (bytes: Uint8Array) => void; close: () => void } {
    const pieces: Uint8Array[] = [];
    return {
      push: (bytes) => pieces.push(bytes),
      close: () => {
        const entry = new ZipPassThrough(path);
        entry.mtime = FIXED_MTIME;
        this.zip.add(entry);
        pieces.forEach((bytes, i) => entry.push(bytes, i === pieces.length - 1));
        if (pieces.length === 0) entry.push(new Uint8Array(0), true);
        pieces.length = 0;
      },
    };
  }

  /**
   * A sink for one format of a bundle: its JSONL file and, for formats with flat records, the
   * same rows as Parquet (written row group by row group, stored after the JSONL entry). Calls
   * `wrote` once the Parquet file is complete.
   */
  hubFile(format: HubFormat, wrote: () => void): LineSink {
    const jsonl = this.file(HUB_FILES[format].path);
    const columns = PARQUET_COLUMNS[format];
    if (!columns) return jsonl;
    let parquet: { sink: LineSink; file: ReturnType<StreamedZip["later"]> } | null = null;
    return {
      write: (line) => {
        jsonl.write(line);
        if (!parquet) {
          const file = this.later(hubParquetPath(format));
          parquet = { file, sink: parquetSink(columns, file.push) };
        }
        parquet.sink.write(line);
      },
      close: () => {
        jsonl.close();
        if (!parquet) return;
        parquet.sink.close();
        parquet.file.close();
        wrote();
      },
    };
  }

  blob(): Blob {
    this.zip.end();
    this.flush();
    return new Blob(this.parts, { type: "application/zip" });
  }
}

type Count = (text: string) => number;

async function counter(json: ArrayBuffer | undefined): Promise<Count> {
  if (!json) return (text) => Math.round(wordEstimate(text));
  const { Tokenizer } = await import("@mlc-ai/web-tokenizers");
  const tok = await Tokenizer.fromJSON(json);
  return (text) => tok.encode(text).length;
}

const settingsOf = (req: ExportRequest): StreamSettings => ({
  filter: req.filter,
  seed: req.seed,
  pack: req.pack,
  rawRatio: req.rawRatio,
  questionOnly: req.questionOnly,
  general: req.general,
  generalRatio: req.generalRatio,
});

interface FileJob {
  kind: "file";
  run: StreamedExport;
  format: ExportFormat;
  out: BlobText;
}
interface HubJob {
  kind: "hub";
  run: StreamedExport;
  card: HubCard;
  zip: StreamedZip;
  /** Formats whose Parquet copy is in the zip. */
  parquet: Set<HubFormat>;
}
interface PreviewJob {
  kind: "preview";
  preview: StreamedPreview;
  exactTokens: boolean;
}
type Job = FileJob | HubJob | PreviewJob;

const jobs = new Map<number, Job>();
let nextJob = 1;

async function begin(req: BeginRequest): Promise<BeginReply> {
  const exp = req.export;
  const countTokens = await counter(exp.tokenizerJson);
  const settings = settingsOf(exp);
  const target = exp.target;
  let job: Job;
  let passes = 1;
  let everyBatch = true;
  if (req.preview) {
    const format = target.kind === "file" ? target.format : (target.formats[0] ?? "pretraining");
    const preview = new StreamedPreview(
      settings,
      format,
      req.collections,
      countTokens,
      req.preview.counts,
    );
    job = { kind: "preview", preview, exactTokens: exp.tokenizerJson !== undefined };
    everyBatch = preview.needsEveryCollection;
  } else if (target.kind === "file") {
    const out = new BlobText();
    const run = new StreamedExport(settings, [target.format], req.collections, countTokens, () => ({
      write: (line) => out.write(line),
      close: () => undefined,
    }));
    job = { kind: "file", run, format: target.format, out };
    passes = run.passes.length;
  } else {
    const zip = new StreamedZip();
    const formats = hubFormatOrder(target.formats);
    const parquet = new Set<HubFormat>();
    const run = new StreamedExport(settings, formats, req.collections, countTokens, (format) =>
      zip.hubFile(format as HubFormat, () => parquet.add(format as HubFormat)),
    );
    job = { kind: "hub", run, card: target.card, zip, parquet };
    passes = run.passes.length;
  }
  const id = nextJob++;
  jobs.set(id, job);
  return { job: id, passes, everyBatch };
}

function jobOf(id: number): Job {
  const job = jobs.get(id);
  if (!job) throw new Error("This export was cancelled or has already finished.");
  return job;
}

function batch(req: BatchRequest): BatchReply {
  const job = jobOf(req.job);
  if (job.kind === "preview") return { more: job.preview.push(req.collections) };
  job.run.push(req.collections);
  return { more: true };
}

function end(id: number): EndReply {
  const job = jobOf(id);
  if (job.kind !== "preview" && job.run.endPass()) return { kind: "again" };
  jobs.delete(id);
  switch (job.kind) {
    case "preview": {
      const { samples, counts } = job.preview.end();
      return { kind: "preview", result: { samples, counts, exactTokens: job.exactTokens } };
    }
    case "file": {
      const type = job.format === "synthesizer-text" ? "text/plain" : "application/jsonl";
      const records = job.run.records.get(job.format) ?? 0;
      return { kind: "export", result: { blob: job.out.blob(type), records } };
    }
    case "hub": {
      // The card lists the files in bundle order, with their record counts, known only now.
      const files = [...job.run.records]
        .filter(([, records]) => records > 0)
        .map(([format, records]) =>
          hubFileRecord(format as HubFormat, records, job.parquet.has(format as HubFormat)),
        );
      const card = hubCardFiles(job.card, files);
      for (const [path, text] of Object.entries(card)) {
        const sink = job.zip.file(path);
        sink.write(text);
        sink.close();
      }
      const records = files.reduce((n, f) => n + f.records, 0);
      return { kind: "export", result: { blob: job.zip.blob(), records } };
    }
  }
}

serveRequests<WorkerRequest, never, BeginReply | BatchReply | EndReply | null>(self, (req) => {
  switch (req.kind) {
    case "begin":
      return begin(req);
    case "batch":
      return batch(req);
    case "end":
      return end(req.job);
    case "abort":
      jobs.delete(req.job);
      return null;
  }
});
