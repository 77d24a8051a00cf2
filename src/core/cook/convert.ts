import type { Rng } from "../random";
import { pyStrip } from "../strip";
import { matchOption, parseSubformats } from "../subformats";
import type { Pair } from "../types";
import { fillTemplate, itemLabel, LABEL_CAPACITY } from "./fill";
import type { GroupStyle } from "./style";

/** Lower-cased, trimmed, one trailing "." dropped: how "none of the above" answers compare. */
function normalizeNone(s: string): string {
  const t = pyStrip(s).toLowerCase();
  return t.endsWith(".") ? t.slice(0, -1) : t;
}

/** True when the answer is one of the pack's "none of the above" phrases. */
export function isNoneOfTheAbove(answer: string, phrases: readonly string[]): boolean {
  const wanted = normalizeNone(answer);
  return phrases.some((p) => normalizeNone(p) === wanted);
}

/** Rendered options and the answer as the converted pair states it. */
interface RenderedChoice {
  options: string;
  answer: string;
}

/**
 * Shuffles and renders the options, then states the answer: the item's name when the style
 * labels items distinctly, the option itself for bullet styles, the sampled "none of these"
 * wording for a none-of-the-above answer, or null (drop the pair) when nothing fits.
 */
function renderChoice(
  options: readonly string[],
  answer: string,
  style: GroupStyle,
  nonePhrases: readonly string[],
  rng: Rng,
): RenderedChoice | null {
  const opt = style.optionStyle;
  // Too many options for this style's labels: names would repeat, so the answer is ambiguous.
  if (opt.labels !== "none" && options.length > LABEL_CAPACITY[opt.labels]) return null;
  const labels = opt.labels;
  const labelOf = (i: number): string => (labels === "none" ? "" : itemLabel(labels, i));
  // Shuffled because the synthesizer tends to put the right option in the same places.
  const shuffled = rng.shuffle(options);
  const rendered = shuffled.map((o, i) => fillTemplate(opt.item, { label: labelOf(i), option: o }));
  const index = matchOption(shuffled, answer);
  let stated: string;
  if (index >= 0) {
    stated =
      opt.labels === "none" || opt.name === undefined
        ? (shuffled[index] as string)
        : fillTemplate(opt.name, { label: labelOf(index) });
  } else if (isNoneOfTheAbove(answer, nonePhrases)) {
    stated = style.noneWording;
  } else {
    return null;
  }
  return { options: rendered.join(""), answer: stated };
}

/**
 * Converts one pair for cooking (method spec, section 5). Plain pairs come back unchanged;
 * sub-format pairs are rewritten with the group's templates; null means "drop this pair"
 * (broken markers, or a multiple-choice answer that matches nothing).
 */
export function convertPair(
  pair: Pair,
  style: GroupStyle,
  nonePhrases: readonly string[],
  rng: Rng,
): Pair | null {
  const sub = parseSubformats(pair);
  switch (sub.kind) {
    case "plain":
      return { question: pair.question, answer: pair.answer };
    case "broken":
      return null;
    case "chainOfThought": {
      const t = style.chainOfThought;
      return {
        question: fillTemplate(t.question, { question: sub.question }),
        answer: fillTemplate(t.answer, { rationale: sub.rationale, answer: sub.answer }),
      };
    }
    case "multipleChoice": {
      const choice = renderChoice(sub.options, sub.answer, style, nonePhrases, rng);
      if (choice === null) return null;
      const t = style.multipleChoice;
      return {
        question: fillTemplate(t.question, { stem: sub.stem, options: choice.options }),
        answer: fillTemplate(t.answer, { answer: choice.answer }),
      };
    }
    case "multipleChoiceChainOfThought": {
      const choice = renderChoice(sub.options, sub.answer, style, nonePhrases, rng);
      if (choice === null) return null;
      const t = style.multipleChoiceChainOfThought;
      return {
        question: fillTemplate(t.question, { stem: sub.stem, options: choice.options }),
        answer: fillTemplate(t.answer, { rationale: sub.rationale, answer: choice.answer }),
      };
    }
  }
}

/** Converts every pair of an entry, dropping the ones {@link convertPair} rejects. */
export function convertPairs(
  pairs: readonly Pair[],
  style: GroupStyle,
  nonePhrases: readonly string[],
  rng: Rng,
): Pair[] {
  const out: Pair[] = [];
  for (const pair of pairs) {
    const converted = convertPair(pair, style, nonePhrases, rng);
    if (converted !== null) out.push(converted);
  }
  return out;
}
