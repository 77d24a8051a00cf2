import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_PACK as pack } from "../cook/default-pack";
import { parseCollectionsJsonl } from "./collections-jsonl";
import { EXPORT_FORMATS, exportLines, exportText, formatExtension } from "./formats";
import { toCollections, type StudioDocument } from "./studio-dataset";

const docs: StudioDocument[] = [
  {
    title: "Bees",
    text: "Bees dance to show where flowers are.",
    pairs: [
      { question: "Why do bees dance?", answer: "To show where flowers are.", status: "accepted" },
      { question: "Do bees sing?", answer: "No.", status: "pending" },
    ],
  },
  {
    title: "Rust",
    text: "Iron rusts when water and oxygen reach it.",
    pairs: [{ question: "What makes iron rust?", answer: "Water and oxygen.", status: "rejected" }],
  },
];
const collections = toCollections(docs, "accepted");
const options = { seed: 12345, pack, rawRatio: 0, general: ["Say hi. Hi."] };

describe("exportLines", () => {
  it("yields complete lines in every format, deterministically", () => {
    for (const format of EXPORT_FORMATS) {
      const lines = [...exportLines(collections, format, options)];
      expect(lines.length, format).toBeGreaterThan(0);
      for (const line of lines) expect(line.endsWith("\n"), format).toBe(true);
      expect(exportText(collections, format, options)).toBe(lines.join(""));
      expect([...exportLines(collections, format, options)]).toEqual(lines);
    }
  });

  it("writes JSON on every line except in synthesizer-text", () => {
    for (const format of EXPORT_FORMATS) {
      if (format === "synthesizer-text") continue;
      for (const line of exportLines(collections, format, options)) {
        expect(() => JSON.parse(line) as unknown, format).not.toThrow();
      }
    }
    expect(formatExtension("synthesizer-text")).toBe("txt");
    expect(formatExtension("messages")).toBe("jsonl");
  });

  it("mixes general texts and documents without pairs into pre-training text only", () => {
    const texts = [...exportLines(collections, "pretraining", options)].map(
      (l) => (JSON.parse(l) as { text: string }).text,
    );
    expect(texts).toHaveLength(3);
    expect(texts).toContain("Say hi. Hi.");
    expect(texts).toContain("Iron rusts when water and oxygen reach it.");
    const messages = exportText(collections, "messages", options);
    expect(messages).not.toContain("Say hi.");
    expect(messages).not.toContain("Iron rusts");
  });

  it("writes one instruction line per kept pair, honouring questionOnly in chat formats", () => {
    const lines = [...exportLines(collections, "messages", { ...options, questionOnly: true })];
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      {
        messages: [
          { role: "user", content: "Why do bees dance?" },
          { role: "assistant", content: "To show where flowers are." },
        ],
      },
    ]);
    const withContext = exportText(collections, "sharegpt", options);
    expect(withContext).toContain("Bees dance to show where flowers are.\\n\\nWhy do bees dance?");
    const alpaca = JSON.parse(exportText(collections, "alpaca", options)) as unknown;
    expect(alpaca).toEqual({
      instruction: "Why do bees dance?",
      input: "Bees dance to show where flowers are.",
      output: "To show where flowers are.",
    });
  });

  it("writes synthesizer examples only for documents with pairs", () => {
    expect([...exportLines(collections, "synthesizer-jsonl", options)]).toHaveLength(1);
    const chunks = [...exportLines(collections, "synthesizer-text", options)];
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatch(/^<s> <CON> Bees dance.*<\/s>\n$/s);
  });

  it("writes collections the CLI reads back, every document included", () => {
    const parsed = parseCollectionsJsonl(exportText(collections, "collections", options));
    expect(parsed.ok && parsed.value.map((c) => c[0]?.pairs.length)).toEqual([1, 0]);
    expect(parsed.ok && parsed.value[1]?.[0]?.meta).toEqual({ title: "Rust" });
  });

  it("follows the pair filter", () => {
    const all = toCollections(docs, "non-rejected");
    expect([...exportLines(all, "alpaca", options)]).toHaveLength(2);
  });

  it("refuses bad options whatever the format", () => {
    expect(() => [...exportLines(collections, "messages", { ...options, rawRatio: -1 })]).toThrow(
      RangeError,
    );
  });
});
