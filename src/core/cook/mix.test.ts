import { describe, expect, it } from "vitest";
import { keepsRaw } from "./mix";

describe("keepsRaw", () => {
  it("is deterministic and close to the ratio", () => {
    const kept = Array.from({ length: 10_000 }, (_, j) => keepsRaw(12345, j, 0.8));
    expect(kept).toEqual(Array.from({ length: 10_000 }, (_, j) => keepsRaw(12345, j, 0.8)));
    const share = kept.filter(Boolean).length / kept.length;
    expect(share).toBeGreaterThan(0.785);
    expect(share).toBeLessThan(0.815);
  });
  it("keeps nothing at 0 and everything at 1", () => {
    expect(keepsRaw(1, 5, 0)).toBe(false);
    expect(keepsRaw(1, 5, 1)).toBe(true);
  });
});
