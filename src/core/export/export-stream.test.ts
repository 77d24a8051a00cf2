import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_PACK as pack } from "../cook/default-pack";
import {
  StreamedExport,
  StreamedPreview,
  exportPasses,
  type StreamSettings,
} from "./export-stream";
import {
  EXPORT_FORMATS,
  exportLines,
  exportText,
  generalTokenTarget,
  mixCounts,
  mixTexts,
  selectGeneralForRatio,
  type ExportFormat,
} from "./formats";
import { toChainedCollections, type StudioEntry } from "./studio-dataset";

const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;

/** 30 chains: every third one a two-round chain whose second entry inherits. */
const chains: StudioEntry[][] = Array.from({ length: 30 }, (_, j) => {
  const entry = (k: number): StudioEntry => ({
    id: `d${j}-${k}`,
    title: `Doc ${j}`,
    text: `Document ${j} part ${k} says the river rose ${j + k} centimetres.`,
    pairs: Array.from({ length: (j + k) % 4 }, (_, p) => ({
      question: `How far did the river rise in part ${k} of ${j} (${p})?`,
      answer: `${j + k} centimetres.`,
      status: p === 2 ? "rejected" : "accepted",
    })),
  });
  if (j % 3 !== 0) return [entry(0)];
  return [
    { ...entry(0), followedByNext: true },
    { ...entry(1), inheritsFromPrevious: true },
  ];
});
const general = Array.from({ length: 50 }, (_, i) => `General question ${i}? Answer ${i}.`);
const settings: StreamSettings = {
  filter: "accepted",
  seed: 7,
  pack,
  rawRatio: 0.25,
  questionOnly: false,
  general,
  generalRatio: 0.5,
};
const collections = toChainedCollections(chains, settings.filter);
const options = { seed: 7, pack, rawRatio: 0.25, questionOnly: false };

/** The general texts the page's ratio selects, computed the whole-project way. */
function selectedGeneral(s: StreamSettings): string[] {
  if (s.generalRatio === null) return [...s.general];
  const domain = mixCounts(collections, { ...options, general: [] }, words);
  return selectGeneralForRatio(s.general, generalTokenTarget(domain, s.generalRatio), words).texts;
}

/** Streams `chains` in batches of `size` chains, every pass, and returns each format's text. */
function streamed(formats: ExportFormat[], s: StreamSettings, size: number) {
  const out = new Map<ExportFormat, string>();
  const closed: ExportFormat[] = [];
  const run = new StreamedExport(s, formats, chains.length, words, (format) => {
    out.set(format, "");
    return {
      write: (line) => out.set(format, (out.get(format) ?? "") + line),
      close: () => closed.push(format),
    };
  });
  let passes = 0;
  do {
    passes++;
    for (let at = 0; at < chains.length; at += size) run.push(chains.slice(at, at + size));
  } while (run.endPass());
  expect(passes).toBe(run.passes.length);
  expect(closed).toEqual(formats);
  return { out, records: run.records };
}

describe("StreamedExport", () => {
  it("writes byte for byte what the whole-project export writes, in any batch size", () => {
    const expected = (format: ExportFormat) =>
      exportText(collections, format, { ...options, general: selectedGeneral(settings) });
    for (const size of [1, 4, 30]) {
      const { out, records } = streamed([...EXPORT_FORMATS], settings, size);
      for (const format of EXPORT_FORMATS) {
        expect(out.get(format), `${format} in batches of ${size}`).toBe(expected(format));
        const lines = [...exportLines(collections, format, { ...options, general })];
        if (format !== "pretraining") expect(records.get(format)).toBe(lines.length);
      }
    }
  });

  it("counts the domain first only when the general texts depend on it", () => {
    expect(exportPasses(settings, ["pretraining"]).map((p) => p.kind)).toEqual(["count", "write"]);
    expect(exportPasses(settings, ["messages"]).map((p) => p.kind)).toEqual(["write"]);
    const all = { ...settings, generalRatio: null };
    expect(exportPasses(all, ["pretraining", "collections"]).map((p) => p.kind)).toEqual([
      "write",
      "write",
    ]);
    const { out } = streamed(["pretraining"], all, 7);
    expect(out.get("pretraining")).toBe(
      exportText(collections, "pretraining", { ...options, general }),
    );
  });

  it("cooks a chain as one group and writes its links into the collections JSONL", () => {
    const { out } = streamed(["collections"], settings, 5);
    const first = JSON.parse(out.get("collections")?.split("\n")[0] ?? "") as {
      entries: { inheritsFromPrevious: boolean; followedByNext: boolean; meta: unknown }[];
    };
    expect(first.entries.map((e) => [e.inheritsFromPrevious, e.followedByNext])).toEqual([
      [false, true],
      [true, false],
    ]);
    expect(first.entries[1]?.meta).toEqual({ id: "d0-1", title: "Doc 0" });
  });

  it("refuses bad options before anything is read", () => {
    const open = () => ({ write: () => undefined, close: () => undefined });
    expect(
      () => new StreamedExport({ ...settings, seed: 0.5 }, ["messages"], 1, words, open),
    ).toThrow(RangeError);
  });
});

describe("StreamedPreview", () => {
  const firstLines = (format: ExportFormat, s: StreamSettings, n = 3) =>
    [...exportLines(collections, format, { ...options, general: selectedGeneral(s) })]
      .slice(0, n)
      .map((l) =>
        format === "synthesizer-text" ? l : ((JSON.parse(l) as { text?: string }).text ?? l),
      );

  it("shows the first cooked texts of the mix and its exact counts", () => {
    const preview = new StreamedPreview(settings, "pretraining", chains.length, words, true);
    for (let at = 0; at < chains.length; at += 4) {
      expect(preview.push(chains.slice(at, at + 4))).toBe(true);
    }
    const result = preview.end();
    const mix = [...mixTexts(collections, { ...options, general: selectedGeneral(settings) })];
    // The file starts with raw or general texts here; the preview skips them for cooked ones.
    expect(mix.slice(0, 3).some((t) => t.part !== "cooked")).toBe(true);
    expect(result.samples.map((s) => s.text)).toEqual(
      mix
        .filter((t) => t.part === "cooked")
        .slice(0, 3)
        .map((t) => t.text),
    );
    expect(result.counts).toEqual(
      mixCounts(collections, { ...options, general: selectedGeneral(settings) }, words),
    );
  });

  it("shows raw texts when the project has too few cooked ones", () => {
    const rawOnly = chains.slice(0, 2).map((c) => c.map((e) => ({ ...e, pairs: [] })));
    const preview = new StreamedPreview(settings, "pretraining", rawOnly.length, words, false);
    preview.push(rawOnly);
    expect(preview.end().samples.map((s) => s.text)).toHaveLength(3);
  });

  it("stops asking for batches once it has its samples, when no counts are wanted", () => {
    const preview = new StreamedPreview(settings, "messages", chains.length, words, false);
    let batches = 0;
    for (let at = 0; at < chains.length; at += 2) {
      batches++;
      if (!preview.push(chains.slice(at, at + 2))) break;
    }
    expect(batches).toBeLessThan(chains.length / 2);
    const result = preview.end();
    expect(result.samples.map((s) => s.text)).toEqual(firstLines("messages", settings));
    expect(result.samples[0]?.tokens).toBe(words(result.samples[0]?.text ?? ""));
    expect(result.counts.total).toEqual({ texts: 0, tokens: 0 });
  });
});
