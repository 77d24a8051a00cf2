import { describe, expect, it } from "vitest";
import { Batcher } from "./batcher";
import { DelimitedTable, guessDelimiter, guessNewline } from "./delimited";
import { ingestedDocument } from "./documents";
import { formatBytes, formatDuration, remainingMs } from "../progress";

describe("Batcher", () => {
  it("cuts at the item count or the character budget, whichever comes first", () => {
    const b = new Batcher<number>({ maxItems: 3, maxChars: 100 });
    expect([b.add(1, 10), b.add(2, 10), b.add(3, 10)]).toEqual([null, null, [1, 2, 3]]);
    expect(b.add(4, 150)).toEqual([4]);
    expect(b.add(5, 1)).toBeNull();
    expect(b.pending).toBe(1);
    expect(b.flush()).toEqual([5]);
    expect(b.flush()).toBeNull();
  });
});

describe("delimited", () => {
  it("guesses the line break and the delimiter outside quotes", () => {
    expect(guessNewline('a,"x\ny"\r\nb')).toBe("\r\n");
    expect(guessNewline("a\rb")).toBe("\r");
    expect(guessNewline("a")).toBe("\n");
    expect(guessDelimiter('text;"a,b,c";n\n1,2,3,4')).toBe(";");
    expect(guessDelimiter("a\tb\tc")).toBe("\t");
    expect(guessDelimiter("text")).toBe(",");
  });
});

describe("ingestedDocument", () => {
  it("hashes and chunks the text, keeping offsets only", () => {
    const doc = ingestedDocument(
      { file: 2, title: " ", text: "One. Two.", source: { kind: "file", name: "a.txt" } },
      { maxModelLen: 4096, maxNewTokens: 400, budget: "words" },
    );
    expect(doc).toMatchObject({ file: 2, title: "Untitled document", budgetMode: "words" });
    expect(doc?.chunks).toEqual([{ start: 0, end: 9, tokens: expect.any(Number) as number }]);
    expect(doc?.contentHash).toMatch(/^[0-9a-f]{14}$/);
  });
});

describe("progress", () => {
  it("formats sizes and durations", () => {
    expect([formatBytes(12), formatBytes(2048), formatBytes(5.5 * 1024 * 1024)]).toEqual([
      "12 B",
      "2 KB",
      "5.5 MB",
    ]);
    expect([formatDuration(400), formatDuration(61_000), formatDuration(3_700_000)]).toEqual([
      "1 s",
      "1 min 1 s",
      "1 h 1 min",
    ]);
  });

  it("estimates the time left only with enough to go on", () => {
    expect(remainingMs(50, 100, 10_000)).toBe(10_000);
    expect(remainingMs(50, 100, 500)).toBeNull();
    expect(remainingMs(0, 100, 5000)).toBeNull();
  });
});

describe("DelimitedTable", () => {
  it("takes the first non-blank row as the header and numbers rows like a spreadsheet", () => {
    const table = new DelimitedTable("t.csv", null);
    const rows = [...table.records([[""], ["id", "text"], ["1", "a"], [""], ["3", "c"]])];
    expect(rows.map((r) => [r.n, r.record.text, r.field])).toEqual([
      [3, "a", "text"],
      [5, "c", "text"],
    ]);
    expect([table.hasHeader, table.row]).toEqual([true, 5]);
  });

  it("refuses a missing column, chosen or default", () => {
    expect(() => [...new DelimitedTable("t.csv", "body").records([["text"]])]).toThrow(
      't.csv has no column "body".',
    );
    expect(() => [...new DelimitedTable("t.csv", null).records([["a", "b"]])]).toThrow(
      't.csv has no column "text".',
    );
  });
});
