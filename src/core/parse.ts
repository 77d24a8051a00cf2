import { pyStrip } from "./strip";
import { ANS, END, QUE } from "./tags";
import type { Pair } from "./types";

export interface ParseOptions {
  /** Keep only the first pair per question, compared after lower-casing. Default true. */
  dedupe?: boolean;
}

/**
 * Parses synthesizer output into pairs exactly as the reference pipeline does (method spec,
 * section 3). Never throws. Format only: quality judgement (empty questions, grounding) lives
 * elsewhere, so an empty question is kept here on purpose.
 */
export function parseSynthesizerOutput(text: string, options: ParseOptions = {}): Pair[] {
  const dedupe = options.dedupe ?? true;
  const pieces = text.split(END);
  // A last piece not closed by </END> was cut off (token limit or a stopped stream).
  if (!text.endsWith(END)) pieces.pop();

  const pairs: Pair[] = [];
  const seen = new Set<string>();
  for (const piece of pieces) {
    const parts = piece.split(ANS);
    if (parts.length !== 2) continue;
    const questionPart = pyStrip(parts[0] ?? "");
    const answer = pyStrip(parts[1] ?? "");
    if (!questionPart.startsWith(QUE) || answer === "") continue;
    const question = pyStrip(questionPart.split(QUE).join(""));
    if (dedupe) {
      const key = question.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
    }
    pairs.push({ question, answer });
  }
  return pairs;
}
