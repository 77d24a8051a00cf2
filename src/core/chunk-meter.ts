/**
 * How the chunker measures spans of one text. A chunk's cost is estimated additively, as
 * `base + units + gaps between them`, so that growing a chunk costs one addition instead of
 * re-measuring the whole chunk (which would make chunking quadratic).
 */
import type { TokenCounter } from "./budget";
import { readBlock } from "./tags";

export interface ChunkMeter {
  /** What `readBlock` wrapping adds to any chunk. */
  base: number;
  /** The cost of the unit `text[start, end)`. */
  unit(start: number, end: number): number;
  /** The cost of the whitespace `text[start, end)` between two units of one chunk. */
  gap(start: number, end: number): number;
  /** The exact cost of the prompt `readBlock(text.slice(start, end))`. */
  prompt(start: number, end: number): number;
  /** True when `base + units + gaps` always equals `prompt`; otherwise chunks are verified. */
  exact: boolean;
}

function countSpaces(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = text.indexOf(" ", start); i !== -1 && i < end; i = text.indexOf(" ", i + 1)) n++;
  return n;
}

/**
 * The reference's estimate, `parts of split(" ") × 1.5`, made additive. `readBlock(c)` splits
 * into `spaces(c) + 4` parts ("<s>", "<CON>", the parts of c, "</CON>\n\n"), so a chunk costs
 * `6 + 1.5 × spaces`, and spaces add up exactly over units and gaps. Halves are exact in
 * floating point, so the sums never drift.
 */
export function wordMeter(text: string): ChunkMeter {
  const spaces = (s: number, e: number) => countSpaces(text, s, e) * 1.5;
  return { base: 6, unit: spaces, gap: spaces, prompt: (s, e) => 6 + spaces(s, e), exact: true };
}

/**
 * Real tokens. Token counts are nearly but not exactly additive (merges across a boundary,
 * SentencePiece's leading "▁", a BOS the counter may add per call), so the estimate only guides
 * packing and each chunk is then counted exactly. A gap costs what joining two texts through it
 * adds, `count(P + gap + P) - 2 × count(P)`: 0 for a single space under SentencePiece and
 * byte-level BPE alike, and negative for a counter that adds BOS/EOS to every call, which
 * cancels the per-unit overcount. Gaps repeat ("\n\n", " "), so their costs are cached.
 */
/** A probe text of a few ordinary words; one letter would be dominated by rounding. */
export const PROBE = "the cell is the unit of life";

export function tokenMeter(text: string, counter: TokenCounter): ChunkMeter {
  const count = (s: string) => counter.countTokens(s);
  const one = count(PROBE);
  const base = Math.max(0, count(readBlock(PROBE)) - one);
  const gaps = new Map<string, number>();
  return {
    base,
    unit: (s, e) => count(text.slice(s, e)),
    gap: (s, e) => {
      const g = text.slice(s, e);
      let cost = gaps.get(g);
      if (cost === undefined) {
        cost = count(PROBE + g + PROBE) - 2 * one;
        // Long, unusual whitespace runs are rare; do not let them grow the cache unboundedly.
        if (g.length <= 64) gaps.set(g, cost);
      }
      return cost;
    },
    prompt: (s, e) => count(readBlock(text.slice(s, e))),
    exact: false,
  };
}
