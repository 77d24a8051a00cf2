/**
 * Exports fed batch by batch: the Export page streams a project's collections to its worker a
 * few thousand chunks at a time, so neither side ever holds the whole project. Some outputs need
 * more than one pass over the project (the general-instruction ratio needs the domain's token
 * count before the first line is written; a Hub bundle writes one file per pass), so the page
 * streams the same batches once per pass. Pure: output goes to the sinks the caller opens.
 */
import type { TemplatePack } from "../cook/template-pack";
import type { InterchangeCollection } from "./collections-jsonl";
import {
  addToMixCounts,
  createExportWriter,
  createMixer,
  emptyMixCounts,
  generalTokenTarget,
  selectGeneralForRatio,
  type ExportFormat,
  type ExportOptions,
  type ExportWriter,
  type MixText,
  type MixCounts,
  type Mixer,
} from "./formats";
import { toChainedCollections, type PairFilter, type StudioEntry } from "./studio-dataset";

/** The Export page's choices that shape the lines. */
export interface StreamSettings {
  filter: PairFilter;
  seed: number;
  pack: TemplatePack;
  rawRatio: number;
  questionOnly: boolean;
  /** Every general-instruction text of the imported file, as "{question} {response}". */
  general: readonly string[];
  /** General tokens per domain token (the paper's domain mix: 1); null mixes in every text. */
  generalRatio: number | null;
}

/** Where one format's lines go. */
export interface LineSink {
  write(line: string): void;
  /** Called once after the format's last line. */
  close(): void;
}

/** One pass over the project: count the domain's tokens, or write one format. */
export type ExportPass = { kind: "count" } | { kind: "write"; format: ExportFormat };

/** Chains of entries, as the page sends them: each inner list is one collection. */
export type EntryChains = readonly (readonly StudioEntry[])[];

type Count = (text: string) => number;

/** True when the general instructions to mix in depend on the domain's token count. */
function needsDomainCount(settings: StreamSettings, formats: readonly ExportFormat[]): boolean {
  return (
    formats.includes("pretraining") && settings.generalRatio !== null && settings.general.length > 0
  );
}

/** The passes an export of `formats` takes, in order. */
export function exportPasses(
  settings: StreamSettings,
  formats: readonly ExportFormat[],
): ExportPass[] {
  const writes = formats.map((format): ExportPass => ({ kind: "write", format }));
  return needsDomainCount(settings, formats) ? [{ kind: "count" }, ...writes] : writes;
}

/** Options before the domain is counted: every general text (they matter to `pretraining` only). */
function baseOptions(settings: StreamSettings): ExportOptions {
  return {
    seed: settings.seed,
    pack: settings.pack,
    rawRatio: settings.rawRatio,
    questionOnly: settings.questionOnly,
    general: settings.general,
  };
}

/**
 * The general texts for a counted domain: taken in file order up to `ratio` times its tokens
 * (see `selectGeneralForRatio`), or all of them when there is no ratio.
 */
function generalFor(settings: StreamSettings, domain: MixCounts, countTokens: Count): string[] {
  if (settings.generalRatio === null) return [...settings.general];
  const target = generalTokenTarget(domain, settings.generalRatio);
  return selectGeneralForRatio(settings.general, target, countTokens).texts;
}

/** Counts the domain part of the mix (cooked and raw texts), collection by collection. */
class DomainCounter {
  readonly counts = emptyMixCounts();
  private readonly mixer: Mixer;
  constructor(
    settings: StreamSettings,
    collections: number,
    private readonly countTokens: Count,
  ) {
    this.mixer = createMixer(collections, { ...baseOptions(settings), general: [] });
  }
  push(collection: InterchangeCollection): void {
    addToMixCounts(this.counts, this.mixer.push(collection), this.countTokens);
  }
}

/** Turns batches of chains into collections, numbering entries across the whole stream. */
class Collector {
  private source = 0;
  constructor(private readonly filter: PairFilter) {}
  collections(chains: EntryChains): InterchangeCollection[] {
    const out = toChainedCollections(chains, this.filter, this.source);
    for (const chain of chains) this.source += chain.length;
    return out;
  }
}

