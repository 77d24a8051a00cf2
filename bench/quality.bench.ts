// Near-duplicate indexing of a project's questions (issue budget: 100,000 in under 20 s in a
// worker). Prints the figures; the synthetic questions reword 1 in 20 earlier ones.
import { bench, describe } from "vitest";
import { NearDuplicateIndex } from "../src/core/quality/near-duplicates";
import { createRng, type Rng } from "../src/core/random";

const SYLLABLES = ["ka", "lo", "mi", "ten", "ra", "vus", "sel", "dor", "pha", "qui", "ny", "bex"];
const TEMPLATES = [
  "What is the role of {0} in {1}?",
  "How does {0} affect the {1} of {2}?",
  "Why did the {0} decide to {1} the {2}?",
  "Which {0} is described as the main {1} of {2}?",
  "When was the {0} of {1} first {2}?",
  "According to the text, what do {0} and {1} have in common?",
  "What are the effects of {0} on {1} in {2}?",
];

function word(rng: Rng): string {
  let w = "";
  for (let i = 0, n = 2 + rng.int(2); i < n; i++) w += rng.pick(SYLLABLES);
  return w;
}

/** Synthesizer-like short questions over a 4,000-word vocabulary; 1 in 20 rewords an earlier one. */
function questions(n: number, seed: number): string[] {
  const rng = createRng(seed);
  const vocabulary = Array.from({ length: 4000 }, () => word(rng));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const earlier = out[rng.int(Math.max(out.length, 1))];
    if (earlier !== undefined && rng.next() < 0.05) {
      out.push(`${earlier.replace(/\?$/, "")} today?`);
      continue;
    }
    const template = rng.pick(TEMPLATES);
    out.push(template.replace(/\{\d\}/g, () => rng.pick(vocabulary)));
  }
  return out;
}

describe("near-duplicate index", () => {
  bench(
    "index 100,000 short questions, save and restore the state",
    () => {
      const all = questions(100_000, 42);
      const index = new NearDuplicateIndex();
      const started = performance.now();
      all.forEach((q, i) => index.add(`p${i}`, q));
      const seconds = (performance.now() - started) / 1000;
      const state = JSON.stringify(index.toJSON());
      const restoreStarted = performance.now();
      const restored = NearDuplicateIndex.fromJSON(JSON.parse(state));
      const restoreSeconds = (performance.now() - restoreStarted) / 1000;
      const reworded = all.findIndex((q) => q.endsWith(" today?"));
      if (
        restored.size !== all.length ||
        !index.flagsOf(`p${reworded}`).includes("nearDuplicate")
      ) {
        throw new Error("the index lost questions or missed a rewording");
      }
      console.log(
        `  indexed ${all.length} questions in ${seconds.toFixed(2)} s (budget 20 s -> ratio ${(seconds / 20).toFixed(2)}); ` +
          `state ${(state.length / 1e6).toFixed(1)} MB, restored in ${restoreSeconds.toFixed(2)} s`,
      );
    },
    { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
  );
});
