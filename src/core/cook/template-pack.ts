/**
 * The template pack: every piece of wording cooking may sample (method spec, section 5). Packs
 * are JSON data so users can write, load and preview their own; `validateTemplatePack` checks
 * one before use. Templates fill `{name}` placeholders; each field documents which it accepts.
 */

/** The pack schema this studio reads. Bump it when a field changes meaning. */
export const TEMPLATE_PACK_SCHEMA_VERSION = 1;

/** How items are labelled: A B C, a b c, 1 2 3, i ii iii, I II III. */
export type LabelKind = "upper" | "lower" | "number" | "lowerRoman" | "upperRoman";

/** A basic Q/A pattern. Prefixes and delimiters are literal (no placeholders). */
export interface QaPattern {
  /** Written before each question, e.g. "Q: ". */
  questionPrefix: string;
  /** Written before each answer, e.g. "A: ". */
  answerPrefix: string;
  /** Between a question and its answer prefix, e.g. "\n". */
  delimiter: string;
  /** Between one Q/A item and the next, e.g. "\n\n". */
  separator: string;
}

/** Rewrites a sub-format pair into a question body and an answer body. */
export interface BodyTemplate {
  question: string;
  answer: string;
}

/** How a multiple-choice option list is written. */
export interface OptionStyle {
  /** "none" gives unlabelled items (bullets), whose names cannot stand in for the answer. */
  labels: LabelKind | "none";
  /** One option: `{option}`, plus `{label}` when labelled. Usually starts with "\n" or " ". */
  item: string;
  /** The item's name used as the answer, with `{label}`; labelled styles only. */
  name?: string;
}

/** Numbered questions: `{label}` and `{text}`, used for both the questions and the answers. */
export interface NumberingStyle {
  labels: LabelKind;
  item: string;
}

/** Headings of the numbered-questions mode (literal). */
export interface NumberedHeadings {
  questions: string;
  answers: string;
}

/** The two people in a dialog (literal names). */
export interface SpeakerPair {
  asker: string;
  answerer: string;
}

/** Dialog wording. */
export interface DialogTemplates {
  speakers: SpeakerPair[];
  /** One turn: `{speaker}` and `{utterance}`. */
  turns: string[];
  /** Line before the dialog; "" means none (literal). */
  intros: string[];
  /** Asks for the final turn in next-turn dialogs: `{asker}`, `{answerer}`. */
  nextTurnPrompts: string[];
}

/** Headings of the inline few-shot mode (literal). */
export interface FewShotHeadings {
  examples: string;
  exercise: string;
}

/** Literal text around the raw text; both empty means no wrapper. */
export interface TextWrapper {
  before: string;
  after: string;
}

/** "None of the above" answers: which answers count as one, and how cooking writes them. */
export interface NoneOfTheAbove {
  /** Compared case-insensitively with the trimmed answer, ignoring one trailing ".". */
  recognize: string[];
  wordings: string[];
}

/** A complete, validated template pack. */
export interface TemplatePack {
  /** Schema version; must equal {@link TEMPLATE_PACK_SCHEMA_VERSION}. */
  version: number;
  name: string;
  description?: string;
  qa: QaPattern[];
  /** `question`: `{stem}`, `{options}`; `answer`: `{answer}` (an item name or option). */
  multipleChoice: BodyTemplate[];
  /** `question`: `{question}`; `answer`: `{rationale}`, `{answer}`. */
  chainOfThought: BodyTemplate[];
  /** `question`: `{stem}`, `{options}`; `answer`: `{rationale}`, `{answer}`. */
  multipleChoiceChainOfThought: BodyTemplate[];
  optionStyles: OptionStyle[];
  noneOfTheAbove: NoneOfTheAbove;
  numbering: NumberingStyle[];
  numberedHeadings: NumberedHeadings[];
  dialog: DialogTemplates;
  fewShot: FewShotHeadings[];
  /** Line between the text and the Q/A items; "" means none (literal). */
  questionIntros: string[];
  textWrappers: TextWrapper[];
  /** Between the entries of one group (literal, non-empty). */
  entrySeparators: string[];
  /** Joins Q/A items to the text that follows them in inverted groups (literal). */
  inversionPhrases: string[];
}
