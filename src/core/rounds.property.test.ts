import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runRounds, type Entry } from "./rounds";
import { demo, readBlock } from "./tags";
import type { Pair } from "./types";

interface Case {
  texts: string[];
  rounds: number;
  maxModelLen: number;
  /** Pair counts, consumed in prompt order across rounds (wrapping). */
  counts: number[];
}

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 0, max: 24 }),
    rounds: fc.integer({ min: 1, max: 6 }),
    lengths: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 24, maxLength: 24 }),
    maxModelLen: fc.integer({ min: 40, max: 500 }),
    counts: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 30 }),
  })
  .map(({ n, rounds, lengths, maxModelLen, counts }) => ({
    // Unique texts ("t7 ...") of varied length, so the budget sometimes overflows.
    texts: Array.from({ length: n }, (_, i) =>
      [`t${i}`, ...Array.from({ length: lengths[i] ?? 1 }, (_, w) => `w${w}`)].join(" "),
    ),
    rounds,
    maxModelLen,
    counts,
  }));

const pairsFor = (count: number, call: number): Pair[] =>
  Array.from({ length: count }, (_, i) => ({ question: `c${call} q${i}`, answer: `a${i}` }));

/** A deliberately naive, mutating transliteration of method spec section 4, to compare with. */
function specModel(c: Case, maxNewTokens: number): { prompts: string[][]; collections: Entry[][] } {
  const size = Math.ceil(c.texts.length / c.rounds);
  let P: Entry[][] = [];
  const allPrompts: string[][] = [];
  let call = 0;
  for (let r = 0; r < c.rounds; r++) {
    const S = c.texts.slice(r * size, (r + 1) * size);
    const k = S.length;
    if (k === 0) continue;
    const C: Entry[][] = [];
    const prompts: string[] = [];
    for (let i = 0; i < k; i++) {
      const text = S[i] as string;
      if (i >= P.length) {
        C.push([]);
        prompts.push(readBlock(text));
        continue;
      }
      const Ci = (P[i] as Entry[]).map((e) => ({ ...e }));
      const last = Ci[Ci.length - 1] as Entry;
      let prompt = readBlock(text);
      if (last.pairs.length === 0) {
        last.followedByNext = false;
      } else {
        let ctx = demo(last);
        let j = Ci.length - 1;
        while ((Ci[j] as Entry).inheritsFromPrevious && j > 0) {
          j--;
          ctx = demo(Ci[j] as Entry) + ctx;
        }
        const candidate = ctx + readBlock(text);
        const fits = candidate.split(" ").length * 1.5 <= c.maxModelLen - maxNewTokens;
        last.followedByNext = fits;
        if (fits) prompt = candidate;
      }
      C.push(Ci);
      prompts.push(prompt);
    }
    for (let j = 0; j < k; j++) {
      const before: Entry[] = [];
      for (let t = j; k + t < P.length; t += k) {
        const extra = (P[k + t] as Entry[]).map((e) => ({ ...e }));
        (extra[extra.length - 1] as Entry).followedByNext = false;
        before.push(...extra);
      }
      C[j] = [...before, ...(C[j] as Entry[])];
    }
    for (let i = 0; i < k; i++) {
      const Ci = C[i] as Entry[];
      const pairs = pairsFor(c.counts[call % c.counts.length] ?? 0, call);
      call++;
      const prev = Ci[Ci.length - 1];
      Ci.push({
        text: S[i] as string,
        pairs,
        inheritsFromPrevious: prev !== undefined && prev.followedByNext && pairs.length > 0,
        followedByNext: false,
      });
    }
    allPrompts.push(prompts);
    P = C;
  }
  return { prompts: allPrompts, collections: P };
}

async function run(c: Case, maxNewTokens: number) {
  const prompts: string[][] = [];
  let call = 0;
  const collections = await runRounds(
    c.texts,
    c.rounds,
    { maxModelLen: c.maxModelLen, maxNewTokens, budget: "words" },
    (ps) => {
      prompts.push(ps);
      return Promise.resolve(
        ps.map(() => {
          const out = pairsFor(c.counts[call % c.counts.length] ?? 0, call);
          call++;
          return out;
        }),
      );
    },
  );
  return { prompts, collections };
}

const indexOf = (text: string) => Number(/^t(\d+)/.exec(text)?.[1]);

describe("runRounds properties", () => {
  it("matches a naive transliteration of the spec", async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, fc.integer({ min: 0, max: 30 }), async (c, maxNewTokens) => {
        expect(await run(c, maxNewTokens)).toEqual(specModel(c, maxNewTokens));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every text exactly once, in a valid chain order, with well-formed prompts", async () => {
    await fc.assert(
      fc.asyncProperty(arbCase, async (c) => {
        const { prompts, collections } = await run(c, 10);
        const size = Math.ceil(c.texts.length / c.rounds);
        const seen = collections.flat().map((e) => e.text);
        expect([...seen].sort()).toEqual([...c.texts].sort());

        // Every prompt is a (possibly empty) run of demonstrations, then readBlock of its text.
        const flatPrompts = prompts.flat();
        expect(flatPrompts.length).toBe(c.texts.length);
        flatPrompts.forEach((p, i) => {
          expect(p.endsWith(readBlock(c.texts[i] ?? ""))).toBe(true);
          expect(p.startsWith("<s> <CON> ")).toBe(true);
        });

        // The number of collections is the size of the last non-empty round.
        const lastRound = prompts[prompts.length - 1] ?? [];
        expect(collections.length).toBe(lastRound.length);
        for (const col of collections) {
          expect(col[col.length - 1]?.followedByNext).toBe(false);
          col.forEach((e, j) => {
            const prev = col[j - 1];
            if (e.followedByNext) {
              // Continued by the same slice position one round later, right after it.
              expect(e.pairs.length).toBeGreaterThan(0);
              expect(indexOf(col[j + 1]?.text ?? "")).toBe(indexOf(e.text) + size);
            }
            if (e.inheritsFromPrevious) {
              expect(prev?.followedByNext).toBe(true);
              expect(e.pairs.length).toBeGreaterThan(0);
              expect(indexOf(e.text)).toBe(indexOf(prev?.text ?? "") + size);
            }
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
