import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  goldenChainedOutputs,
  goldenOutputs,
  type GoldenChainedProject,
  type GoldenProject,
} from "./golden.test-helpers";

const dir = new URL("./testdata/", import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, dir), "utf8");
const project = JSON.parse(read("golden-project.json")) as GoldenProject;
const outputs = goldenOutputs(project);

/** Where two texts first differ, as a message a reader can act on without a diff tool. */
function diffHint(name: string, actual: string, expected: string): string {
  const a = actual.split("\n");
  const e = expected.split("\n");
  let line = 0;
  while (line < Math.max(a.length, e.length) && a[line] === e[line]) line++;
  const el = e[line] ?? "<end of file>";
  const al = a[line] ?? "<end of file>";
  let col = 0;
  while (col < el.length && el[col] === al[col]) col++;
  // A window around the first differing character: golden lines are long JSON.
  const around = (s: string): string => JSON.stringify(s.slice(Math.max(0, col - 60), col + 60));
  return [
    `testdata/${name} no longer matches what the code produces ` +
      `(first difference: line ${line + 1}, column ${col + 1}).`,
    `  expected: …${around(el)}…`,
    `  actual:   …${around(al)}…`,
    "If the change is intended (a new template, a format change), regenerate the file from",
    "goldenOutputs() in golden.test-helpers.ts with a one-off script and review its diff.",
    "Otherwise an export changed by accident: users' exported datasets would change too.",
  ].join("\n");
}

describe("golden exports (seed 12345, default pack)", () => {
  for (const [name, actual] of Object.entries(outputs)) {
    it(`reproduces ${name} byte for byte`, () => {
      const expected = read(name);
      expect(actual === expected, diffHint(name, actual, expected)).toBe(true);
    });
  }

  it("has a checked-in file for every output and no stale ones", () => {
    const onDisk = readdirSync(dir).filter((f) => f.startsWith("golden."));
    expect(onDisk.sort()).toEqual(Object.keys(outputs).sort());
  });

  it("covers what the fixture promises", () => {
    const statuses = project.documents.map((d) => d.pairs.map((p) => p.status));
    expect(project.documents).toHaveLength(3);
    expect(statuses.some((s) => !s.includes("accepted"))).toBe(true);
    const pairs = project.documents.flatMap((d) => d.pairs);
    expect(pairs.some((p) => p.question.includes("\nOptions:\n- "))).toBe(true);
    expect(pairs.some((p) => p.question.endsWith("\nLet's think step by step."))).toBe(true);
    // The multiple-choice and chain-of-thought pairs survive cooking (not dropped).
    const cooked = outputs["golden.pretraining.jsonl"] ?? "";
    expect(cooked).toContain("Carbon dioxide");
    expect(cooked).toContain("36 meters");
  });
});

describe("golden exports of a chained two-round project (seed 2024)", () => {
  const chained = JSON.parse(read("golden-chained-project.json")) as GoldenChainedProject;
  const chainedOutputs = goldenChainedOutputs(chained);

  for (const [name, actual] of Object.entries(chainedOutputs)) {
    it(`reproduces ${name} byte for byte`, () => {
      const expected = read(name);
      expect(actual === expected, diffHint(name, actual, expected)).toBe(true);
    });
  }

  it("has a checked-in file for every output and no stale ones", () => {
    const onDisk = readdirSync(dir).filter((f) => f.startsWith("golden-chained."));
    expect(onDisk.sort()).toEqual(Object.keys(chainedOutputs).sort());
  });

  it("cooks each chain as one text holding both of its entries", () => {
    const texts = (chainedOutputs["golden-chained.pretraining.jsonl"] ?? "")
      .trimEnd()
      .split("\n")
      .map((l) => (JSON.parse(l) as { text: string }).text);
    expect(texts).toHaveLength(2);
    const [first, second] = texts;
    expect(first).toContain("Volcanoes form where molten rock");
    expect(first).toContain("Reefs shelter about a quarter");
    expect(second).toContain("Coral reefs grow in warm");
    expect(second).toContain("A lighthouse keeper");
    // The non-rejected filter: the rejected pair is left out, the pending ones travel.
    expect(first).not.toContain("Do reefs like cold water?");
    expect(first).toContain("What comes out in an eruption?");
  });

  it("writes the chain's links and each chunk's index into the collections JSONL", () => {
    const lines = (chainedOutputs["golden-chained.collections.jsonl"] ?? "").trimEnd().split("\n");
    const entries = lines.map(
      (l) =>
        (
          JSON.parse(l) as {
            entries: { inheritsFromPrevious: boolean; meta: { chunk?: number } }[];
          }
        ).entries,
    );
    expect(entries.map((c) => c.map((e) => e.inheritsFromPrevious))).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(entries.map((c) => c.map((e) => e.meta.chunk))).toEqual([
      [undefined, 1],
      [0, undefined],
    ]);
  });
});