/**
 * One export (a file, or every file of a bundle) fed in passes. Each pass, the caller pushes
 * every collection of the project, in the same order, then calls `endPass`.
 */
export class StreamedExport {
  readonly passes: readonly ExportPass[];
  /** Lines written per format. */
  readonly records = new Map<ExportFormat, number>();
  private pass = 0;
  private collector: Collector;
  private counter: DomainCounter | null = null;
  private writing: { format: ExportFormat; writer: ExportWriter; sink: LineSink } | null = null;
  private options: ExportOptions;

  /**
   * `collections`: how many collections each pass brings. `open` is called at the start of each
   * format's pass for the sink its lines go to.
   */
  constructor(
    private readonly settings: StreamSettings,
    formats: readonly ExportFormat[],
    private readonly collections: number,
    private readonly countTokens: Count,
    private readonly open: (format: ExportFormat) => LineSink,
  ) {
    this.passes = exportPasses(settings, formats);
    this.options = baseOptions(settings);
    // Bad options fail now, before the page reads anything.
    for (const format of formats) createExportWriter(format, this.options, collections);
    this.collector = new Collector(settings.filter);
    this.startPass();
  }

  private startPass(): void {
    const pass = this.passes[this.pass];
    this.collector = new Collector(this.settings.filter);
    if (pass === undefined) return;
    if (pass.kind === "count") {
      this.counter = new DomainCounter(this.settings, this.collections, this.countTokens);
      return;
    }
    const writer = createExportWriter(pass.format, this.options, this.collections);
    this.writing = { format: pass.format, writer, sink: this.open(pass.format) };
    this.records.set(pass.format, 0);
  }

  private write(lines: readonly string[]): void {
    if (!this.writing) return;
    const { format, sink } = this.writing;
    for (const line of lines) sink.write(line);
    this.records.set(format, (this.records.get(format) ?? 0) + lines.length);
  }

  /** Feeds the next collections of the current pass. */
  push(chains: EntryChains): void {
    for (const collection of this.collector.collections(chains)) {
      if (this.counter) this.counter.push(collection);
      else if (this.writing) this.write(this.writing.writer.push(collection));
    }
  }

  /** Ends the current pass; returns true when another pass follows. */
  endPass(): boolean {
    if (this.counter) {
      this.options = {
        ...this.options,
        general: generalFor(this.settings, this.counter.counts, this.countTokens),
      };
      this.counter = null;
    }
    if (this.writing) {
      this.write(this.writing.writer.end());
      this.writing.sink.close();
      this.writing = null;
    }
    this.pass++;
    if (this.pass >= this.passes.length) return false;
    this.startPass();
    return true;
  }
}

/** One sample record of a preview, as a trainer would read it. */
export interface PreviewSample {
  text: string;
  tokens: number;
}

/** What a preview found: a few sample records and, when asked for, the mix's counts. */
export interface StreamedPreviewResult {
  samples: PreviewSample[];
  counts: MixCounts;
}

/** The collections kept for samples when the samples must wait for the domain's count. */
const RETAINED_COLLECTIONS = 64;

/** The text a trainer sees: the "text" field of JSONL records, or the line itself. */
function sampleText(line: string): string {
  try {
    const value = JSON.parse(line) as { text?: unknown };
    if (typeof value.text === "string") return value.text;
  } catch {
    // plain-text formats
  }
  return line;
}

/** A record of the output as the preview sees it: its text, and whether it was cooked. */
interface PreviewText {
  text: string;
  /** False for the pre-training mix's raw documents and general instructions. */
  cooked: boolean;
}

/** The output of `format` as {@link PreviewText}s, collection by collection. */
interface PreviewSource {
  push(collection: InterchangeCollection): PreviewText[];
  end(): PreviewText[];
}

