/// <reference lib="webworker" />
import { wordEstimate } from "../core/budget";
import {
  exportLines,
  generalTokenTarget,
  mixCounts,
  selectGeneralForRatio,
  type ExportOptions,
} from "../core/export/formats";
import { buildHubBundle, type HubFormat } from "../core/export/hub-bundle";
import { toCollections } from "../core/export/studio-dataset";
import { zipFiles } from "../lib/zip";
import type {
  ExportProgress,
  ExportRequest,
  ExportResult,
  PreviewRequest,
  PreviewResult,
  WorkerRequest,
} from "./export-job";
import { serveRequests } from "./rpc";

const PROGRESS_EVERY = 2000;
const PART_CHARS = 1 << 20;

/**
 * Streams lines into Blob parts of about 1 MB, so memory holds the output once (in the Blob)
 * rather than as one giant string plus its copies.
 */
function linesToBlob(
  lines: Iterable<string>,
  total: number,
  progress: (p: ExportProgress) => void,
  type: string,
) {
  const parts: string[] = [];
  let buffer = "";
  let records = 0;
  for (const line of lines) {
    buffer += line;
    records++;
    if (buffer.length >= PART_CHARS) {
      parts.push(buffer);
      buffer = "";
    }
    if (records % PROGRESS_EVERY === 0) progress({ done: Math.min(records, total), total });
  }
  parts.push(buffer);
  progress({ done: total, total });
  return { blob: new Blob(parts, { type }), records };
}

type Count = (text: string) => number;

/**
 * The export options, with the general instructions cut to the requested token ratio: the
 * domain part (cooked + raw) is counted first, then general texts are taken in file order
 * until they reach `ratio` times its tokens.
 */
function optionsOf(req: ExportRequest, countTokens: Count): ExportOptions {
  const base = {
    seed: req.seed,
    pack: req.pack,
    rawRatio: req.rawRatio,
    questionOnly: req.questionOnly,
  };
  if (req.generalRatio === null || req.general.length === 0)
    return { ...base, general: req.general };
  const domain = mixCounts(toCollections(req.docs, req.filter), base, countTokens);
  const target = generalTokenTarget(domain, req.generalRatio);
  return { ...base, general: selectGeneralForRatio(req.general, target, countTokens).texts };
}

async function runExport(
  req: ExportRequest,
  progress: (p: ExportProgress) => void,
): Promise<ExportResult> {
  const collections = toCollections(req.docs, req.filter);
  const options = optionsOf(req, await counter(req.tokenizerJson));
  const pairs = req.docs.reduce((n, d) => n + d.pairs.length, 0);
  const total = Math.max(1, pairs + req.docs.length + req.general.length);
  if (req.target.kind === "file") {
    const type = req.target.format === "synthesizer-text" ? "text/plain" : "application/jsonl";
    return linesToBlob(exportLines(collections, req.target.format, options), total, progress, type);
  }
  const data: Partial<Record<HubFormat, string[]>> = {};
  let records = 0;
  for (const format of req.target.formats) {
    const lines = [...exportLines(collections, format, options)];
    records += lines.length;
    data[format] = lines;
    progress({ done: Math.min(records, total), total });
  }
  const zip = zipFiles(buildHubBundle({ ...req.target.card, data }));
  return { blob: new Blob([zip.slice().buffer], { type: "application/zip" }), records };
}

async function counter(json: ArrayBuffer | undefined): Promise<(text: string) => number> {
  if (!json) return (text) => Math.round(wordEstimate(text));
  const { Tokenizer } = await import("@mlc-ai/web-tokenizers");
  const tok = await Tokenizer.fromJSON(json);
  return (text) => tok.encode(text).length;
}

async function preview(req: PreviewRequest): Promise<PreviewResult> {
  const exp = req.export;
  const collections = toCollections(exp.docs, exp.filter);
  const countTokens = await counter(exp.tokenizerJson);
  const options = optionsOf(exp, countTokens);
  const format =
    exp.target.kind === "file" ? exp.target.format : (exp.target.formats[0] ?? "pretraining");
  const samples: PreviewResult["samples"] = [];
  for (const line of exportLines(collections, format, options)) {
    // Show the text a trainer sees: the "text" field of JSONL records, or the line itself.
    let text = line;
    try {
      const value = JSON.parse(line) as { text?: unknown };
      if (typeof value.text === "string") text = value.text;
    } catch {
      // plain-text formats
    }
    samples.push({ text, tokens: countTokens(text) });
    if (samples.length === 3) break;
  }
  return {
    samples,
    counts: mixCounts(collections, options, countTokens),
    exactTokens: exp.tokenizerJson !== undefined,
  };
}

serveRequests<WorkerRequest, ExportProgress, ExportResult | PreviewResult>(self, (req, progress) =>
  req.kind === "preview" ? preview(req) : runExport(req.export, progress),
);
