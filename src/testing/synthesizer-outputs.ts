import { pairsBlock } from "../core/tags";
import type { Pair } from "../core/types";

/** A finished synthesizer output for the given pairs, as the model would write it. */
export function synthesizerOutput(pairs: readonly Pair[]): string {
  return pairsBlock(pairs);
}

export const PHOTOSYNTHESIS_PAIRS: Pair[] = [
  {
    question: "Where in the cell does photosynthesis mainly take place?",
    answer: "In the chloroplasts of leaf cells.",
  },
  {
    question: "Which gas is released as a by-product of the light-dependent reactions?",
    answer: "Oxygen.",
  },
  {
    question:
      "What is the role of RuBisCO?\nOptions:\n- It splits water\n- It captures carbon dioxide\n- It absorbs green light",
    answer: "It captures carbon dioxide",
  },
];