function previewSource(
  format: ExportFormat,
  options: ExportOptions,
  collections: number,
): PreviewSource {
  if (format === "pretraining") {
    // The mixer tags each text with its part; the file's lines are these texts as JSONL.
    const mixer = createMixer(collections, options);
    const tag = (texts: readonly MixText[]) =>
      texts.map(({ part, text }) => ({ text, cooked: part === "cooked" }));
    return { push: (c) => tag(mixer.push(c)), end: () => tag(mixer.end()) };
  }
  const writer = createExportWriter(format, options, collections);
  const tag = (lines: readonly string[]) =>
    lines.map((line) => ({ text: sampleText(line), cooked: true }));
  return { push: (c) => tag(writer.push(c)), end: () => tag(writer.end()) };
}

/**
 * A preview of one format fed in one pass: the first `size` cooked records (the first raw or
 * general texts of the mix only when there are not enough cooked ones) and, with `withCounts`,
 * the counts of every part of the pre-training mix (which needs every collection). Without
 * counts it asks for batches only until it has its samples (`push` returns false then).
 */
export class StreamedPreview {
  private readonly cooked: PreviewSample[] = [];
  /** Raw and general texts, shown only if the project has fewer cooked ones than `size`. */
  private readonly others: PreviewSample[] = [];
  private readonly counter: DomainCounter | null;
  private readonly collector: Collector;
  /** Samples written as batches come, when the general texts do not depend on the count. */
  private readonly source: PreviewSource | null;
  private readonly retained: InterchangeCollection[] = [];

  constructor(
    private readonly settings: StreamSettings,
    private readonly format: ExportFormat,
    private readonly collections: number,
    private readonly countTokens: Count,
    private readonly withCounts: boolean,
    private readonly size = 3,
  ) {
    const source = previewSource(format, baseOptions(settings), collections);
    const countFirst = needsDomainCount(settings, [format]);
    this.source = countFirst ? null : source;
    this.counter =
      withCounts || countFirst ? new DomainCounter(settings, collections, countTokens) : null;
    this.collector = new Collector(settings.filter);
  }

  /** True when it takes every collection (it counts the mix), false when it may stop early. */
  get needsEveryCollection(): boolean {
    return this.counter !== null;
  }

  private get full(): boolean {
    return this.cooked.length >= this.size;
  }

  private sample(texts: readonly PreviewText[]): void {
    for (const { text, cooked } of texts) {
      const into = cooked ? this.cooked : this.others;
      if (into.length < this.size) into.push({ text, tokens: this.countTokens(text) });
    }
  }

  /** Feeds the next collections; returns whether the preview wants more. */
  push(chains: EntryChains): boolean {
    for (const collection of this.collector.collections(chains)) {
      this.counter?.push(collection);
      if (this.source && !this.full) this.sample(this.source.push(collection));
      if (!this.source && this.retained.length < RETAINED_COLLECTIONS)
        this.retained.push(collection);
    }
    return this.counter !== null || !this.full;
  }

  /** The samples and counts, once every wanted batch was pushed. */
  end(): StreamedPreviewResult {
    const domain = this.counter?.counts ?? emptyMixCounts();
    const general = generalFor(this.settings, domain, this.countTokens);
    if (!this.source) {
      // The general texts are known only now: write the retained collections with them.
      const options = { ...baseOptions(this.settings), general };
      const source = previewSource(this.format, options, this.collections);
      for (const collection of this.retained) {
        if (this.full) break;
        this.sample(source.push(collection));
      }
      // What the mix puts after the last collection belongs to the samples only if every
      // collection was seen.
      if (this.retained.length === this.collections) this.sample(source.end());
    } else if (!this.full) {
      this.sample(this.source.end());
    }
    const counts = copyCounts(domain);
    if (this.withCounts) {
      addToMixCounts(
        counts,
        general.filter((t) => t.trim() !== "").map((text) => ({ part: "general" as const, text })),
        this.countTokens,
      );
    }
    const samples = [...this.cooked, ...this.others].slice(0, this.size);
    return { samples, counts: this.withCounts ? counts : emptyMixCounts() };
  }
}

function copyCounts(counts: MixCounts): MixCounts {
  return {
    cooked: { ...counts.cooked },
    raw: { ...counts.raw },
    general: { ...counts.general },
    total: { ...counts.total },
  };
}
