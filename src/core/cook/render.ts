import { pyStrip } from "../strip";
import type { Pair } from "../types";
import { fillTemplate, itemLabel, LABEL_CAPACITY } from "./fill";
import type { GroupStyle } from "./style";

/** How a group's Q/A items are laid out (method spec, section 5, "Rendering a group"). */
export type CookMode = "classic" | "dialog" | "numbered" | "inlineFewShot" | "nextTurnDialog";

/** An entry ready to render: its raw text and its converted pairs (at least one). */
export interface RenderableEntry {
  text: string;
  pairs: readonly Pair[];
}

function qaItem(pair: Pair, style: GroupStyle): string {
  const qa = style.qa;
  return qa.questionPrefix + pair.question + qa.delimiter + qa.answerPrefix + pair.answer;
}

function qaItems(pairs: readonly Pair[], style: GroupStyle): string {
  return pairs.map((p) => qaItem(p, style)).join(style.qa.separator);
}

function withIntro(intro: string, body: string): string {
  return intro === "" ? body : `${intro}\n${body}`;
}

function turn(style: GroupStyle, speaker: string, utterance: string): string {
  return fillTemplate(style.turn, { speaker, utterance });
}

function exchange(style: GroupStyle, pair: Pair): string {
  const { asker, answerer } = style.speakers;
  return `${turn(style, asker, pair.question)}\n${turn(style, answerer, pair.answer)}`;
}

function dialog(pairs: readonly Pair[], style: GroupStyle): string {
  return withIntro(style.dialogIntro, pairs.map((p) => exchange(style, p)).join("\n"));
}

function numbered(pairs: readonly Pair[], style: GroupStyle): string {
  const { labels, item } = style.numbering;
  // A style that runs out of labels (26 letters) falls back to plain numbers.
  const kind = pairs.length > LABEL_CAPACITY[labels] ? "number" : labels;
  const list = (texts: string[]): string =>
    texts.map((text, i) => fillTemplate(item, { label: itemLabel(kind, i), text })).join("\n");
  const h = style.numberedHeadings;
  const questions = list(pairs.map((p) => p.question));
  const answers = list(pairs.map((p) => p.answer));
  return `${h.questions}\n${questions}\n\n${h.answers}\n${answers}`;
}

function inlineFewShot(pairs: readonly Pair[], style: GroupStyle): string {
  const last = pairs[pairs.length - 1] as Pair;
  const examples = qaItems(pairs.slice(0, -1), style);
  return `${style.fewShot.examples}\n${examples}\n\n${style.fewShot.exercise}\n${qaItem(last, style)}`;
}

function nextTurnDialog(pairs: readonly Pair[], style: GroupStyle): string {
  const last = pairs[pairs.length - 1] as Pair;
  const { asker, answerer } = style.speakers;
  const history = [
    ...pairs.slice(0, -1).map((p) => exchange(style, p)),
    turn(style, asker, last.question),
  ];
  const prompt = fillTemplate(style.nextTurnPrompt, { asker, answerer });
  return `${withIntro(style.dialogIntro, history.join("\n"))}\n\n${prompt}\n${turn(style, answerer, last.answer)}`;
}

/** The Q/A part of one entry in the given mode. Intros that point "below" are skipped when inverted. */
export function renderQa(
  pairs: readonly Pair[],
  mode: CookMode,
  style: GroupStyle,
  inverted: boolean,
): string {
  // The multi-pair modes need two pairs; the weight table guarantees it, this guards misuse.
  const multi = pairs.length >= 2;
  switch (mode) {
    case "dialog":
      return dialog(pairs, style);
    case "nextTurnDialog":
      return multi ? nextTurnDialog(pairs, style) : dialog(pairs, style);
    case "numbered":
      return numbered(pairs, style);
    case "inlineFewShot":
      if (multi) return inlineFewShot(pairs, style);
      break;
    case "classic":
      break;
  }
  return withIntro(inverted ? "" : style.questionIntro, qaItems(pairs, style));
}

/**
 * One entry: wrapped text, then its Q/A part; or, inverted, the Q/A part, a connecting phrase,
 * then the bare text. An entry with a blank text renders its Q/A part alone.
 */
export function renderEntry(
  entry: RenderableEntry,
  mode: CookMode,
  style: GroupStyle,
  inverted: boolean,
): string {
  const qa = renderQa(entry.pairs, mode, style, inverted);
  if (pyStrip(entry.text) === "") return qa;
  if (inverted) return `${qa}\n\n${style.inversionPhrase}\n${entry.text}`;
  return `${style.wrapper.before}${entry.text}${style.wrapper.after}\n\n${qa}`;
}

/** A whole group as one text: its entries in order, joined by the sampled separator. */
export function renderGroup(
  entries: readonly RenderableEntry[],
  mode: CookMode,
  style: GroupStyle,
  inverted: boolean,
): string {
  return entries.map((e) => renderEntry(e, mode, style, inverted)).join(style.entrySeparator);
}
