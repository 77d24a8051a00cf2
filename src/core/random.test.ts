import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "./random";

const draw = (seed: number, n: number): number[] => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe("createRng", () => {
  it("is deterministic per seed and differs between neighbouring seeds", () => {
    expect(draw(42, 20)).toEqual(draw(42, 20));
    expect(draw(42, 20)).not.toEqual(draw(43, 20));
    expect(draw(0, 5)).not.toEqual(draw(2 ** 32, 5));
  });

  it("stays in [0, 1) and is roughly uniform", () => {
    const values = draw(7, 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]! += 1;
    for (const b of buckets) expect(Math.abs(b - 2000)).toBeLessThan(200);
  });

  it("rejects seeds and bounds it cannot honour", () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    const rng = createRng(1);
    expect(() => rng.int(0)).toThrow(RangeError);
    expect(() => rng.int(2.5)).toThrow(RangeError);
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(() => rng.weighted([0, 0])).toThrow(RangeError);
    expect(() => rng.weighted([1, -1])).toThrow(RangeError);
  });

  it("int, pick and weighted respect their ranges", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, n) => {
        const rng = createRng(seed);
        const k = rng.int(n);
        expect(Number.isInteger(k) && k >= 0 && k < n).toBe(true);
        expect(["a", "b", "c"]).toContain(rng.pick(["a", "b", "c"]));
        expect(rng.weighted([0, 3, 0, 1, 0])).toSatisfy((i: number) => i === 1 || i === 3);
      }),
    );
  });

  it("weighted follows the weights", () => {
    const rng = createRng(99);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[rng.weighted([1, 2, 7])]! += 1;
    expect(counts[0]! / 30_000).toBeCloseTo(0.1, 1);
    expect(counts[1]! / 30_000).toBeCloseTo(0.2, 1);
    expect(counts[2]! / 30_000).toBeCloseTo(0.7, 1);
  });

  it("shuffle returns a permutation and leaves the input alone", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(fc.integer(), { maxLength: 30 }), (seed, items) => {
        const before = items.slice();
        const shuffled = createRng(seed).shuffle(items);
        expect(items).toEqual(before);
        expect(shuffled).not.toBe(items);
        expect(shuffled.slice().sort((a, b) => a - b)).toEqual(before.sort((a, b) => a - b));
      }),
    );
  });

  it("shuffle reaches every order of three items about equally", () => {
    const rng = createRng(5);
    const counts = new Map<string, number>();
    for (let i = 0; i < 12_000; i++) {
      const key = rng.shuffle(["a", "b", "c"]).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 2000)).toBeLessThan(200);
  });
});
