/**
 * One streaming API for every export format, shared by the Export page and its worker: a
 * generator of complete lines, so any corpus size can be written piece by piece and progress
 * reported between pieces. The per-record formatters live in `export-formats.ts`; the
 * pre-training mix in `pretraining-mix.ts`.
 */
import { collectionsLine, type InterchangeEntry } from "./collections-jsonl";
import {
  alpacaLine,
  entryRecords,
  openAiChatLine,
  pretrainingLine,
  shareGptLine,
  synthesizerTrainingChunk,
  synthesizerTrainingLine,
} from "./export-formats";
import { checkMixOptions, mixTexts, type MixOptions } from "./pretraining-mix";

export {
  countMix,
  evenInterleave,
  generalTokenTarget,
  mixCounts,
  mixTexts,
  selectGeneralForRatio,
  type GeneralSelection,
  type MixCounts,
  type MixPart,
  type MixText,
  type PartCount,
} from "./pretraining-mix";

/**
 * - `pretraining`: `{"text"}` lines, the cooked mix (method spec, sections 5–6).
 * - `messages`, `sharegpt`, `alpaca`: one instruction-tuning line per pair.
 * - `synthesizer-jsonl`, `synthesizer-text`: synthesizer fine-tuning examples (section 2).
 * - `collections`: the collections JSONL the `ipt` CLI reads.
 */
export type ExportFormat =
  | "pretraining"
  | "messages"
  | "sharegpt"
  | "alpaca"
  | "synthesizer-jsonl"
  | "synthesizer-text"
  | "collections";

/** Every format, in the order the Export page lists them. */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  "pretraining",
  "messages",
  "sharegpt",
  "alpaca",
  "synthesizer-jsonl",
  "synthesizer-text",
  "collections",
];

/** The file extension of a format's output: plain text for `synthesizer-text`, else JSONL. */
export function formatExtension(format: ExportFormat): "jsonl" | "txt" {
  return format === "synthesizer-text" ? "txt" : "jsonl";
}

/**
 * Export options. `rawRatio`, `rawDocuments` and `general` shape the pre-training mix only;
 * `questionOnly` applies to `messages` and `sharegpt` (Alpaca has its own `input` field for the
 * text, as in `ipt export`). The other formats ignore them.
 */
export interface ExportOptions extends MixOptions {
  questionOnly?: boolean;
}

type Collections = readonly (readonly InterchangeEntry[])[];

function* entries(collections: Collections): Generator<InterchangeEntry> {
  for (const collection of collections) yield* collection;
}

function* pairLines(
  collections: Collections,
  line: (record: ReturnType<typeof entryRecords>[number]) => string,
): Generator<string> {
  for (const entry of entries(collections)) {
    for (const record of entryRecords(entry)) yield line(record) + "\n";
  }
}

/**
 * The lines of `format`, each complete with its "\n" (for `synthesizer-text`, one multi-line
 * example ending in "</s>\n" per yield). Lines come in collection and entry order, except that
 * `pretraining` interleaves the extra raw documents and general instructions (see
 * `mixTexts`). Documents without pairs give no instruction or synthesizer lines, but do give
 * `pretraining` raw texts and `collections` lines, so nothing the user wrote is lost from the
 * corpus. Deterministic: the same input and options give the same bytes.
 */
export function* exportLines(
  collections: Collections,
  format: ExportFormat,
  options: ExportOptions,
): Generator<string> {
  // Checked for every format, so a bad setting fails the same way whichever format is picked.
  checkMixOptions(options);
  const opts = { questionOnly: options.questionOnly ?? false };
  switch (format) {
    case "pretraining":
      for (const { text } of mixTexts(collections, options)) yield pretrainingLine(text) + "\n";
      return;
    case "messages":
      yield* pairLines(collections, (r) => openAiChatLine(r, opts));
      return;
    case "sharegpt":
      yield* pairLines(collections, (r) => shareGptLine(r, opts));
      return;
    case "alpaca":
      yield* pairLines(collections, (r) => alpacaLine(r));
      return;
    case "synthesizer-jsonl":
      // A document without pairs teaches the synthesizer nothing (same rule as `ipt export`).
      for (const e of entries(collections)) {
        if (e.pairs.length > 0) yield synthesizerTrainingLine(e) + "\n";
      }
      return;
    case "synthesizer-text":
      for (const e of entries(collections)) {
        if (e.pairs.length > 0) yield synthesizerTrainingChunk(e);
      }
      return;
    case "collections":
      for (const collection of collections) yield collectionsLine(collection) + "\n";
      return;
  }
}

/** The whole export as one string, for small projects, previews and tests. */
export function exportText(
  collections: Collections,
  format: ExportFormat,
  options: ExportOptions,
): string {
  let out = "";
  for (const line of exportLines(collections, format, options)) out += line;
  return out;
}
