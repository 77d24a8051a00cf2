import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runIpt } from "./cli-harness";

const fixture = new URL("../core/testdata/parse-cases.jsonl", import.meta.url);
const cases = readFileSync(fixture, "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as { raw: string; pairs: unknown; pairsWithoutDedupe: unknown });

describe("ipt parse (built CLI)", () => {
  it("reproduces every reference case in --jsonl mode, with and without dedupe", async () => {
    const input = cases.map((c) => JSON.stringify({ raw: c.raw })).join("\n") + "\n";
    const dedup = await runIpt(["parse", "--jsonl"], input);
    expect(dedup.code).toBe(0);
    expect(
      dedup.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(cases.map((c) => c.pairs));
    const all = await runIpt(["parse", "--jsonl", "--no-dedupe"], input);
    expect(
      all.stdout
        .trimEnd()
        .split("\n")
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(cases.map((c) => c.pairsWithoutDedupe));
  });

  it("parses plain stdin into one JSON array", async () => {
    const first = cases[0];
    if (!first) throw new Error("no cases");
    const r = await runIpt(["parse"], first.raw);
    expect(JSON.parse(r.stdout)).toEqual(first.pairs);
  });

  it("reports a bad --jsonl line with its number and exits 2", async () => {
    const r = await runIpt(["parse", "--jsonl"], '{"raw":"x"}\n{"raw": 5}\n');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("line 2");
  });

  it("rejects unknown flags with a one-line reason", async () => {
    const r = await runIpt(["parse", "--frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--frobnicate");
  });
});
