import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_PACK } from "./default-pack";
import json from "./default-pack.json";
import { fillTemplate, itemLabel } from "./fill";
import { validateTemplatePack } from "./validate-pack";

/** A deep copy of the default pack with one change applied, for error-path tests. */
function variant(change: (pack: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(json) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

const at = (o: unknown, key: string | number): Record<string, unknown> =>
  (o as Record<string | number, unknown>)[key] as Record<string, unknown>;

describe("default template pack", () => {
  it("validates and has the required breadth", () => {
    const result = validateTemplatePack(json);
    expect(result.ok).toBe(true);
    const pack = DEFAULT_TEMPLATE_PACK;
    expect(pack.version).toBe(1);
    expect(pack.name).not.toBe("");
    expect(pack.qa.length).toBeGreaterThanOrEqual(40);
    expect(pack.optionStyles.map((s) => s.labels)).toEqual(
      expect.arrayContaining(["upper", "lower", "number", "lowerRoman", "none"]),
    );
    expect(pack.textWrappers).toContainEqual({ before: "", after: "" });
    expect(pack.dialog.speakers.length).toBeGreaterThan(3);
  });
  it("has no duplicate Q/A patterns", () => {
    const keys = DEFAULT_TEMPLATE_PACK.qa.map((q) => JSON.stringify(q));
    expect(new Set(keys).size).toBe(keys.length);
  });
  it("round-trips: validating the validated pack gives it back", () => {
    expect(validateTemplatePack(DEFAULT_TEMPLATE_PACK)).toEqual({
      ok: true,
      pack: DEFAULT_TEMPLATE_PACK,
    });
  });
});

describe("validateTemplatePack errors name the exact path", () => {
  const cases: Array<[string, unknown, string, RegExp]> = [
    ["not an object", [], "", /JSON object/],
    ["missing version", variant((p) => delete p.version), "version", /missing/],
    ["future version", variant((p) => (p.version = 2)), "version", /must be 1/],
    [
      "wrong type",
      variant((p) => (at(at(p, "qa"), 12).answerPrefix = 3)),
      "qa[12].answerPrefix",
      /string/,
    ],
    [
      "unknown field",
      variant((p) => (at(at(p, "qa"), 0).answerPrefx = "A: ")),
      "qa[0].answerPrefx",
      /unknown/,
    ],
    ["missing list", variant((p) => delete p.inversionPhrases), "inversionPhrases", /missing/],
    ["empty list", variant((p) => (p.entrySeparators = [])), "entrySeparators", /empty/],
    [
      "run-on answers",
      variant((p) => Object.assign(at(at(p, "qa"), 3), { delimiter: "", answerPrefix: "" })),
      "qa[3].delimiter",
      /run on/,
    ],
    [
      "placeholder in literal text",
      variant((p) => (at(at(p, "qa"), 1).questionPrefix = "Q: {question}")),
      "qa[1].questionPrefix",
      /literal/,
    ],
    [
      "missing placeholder",
      variant((p) => (at(at(p, "chainOfThought"), 2).answer = "{answer}")),
      "chainOfThought[2].answer",
      /\{rationale\}/,
    ],
    [
      "unknown placeholder",
      variant((p) => (at(at(p, "multipleChoice"), 0).question = "{stem}{options}{choices}")),
      "multipleChoice[0].question",
      /unknown placeholder \{choices\}/,
    ],
    [
      "labelled style without a name",
      variant((p) => delete at(at(p, "optionStyles"), 0).name),
      "optionStyles[0].name",
      /missing/,
    ],
    [
      "bad label kind",
      variant((p) => (at(at(p, "numbering"), 1).labels = "greek")),
      "numbering[1].labels",
      /one of/,
    ],
    [
      "same speakers",
      variant((p) => (at(at(at(p, "dialog"), "speakers"), 0).answerer = "Student")),
      "dialog.speakers[0].answerer",
      /differ/,
    ],
    [
      "empty none wording",
      variant((p) => (at(p, "noneOfTheAbove").wordings = ["ok", ""])),
      "noneOfTheAbove.wordings[1]",
      /empty/,
    ],
  ];
  it.each(cases)("%s", (_name, input, path, message) => {
    const result = validateTemplatePack(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.path).toBe(path);
    expect(result.message).toMatch(message);
  });
});

describe("template helpers", () => {
  it("fills placeholders in one pass and leaves unknown ones", () => {
    expect(fillTemplate("{a}-{b}-{c}", { a: "{b}", b: "2" })).toBe("{b}-2-{c}");
    expect(fillTemplate("{constructor}", {})).toBe("{constructor}");
  });
  it("labels items", () => {
    expect([0, 1, 25].map((i) => itemLabel("upper", i))).toEqual(["A", "B", "Z"]);
    expect([0, 3, 8, 13].map((i) => itemLabel("lowerRoman", i))).toEqual(["i", "iv", "ix", "xiv"]);
    expect(itemLabel("upperRoman", 1993)).toBe("MCMXCIV");
    expect(itemLabel("number", 9)).toBe("10");
  });
});
