import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LineSplitter, jsonlValue, type Line } from "./lines";

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Feeds `input` to a splitter cut at `cuts` and returns each line as text (or "<long>"). */
function split(input: Uint8Array, cuts: number[], max = 1 << 20): [number, string][] {
  const s = new LineSplitter(max);
  const lines: Line[] = [];
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    lines.push(...s.push(input.slice(at, Math.max(at, c))));
    at = Math.max(at, c);
  }
  lines.push(...s.push(input.slice(at)), ...s.end());
  return lines.map((l) => [l.n, "bytes" in l ? dec.decode(l.bytes) : "<long>"]);
}

describe("LineSplitter", () => {
  it("numbers lines from 1, drops CR before LF and keeps a last line without newline", () => {
    expect(split(enc.encode('{"a":1}\r\n\n{"b":2}'), [3, 8])).toEqual([
      [1, '{"a":1}'],
      [2, ""],
      [3, '{"b":2}'],
    ]);
    expect(split(enc.encode("x\n"), [])).toEqual([[1, "x"]]);
    expect(split(enc.encode(""), [])).toEqual([]);
  });

  it("drops an over-long line's bytes but keeps counting lines", () => {
    expect(split(enc.encode(`ok\n${"y".repeat(50)}\nafter`), [5, 20, 40], 10)).toEqual([
      [1, "ok"],
      [2, "<long>"],
      [3, "after"],
    ]);
    expect(split(enc.encode(`${"y".repeat(50)}`), [7], 10)).toEqual([[1, "<long>"]]);
  });

  it("gives the same lines however the bytes are cut, multi-byte characters included", () => {
    const line = fc
      .string({ unit: "grapheme", maxLength: 12 })
      .map((s) => s.replace(/[\r\n]/g, ""));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 10 }),
        fc.constantFrom("\n", "\r\n"),
        fc.array(fc.nat(200), { maxLength: 6 }),
        (lines, eol, cuts) => {
          const input = enc.encode(lines.map((l) => l + eol).join(""));
          expect(split(input, cuts).map(([, t]) => t)).toEqual(lines);
        },
      ),
    );
  });
});

describe("jsonlValue", () => {
  it("parses a line, skips a blank one, and numbers each problem", () => {
    const issues: unknown[] = [];
    const decode = (b: Uint8Array) => {
      try {
        return new TextDecoder("utf-8", { fatal: true }).decode(b);
      } catch {
        return null;
      }
    };
    const line = (n: number, s: string | number[]) => ({
      n,
      bytes: typeof s === "string" ? enc.encode(s) : new Uint8Array(s),
    });
    const onIssue = (i: unknown) => issues.push(i);
    expect(jsonlValue(line(1, '{"text":"a"}'), decode, onIssue)).toEqual({ value: { text: "a" } });
    expect(jsonlValue(line(2, " \t\r"), decode, onIssue)).toBeNull();
    expect(jsonlValue(line(3, "{bad"), decode, onIssue)).toBeNull();
    expect(jsonlValue(line(4, [0x22, 0xe9, 0x22]), decode, onIssue)).toBeNull();
    expect(jsonlValue({ n: 5, tooLong: true }, decode, onIssue)).toBeNull();
    expect(issues).toEqual([
      { unit: "line", n: 3, problem: "bad JSON" },
      { unit: "line", n: 4, problem: "invalid UTF-8" },
      { unit: "line", n: 5, problem: "a line over the document size limit" },
    ]);
  });
});
