import { parquetMetadata, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_PACK } from "../cook/default-pack";
import { exportLines, type ExportFormat } from "./formats";
import { hubCardFiles, hubFileRecord, type Provenance } from "./hub-bundle";
import { PARQUET_COLUMNS, parquetSink } from "./hub-parquet";
import { toCollections, type StudioDocument } from "./studio-dataset";

/** Documents with non-ASCII text, quotes, newlines and an empty answer. */
const documents: StudioDocument[] = Array.from({ length: 60 }, (_, d) => ({
  title: `Doc ${d}`,
  text: `Dokument ${d}: the "river" rose ${d} cm.\nZweite Zeile — naïve café ✓ 河流 ${d}.`,
  pairs: Array.from({ length: 3 }, (_, p) => ({
    question: `Question ${p} on ${d}?`,
    answer: p === 2 ? "" : `Answer ${p}: ${"ünïcödé ".repeat(p + 1)}`,
    status: "accepted" as const,
  })),
}));
const options = { seed: 3, pack: DEFAULT_TEMPLATE_PACK, rawRatio: 0.2 };

function writeParquet(
  format: ExportFormat,
  group?: { chars: number; rows: number },
): { file: ArrayBuffer; rows: Record<string, unknown>[] } {
  const columns = PARQUET_COLUMNS[format] ?? [];
  const pieces: Uint8Array[] = [];
  const sink = parquetSink(columns, (bytes) => pieces.push(bytes), group);
  const rows: Record<string, unknown>[] = [];
  for (const line of exportLines(toCollections(documents, "accepted"), format, options)) {
    sink.write(line);
    rows.push(JSON.parse(line) as Record<string, unknown>);
  }
  sink.close();
  const file = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    file.set(p, at);
    at += p.length;
  }
  return { file: file.buffer, rows };
}

describe("parquetSink", () => {
  for (const format of Object.keys(PARQUET_COLUMNS) as ExportFormat[]) {
    it(`writes the ${format} JSONL rows as Parquet, read back equal`, async () => {
      const { file, rows } = writeParquet(format);
      expect(rows.length).toBeGreaterThan(0);
      expect(await parquetReadObjects({ file })).toEqual(rows);
    });
  }

  it("cuts row groups by size and still reads back every row in order", async () => {
    const { file, rows } = writeParquet("alpaca", { chars: 2_000, rows: 1_000 });
    const meta = parquetMetadata(file);
    expect(meta.row_groups.length).toBeGreaterThan(3);
    expect(Number(meta.num_rows)).toBe(rows.length);
    expect(await parquetReadObjects({ file })).toEqual(rows);
    // Required UTF-8 columns, in record order.
    expect(meta.schema.slice(1).map((s) => [s.name, s.converted_type, s.repetition_type])).toEqual(
      ["instruction", "input", "output"].map((n) => [n, "UTF8", "REQUIRED"]),
    );
  });

  it("is deterministic: the same rows give the same bytes", () => {
    const a = new Uint8Array(writeParquet("pretraining").file);
    const b = new Uint8Array(writeParquet("pretraining").file);
    expect(a).toEqual(b);
  });

  it("refuses a record without the column", () => {
    const sink = parquetSink(["text"], () => undefined);
    expect(() => sink.write('{"messages":[]}\n')).toThrow(TypeError);
  });
});

describe("a bundle with Parquet copies", () => {
  const provenance: Provenance = {
    model: "m",
    engine: "e",
    settings: { maxModelLen: 1, maxNewTokens: 1, temperature: 0, rounds: 1, budget: "words" },
    seed: 1,
    templatePack: { name: "p", version: 1 },
    appVersion: "0",
    counts: { documents: 1, pairs: 1, accepted: 1, rejected: 0, pending: 0 },
  };
  const card = hubCardFiles({ prettyName: "x", license: "mit", language: "en", provenance }, [
    hubFileRecord("pretraining", 5, true),
    hubFileRecord("messages", 7),
  ]);

  it("points every config at the JSONL, and lists the Parquet beside it", () => {
    const readme = card["README.md"];
    const front = readme.slice(0, readme.indexOf("\n---\n", 4));
    expect(front).toContain("    path: data/pretrain.jsonl");
    expect(front).toContain("    path: data/messages.jsonl");
    expect(front).not.toContain(".parquet");
    expect(readme).toContain("| `pretrain` | `data/pretrain.jsonl`, `data/pretrain.parquet` | 5 |");
    expect(readme).toContain("| `messages` | `data/messages.jsonl` | 7 |");
    const files = (JSON.parse(card["provenance.json"]) as { files: unknown[] }).files;
    expect(files).toEqual([
      {
        config: "pretrain",
        path: "data/pretrain.jsonl",
        parquet: "data/pretrain.parquet",
        format: "pretraining",
        records: 5,
      },
      { config: "messages", path: "data/messages.jsonl", format: "messages", records: 7 },
    ]);
  });
});
