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
import { checkMixOptions, createMixer, type MixOptions } from "./pretraining-mix";

export {
  addToMixCounts,
  countMix,
  createMixer,
  emptyMixCounts,
  evenInterleave,
  generalTokenTarget,
  mixCounts,
  mixTexts,
  selectGeneralForRatio,
  type GeneralSelection,
  type Mixer,
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

/**
 * One format's lines, fed one collection at a time: what a worker uses when the project arrives
 * in batches. `push` returns the lines that collection gives (for `pretraining`, with the
 * general instructions the mix puts before it), `end` whatever the mix puts after the last one.
 */
export interface ExportWriter {
  push(collection: readonly InterchangeEntry[]): string[];
  end(): string[];
}

const withNewline = (line: string) => line + "\n";

/** The instruction and synthesizer formats: lines that depend on one entry each. */
function entryLines(
  format: Exclude<ExportFormat, "pretraining" | "collections">,
  options: ExportOptions,
): (entry: InterchangeEntry) => string[] {
  const opts = { questionOnly: options.questionOnly ?? false };
  switch (format) {
    case "messages":
      return (e) => entryRecords(e).map((r) => withNewline(openAiChatLine(r, opts)));
    case "sharegpt":
      return (e) => entryRecords(e).map((r) => withNewline(shareGptLine(r, opts)));
    case "alpaca":
      return (e) => entryRecords(e).map((r) => withNewline(alpacaLine(r)));
    // A document without pairs teaches the synthesizer nothing (same rule as `ipt export`).
    case "synthesizer-jsonl":
      return (e) => (e.pairs.length > 0 ? [withNewline(synthesizerTrainingLine(e))] : []);
    case "synthesizer-text":
      return (e) => (e.pairs.length > 0 ? [synthesizerTrainingChunk(e)] : []);
  }
}

/**
 * A writer for `format` over `collectionCount` collections (the pre-training mix needs the
 * count up front to spread the general instructions). Throws a RangeError on bad options,
 * whatever the format, so a bad setting fails the same way whichever format is picked.
 */
export function createExportWriter(
  format: ExportFormat,
  options: ExportOptions,
  collectionCount: number,
): ExportWriter {
  checkMixOptions(options);
  if (format === "pretraining") {
    const mixer = createMixer(collectionCount, options);
    const lines = (texts: readonly { text: string }[]) =>
      texts.map(({ text }) => withNewline(pretrainingLine(text)));
    return { push: (c) => lines(mixer.push(c)), end: () => lines(mixer.end()) };
  }
  if (format === "collections") {
    return { push: (c) => [withNewline(collectionsLine(c))], end: () => [] };
  }
  const lines = entryLines(format, options);
  return { push: (c) => c.flatMap(lines), end: () => [] };
}

/**
 * The lines of `format`, each complete with its "\n" (for `synthesizer-text`, one multi-line
 * example ending in "</s>\n" per yield). Lines come in collection and entry order, except that
 * `pretraining` interleaves the extra raw documents and general instructions (see
 * `mixTexts`). Documents without pairs give no instruction or synthesizer lines, but do give
 * `pretraining` raw texts and `collections` lines, so nothing the user wrote is lost from the
 * corpus. Deterministic: the same input and options give the same bytes, whether the
 * collections come at once or one by one through {@link createExportWriter}.
 */
export function* exportLines(
  collections: Collections,
  format: ExportFormat,
  options: ExportOptions,
): Generator<string> {
  const writer = createExportWriter(format, options, collections.length);
  for (const collection of collections) yield* writer.push(collection);
  yield* writer.end();
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
