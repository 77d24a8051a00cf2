import { describe, expect, it } from "vitest";
import { SseParser } from "./sse";

/** Feeds `pieces` one by one, then ends, collecting every event's data. */
function parseAll(pieces: string[]): string[] {
  const parser = new SseParser();
  const out = pieces.flatMap((p) => parser.push(p));
  return [...out, ...parser.end()];
}

describe("SseParser", () => {
  it("yields the data of each event", () => {
    expect(parseAll(['data: {"a":1}\n\ndata: [DONE]\n\n'])).toEqual(['{"a":1}', "[DONE]"]);
  });

  it("reassembles lines split across chunks, including a split \\r\\n", () => {
    const text = 'data: {"text":"hello"}\r\n\r\ndata: {"text":"world"}\r\n\r\n';
    const everySplit = Array.from(text, (c) => c);
    expect(parseAll(everySplit)).toEqual(['{"text":"hello"}', '{"text":"world"}']);
    expect(parseAll([text.slice(0, 23), text.slice(23)])).toEqual([
      '{"text":"hello"}',
      '{"text":"world"}',
    ]);
  });

  it("accepts lone \\r line endings", () => {
    expect(parseAll(["data: a\r\rdata: b\r\r"])).toEqual(["a", "b"]);
  });

  it("ignores comments and other fields, and joins multi-line data with \\n", () => {
    const text = ": keep-alive\nevent: message\nid: 3\ndata: one\ndata:two\nretry: 5\n\n";
    expect(parseAll([text])).toEqual(["one\ntwo"]);
  });

  it("skips events without data", () => {
    expect(parseAll([": ping\n\nevent: x\n\n\n\ndata: y\n\n"])).toEqual(["y"]);
  });

  it("delivers a final event whose blank line never came", () => {
    expect(parseAll(["data: [DONE]\n"])).toEqual(["[DONE]"]);
  });

  it("drops an unterminated last line, which a broken connection cut off", () => {
    expect(parseAll(['data: {"a":1}\n\ndata: {"te'])).toEqual(['{"a":1}']);
  });

  it("keeps only the first space after the colon", () => {
    expect(parseAll(["data:  two spaces\n\n"])).toEqual([" two spaces"]);
  });
});
