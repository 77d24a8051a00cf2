import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSynthesizerOutput } from "./parse";
import {
  completeRound,
  planRound,
  roundSlices,
  runRounds,
  type Collection,
  type RoundOptions,
} from "./rounds";

interface Fixture {
  texts: string[];
  rounds: number;
  maxModelLen: number;
  maxNewTokens: number;
  budget: "words";
  calls: { prompt: string; output: string }[][];
  collections: Collection[];
}

const fixture = JSON.parse(
  readFileSync(new URL("./testdata/multiround-example.json", import.meta.url), "utf8"),
) as Fixture;
const fixtureOpts: RoundOptions = {
  maxModelLen: fixture.maxModelLen,
  maxNewTokens: fixture.maxNewTokens,
  budget: fixture.budget,
};
const REF = { maxModelLen: 4096, maxNewTokens: 400, budget: "words" } as const;

/** Deep-freezes a value so that any mutation by the code under test throws. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) frozen(v);
    Object.freeze(value);
  }
  return value;
}

describe("roundSlices", () => {
  it("uses B = ceil(N / M) and skips empty slices", () => {
    expect(roundSlices(8, 3)).toEqual([
      { round: 0, start: 0, end: 3 },
      { round: 1, start: 3, end: 6 },
      { round: 2, start: 6, end: 8 },
    ]);
    expect(roundSlices(4, 3)).toEqual([
      { round: 0, start: 0, end: 2 },
      { round: 1, start: 2, end: 4 },
    ]);
    expect(roundSlices(7, 3).map((s) => s.end - s.start)).toEqual([3, 3, 1]);
    expect(roundSlices(5, 1)).toEqual([{ round: 0, start: 0, end: 5 }]);
    expect(roundSlices(2, 5)).toEqual([
      { round: 0, start: 0, end: 1 },
      { round: 1, start: 1, end: 2 },
    ]);
    expect(roundSlices(0, 3)).toEqual([]);
  });
  it("rejects nonsense", () => {
    expect(() => roundSlices(3, 0)).toThrow(RangeError);
    expect(() => roundSlices(3, 1.5)).toThrow(RangeError);
    expect(() => roundSlices(-1, 2)).toThrow(RangeError);
  });
});

describe("the reference's worked example (multiround-example.json)", () => {
  it("reproduces every prompt byte for byte and the final collections", () => {
    const slices = roundSlices(fixture.texts.length, fixture.rounds);
    expect(slices.length).toBe(fixture.calls.length);
    let collections: Collection[] = [];
    for (const slice of slices) {
      const calls = fixture.calls[slice.round] ?? [];
      const planned = planRound(
        frozen(collections),
        fixture.texts.slice(slice.start, slice.end),
        fixtureOpts,
      );
      expect(planned.prompts).toEqual(calls.map((c) => c.prompt));
      collections = completeRound(
        planned,
        calls.map((c) => parseSynthesizerOutput(c.output, { dedupe: true })),
      );
    }
    expect(collections).toEqual(fixture.collections);
  });

  it("gives the same result through runRounds", async () => {
    const seen: number[] = [];
    const result = await runRounds(fixture.texts, fixture.rounds, fixtureOpts, (prompts, round) => {
      seen.push(round);
      const calls = fixture.calls[round] ?? [];
      expect(prompts).toEqual(calls.map((c) => c.prompt));
      return Promise.resolve(calls.map((c) => parseSynthesizerOutput(c.output)));
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(result).toEqual(fixture.collections);
  });

  it("reports how many demonstrations each prompt carries", () => {
    // Round 2 of the fixture: C_0 chains two entries, C_1's last entry has no pairs.
    let collections: Collection[] = [];
    const counts: number[][] = [];
    for (const slice of roundSlices(fixture.texts.length, fixture.rounds)) {
      const planned = planRound(collections, fixture.texts.slice(slice.start, slice.end), REF);
      counts.push(planned.demonstrations);
      const calls = fixture.calls[slice.round] ?? [];
      collections = completeRound(
        planned,
        calls.map((c) => parseSynthesizerOutput(c.output)),
      );
    }
    expect(counts).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, 0],
    ]);
  });
});
