import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenOutputs, type GoldenProject } from "./golden.test-helpers";

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
