import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Entry } from "../collection";
import { pyStrip } from "../strip";
import { parseSubformats } from "../subformats";
import type { Pair } from "../types";
import { cookCollectionDetailed, cookCollections } from "./cook";
import { DEFAULT_TEMPLATE_PACK as PACK } from "./default-pack";

const COT = "\nLet's think step by step.";
const FINAL = "\nTherefore, the answer is ";

const text = fc.oneof(fc.string(), fc.constantFrom("", "  \n", "\u0085"), fc.lorem());
const plain = fc.record({ question: text, answer: text });
const options = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant("")), {
  minLength: 1,
  maxLength: 30,
});
const multipleChoice = fc
  .tuple(text, options, fc.nat(), fc.constantFrom("pick", "other", "none"))
  .map(([stem, opts, i, how]): Pair => ({
    question: `${stem}\nOptions:\n- ${opts.join("\n- ")}`,
    answer:
      how === "pick" ? (opts[i % opts.length] ?? "") : how === "none" ? "None of these." : stem,
  }));
const chainOfThought = fc
  .tuple(text, text, text, fc.integer({ min: 0, max: 2 }), fc.boolean())
  .map(([q, rationale, final, markers, withOptions]): Pair => ({
    question: `${q}${withOptions ? "\nOptions:\n- a\n- b" : ""}${COT}`,
    answer: rationale + FINAL.repeat(markers) + final,
  }));
const pair = fc.oneof(plain, multipleChoice, chainOfThought);
const entry = fc.record({
  text,
  pairs: fc.array(pair, { maxLength: 5 }),
  inheritsFromPrevious: fc.boolean(),
  followedByNext: fc.boolean(),
});
const collection = fc.array(entry, { maxLength: 6 });
const seed = fc.integer({ min: -(2 ** 40), max: 2 ** 40 });

/** True when `parts` occur in `haystack` in this order. */
function inOrder(haystack: string, parts: string[]): boolean {
  let from = 0;
  for (const part of parts) {
    const at = haystack.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

describe("cooking properties", () => {
  it("never throws and never emits a blank text", () => {
    fc.assert(
      fc.property(fc.array(collection, { maxLength: 4 }), seed, (collections, s) => {
        for (const t of cookCollections(collections, PACK, s)) expect(pyStrip(t)).not.toBe("");
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(collection, seed, (c, s) => {
        expect(cookCollectionDetailed(c, PACK, s)).toEqual(cookCollectionDetailed(c, PACK, s));
      }),
    );
  });

  it("keeps plain pairs verbatim, texts in order, and raw entries alone", () => {
    fc.assert(
      fc.property(collection, seed, (c: Entry[], s) => {
        const used = new Set<number>();
        for (const cooked of cookCollectionDetailed(c, PACK, s)) {
          for (const i of cooked.entries) {
            expect(used.has(i)).toBe(false);
            used.add(i);
          }
          if (cooked.kind === "raw") {
            expect(cooked.text).toBe(c[cooked.entries[0]!]!.text);
            continue;
          }
          const texts = cooked.entries.map((i) => c[i]!.text).filter((t) => pyStrip(t) !== "");
          expect(inOrder(cooked.text, texts)).toBe(true);
          for (const i of cooked.entries) {
            for (const p of c[i]!.pairs) {
              if (parseSubformats(p).kind !== "plain") continue;
              expect(cooked.text).toContain(p.question);
              expect(cooked.text).toContain(p.answer);
            }
          }
        }
        // Every entry with a non-blank text or a non-blank plain pair is accounted for.
        c.forEach((e, i) => {
          const plainPairs = e.pairs.some(
            (p) =>
              parseSubformats(p).kind === "plain" &&
              (pyStrip(p.question) !== "" || pyStrip(p.answer) !== ""),
          );
          if (plainPairs || pyStrip(e.text) !== "") expect(used.has(i)).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
});
