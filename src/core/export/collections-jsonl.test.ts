import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collectionsLine,
  parseCollectionsJsonl,
  parseCollectionsLine,
  type InterchangeCollection,
} from "./collections-jsonl";

const sample: InterchangeCollection = [
  {
    text: "T1",
    pairs: [{ question: "q", answer: "a" }],
    inheritsFromPrevious: false,
    followedByNext: true,
  },
  {
    text: "T2\n",
    pairs: [],
    inheritsFromPrevious: true,
    followedByNext: false,
    meta: { id: "doc-2", n: [1, 2] },
  },
];

describe("collections JSONL", () => {
  it("writes one line in the documented shape", () => {
    const line = collectionsLine(sample);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toEqual({ entries: sample });
  });

  it("round-trips any collection", () => {
    const text = fc.string();
    const entry = fc.record(
      {
        text,
        pairs: fc.array(fc.record({ question: text, answer: text }), { maxLength: 4 }),
        inheritsFromPrevious: fc.boolean(),
        followedByNext: fc.boolean(),
        meta: fc.dictionary(fc.string(), fc.jsonValue()),
      },
      { requiredKeys: ["text", "pairs", "inheritsFromPrevious", "followedByNext"] },
    );
    fc.assert(
      fc.property(fc.array(fc.array(entry, { maxLength: 5 }), { maxLength: 4 }), (collections) => {
        const jsonl = collections.map((c) => `${collectionsLine(c)}\n`).join("");
        const back = parseCollectionsJsonl(jsonl);
        // JSON has no -0; compare through JSON so meta values compare as written.
        expect(JSON.stringify(back)).toBe(JSON.stringify({ ok: true, value: collections }));
      }),
    );
  });

  it("reads a missing followedByNext as false and skips blank lines", () => {
    const line = '{"entries":[{"text":"t","pairs":[],"inheritsFromPrevious":false}]}';
    expect(parseCollectionsJsonl(`\n${line}\r\n\n`)).toEqual({
      ok: true,
      value: [[{ text: "t", pairs: [], inheritsFromPrevious: false, followedByNext: false }]],
    });
  });

  it.each([
    ["{", /^line 7: is not valid JSON/],
    ["", /^line 7: is empty/],
    ["[]", /^line 7: must be an object \{"entries"/],
    ['{"entries":{}}', /^line 7: "entries" must be an array$/],
    ['{"entries":[],"extra":1}', /^line 7: the line has an unknown field "extra"/],
    ['{"entries":[1]}', /^line 7: entries\[0\] must be an object$/],
    [
      '{"entries":[{"text":1,"pairs":[],"inheritsFromPrevious":false}]}',
      /entries\[0\]\.text must be a string/,
    ],
    [
      '{"entries":[{"text":"","pairs":null,"inheritsFromPrevious":false}]}',
      /entries\[0\]\.pairs must be an array/,
    ],
    [
      '{"entries":[{"text":"","pairs":[{"question":"q","answer":2}],"inheritsFromPrevious":false}]}',
      /^line 7: entries\[0\]\.pairs\[0\]\.answer must be a string$/,
    ],
    [
      '{"entries":[{"text":"","pairs":[]}]}',
      /entries\[0\]\.inheritsFromPrevious must be true or false/,
    ],
    [
      '{"entries":[{"text":"","pairs":[],"inheritsFromPrevious":false,"followed_by_next":true}]}',
      /unknown field "followed_by_next" \(put extra data in "meta"\)/,
    ],
    [
      '{"entries":[{"text":"","pairs":[],"inheritsFromPrevious":false,"meta":[]}]}',
      /meta must be an object/,
    ],
  ])("explains %s", (line, message) => {
    const result = parseCollectionsLine(line, 7);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.lineNumber).toBe(7);
      expect(result.error).toMatch(message);
    }
  });

  it("reports the first bad line of a file", () => {
    const good = collectionsLine(sample);
    const result = parseCollectionsJsonl(`${good}\n\n${good}\n{"entries":3}\n`);
    expect(result).toEqual({
      ok: false,
      lineNumber: 4,
      error: 'line 4: "entries" must be an array',
    });
  });
});
