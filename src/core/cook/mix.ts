import { createRng } from "../random";

/**
 * Whether collection `index` is kept as raw text instead of being cooked, for mixes that keep a
 * share of documents un-augmented (the paper's from-scratch mix keeps 4/5 raw). Decided by its
 * own seeded draw, separate from the cooking stream, so changing the ratio never reshuffles how
 * the other collections are cooked.
 */
export function keepsRaw(baseSeed: number, index: number, rawRatio: number): boolean {
  if (rawRatio <= 0) return false;
  if (rawRatio >= 1) return true;
  // A fixed offset gives a stream unrelated to cookCollection's seed (baseSeed + index).
  return createRng(baseSeed + index + 0x9e3779b1).next() < rawRatio;
}
