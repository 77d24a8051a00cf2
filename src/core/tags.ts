/**
 * The synthesizer's input format (method spec, section 2). These strings are a contract with a
 * trained model: DO NOT CHANGE a single character, or prompts stop matching the reference.
 */
import type { Pair } from "./types";

export const BOS = "<s>";
export const EOS = "</s>";
export const SEP = "\n\n";
export const QUE = "<QUE>";
export const ANS = "<ANS>";
export const END = "</END>";

/** The raw text as the synthesizer reads it. The space before `<CON>` is part of the format. */
export function readBlock(text: string): string {
  if (text === "") return BOS;
  return `${BOS} <CON> ${text} </CON>${SEP}`;
}

/** One instruction-response pair in the synthesizer's tagged format. */
export function pairBlock(question: string, answer: string): string {
  return `${QUE} ${question} ${ANS} ${answer} ${END}`;
}

/** Pairs joined the way the synthesizer writes them. */
export function pairsBlock(pairs: readonly Pair[]): string {
  return pairs.map((p) => pairBlock(p.question, p.answer)).join(SEP);
}

/** A finished example (text + pairs + EOS), used as a demonstration in front of a new text. */
export function demo(entry: { text: string; pairs: readonly Pair[] }): string {
  return readBlock(entry.text) + pairsBlock(entry.pairs) + EOS;
}
