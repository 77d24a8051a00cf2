/**
 * A few-shot prompt that makes a small general-purpose instruct model imitate the synthesizer's
 * output format. Such a model was never trained on `<CON>`/`<QUE>`/`<ANS>`, so it needs to see
 * the format done a couple of times before the real text. Its pairs are an APPROXIMATION of the
 * synthesizer's (method spec, section 8) and must be labelled as such wherever they are shown.
 *
 * The demonstrations below were written for this project. They use the synthesizer's exact
 * format through `demo()`, so the model copies the real tags and separators.
 */
import { BOS, EOS, SEP, demo, readBlock } from "./tags";
import type { Pair } from "./types";

/** A plain-language instruction in front of the demonstrations. */
export const FEW_SHOT_INSTRUCTION =
  "Each text below is followed by questions about it and their answers. Every question starts " +
  "with <QUE>, every answer starts with <ANS> and ends with </END>, and the pairs are separated " +
  "by a blank line. Answer only from the text. After the last pair of a text, write </s>.";

/** Our own demonstrations, in the synthesizer's exact format. */
export const FEW_SHOT_DEMOS: readonly { text: string; pairs: readonly Pair[] }[] = [
  {
    text:
      "The Atacama Desert in northern Chile is one of the driest places on Earth; some of its " +
      "weather stations have never recorded rain. Because the air above its high plateaus is " +
      "so dry and clear, several large astronomical observatories have been built there.",
    pairs: [
      { question: "Where is the Atacama Desert?", answer: "It is in northern Chile." },
      {
        question: "Why have observatories been built on the Atacama's high plateaus?",
        answer:
          "Because the air above them is very dry and clear, which gives telescopes good " +
          "viewing conditions.",
      },
      {
        question: "Has every weather station in the Atacama recorded rain?\nOptions:\n- Yes\n- No",
        answer: "No",
      },
    ],
  },
  {
    text:
      "A checksum is a short value computed from a block of data and stored or sent with it. " +
      "Whoever receives the data computes the value again and compares it with the stored " +
      "one. If the two differ, the data was changed or damaged on the way.",
    pairs: [
      { question: "What is a checksum computed from?", answer: "From a block of data." },
      {
        question:
          "A receiver recomputes the checksum of a file and gets a value that differs from " +
          "the stored one. Did the file arrive intact?\nLet's think step by step.",
        answer:
          "If the file had arrived unchanged, the recomputed value would equal the stored " +
          "one. The two values differ, so the file was changed or damaged on the way.\n" +
          "Therefore, the answer is no",
      },
    ],
  },
];

/** Stop strings for approximation models: they end a text with `</s>` written as plain text,
 * or start inventing the next text with `<s>`. */
export const FEW_SHOT_STOP: readonly string[] = [EOS, BOS];

/** Everything an approximation model reads before the real text (instruction + demonstrations).
 * Token budgets must count it: it is part of every approximation prompt. */
export function fewShotPrefix(): string {
  return FEW_SHOT_INSTRUCTION + SEP + FEW_SHOT_DEMOS.map(demo).join("");
}

/** The full few-shot prompt for one text: prefix, then the text as the synthesizer reads it. */
export function fewShotPrompt(text: string): string {
  return fewShotPrefix() + readBlock(text);
}
