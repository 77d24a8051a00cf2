import { describe, expect, it } from "vitest";
import { FileProblem } from "./reasons";
import {
  defaultField,
  findRecords,
  headerNames,
  jsonlSample,
  parseJsonRecords,
  pickText,
  recordKeys,
  recordText,
  rowRecord,
  sampleSummary,
  tableSample,
} from "./records";

describe("records", () => {
  it("lists text fields first, then the others", () => {
    expect(
      recordKeys([{ id: 1, body: "x" }, { body: "y", title: "t", n: 2 }, "bare", null]),
    ).toEqual(["body", "title", "id", "n"]);
  });

  it("defaults to text, any case, and asks otherwise", () => {
    expect(defaultField(["title", "text"])).toBe("text");
    expect(defaultField(["Text"])).toBe("Text");
    expect(defaultField(["body"])).toBeNull();
  });

  it("picks the text and a title, and says what is wrong with a record", () => {
    expect(pickText({ text: "Hello", title: " Greeting " }, "text")).toEqual({
      ok: true,
      text: "Hello",
      title: "Greeting",
    });
    expect(pickText("a bare string", "text")).toEqual({
      ok: true,
      text: "a bare string",
      title: null,
    });
    expect(pickText({ body: "x" }, "text")).toEqual({ ok: false, problem: 'missing field "text"' });
    expect(pickText({ text: 3 }, "text")).toEqual({
      ok: false,
      problem: 'field "text" is not text',
    });
    expect(pickText({ text: "  " }, "text")).toEqual({ ok: false, problem: 'empty field "text"' });
    expect(pickText([1], "text")).toEqual({ ok: false, problem: "not an object" });
    expect(pickText({ title: "T" }, "title")).toEqual({ ok: true, text: "T", title: null });
  });

  it("finds the records of a JSON file: an array, or the object's array of objects", () => {
    expect(findRecords([{ text: "a" }])).toEqual({ records: [{ text: "a" }], key: null });
    expect(findRecords({ meta: [1, 2], data: [{ text: "a" }] })).toEqual({
      records: [{ text: "a" }],
      key: "data",
    });
    expect(findRecords({ text: "a" })).toBeNull();
    expect(findRecords({ numbers: [1, 2] })).toBeNull();
    expect(findRecords("x")).toBeNull();
  });

  it("names CSV columns and maps rows to records", () => {
    const headers = headerNames([" text ", "", "text", "note"]);
    expect(headers).toEqual(["text", "column 2", "text (2)", "note"]);
    expect(rowRecord(headers, ["a", "b"])).toEqual({ text: "a", "column 2": "b" });
  });
});

describe("record files", () => {
  it("titles a record by its title field or its place, and reports what is wrong", () => {
    const issues: unknown[] = [];
    const at = { unit: "line" as const, n: 7 };
    expect(recordText({ text: "a\r\nb" }, "text", at, "data", (i) => issues.push(i))).toEqual({
      text: "a\nb",
      title: "data #7",
      at,
    });
    expect(recordText({ body: "x" }, "text", at, "data", (i) => issues.push(i))).toBeNull();
    expect(issues).toEqual([{ unit: "line", n: 7, problem: 'missing field "text"' }]);
  });

  it("reads JSON records, and refuses what is not JSON or holds no records", () => {
    expect(parseJsonRecords('{"rows":[{"text":"a"}]}', "f.json")).toEqual([{ text: "a" }]);
    expect(() => parseJsonRecords("{nope", "f.json")).toThrow(FileProblem);
    expect(() => parseJsonRecords('{"a":1}', "f.json")).toThrow("f.json holds no list of records");
  });

  it("samples the first records of a JSONL head and a table", () => {
    expect(jsonlSample('{"text":"a"}\n{bad\n\n{"text":"b"}\n{"te')).toEqual([
      { text: "a" },
      { text: "b" },
    ]);
    expect(
      tableSample(
        [
          ["text", "n"],
          ["", ""],
          ["a", "1"],
        ],
        "t.csv",
      ),
    ).toEqual([{ text: "a", n: "1" }]);
    expect(tableSample([["only", "header"]], "t.csv")).toEqual([{ only: "", header: "" }]);
    expect(() => tableSample([], "t.csv")).toThrow("t.csv has no header row");
  });

  it("summarizes a sample for the import dialog", () => {
    const long = "word ".repeat(40);
    expect(sampleSummary([{ id: 1, body: long }, "bare"])).toEqual({
      keys: ["body", "id"],
      defaultField: null,
      samples: [{ body: `${long.trim().slice(0, 79)}…` }, { text: "bare" }],
    });
  });
});
