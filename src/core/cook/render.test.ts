import { describe, expect, it } from "vitest";
import { renderEntry, renderGroup } from "./render";
import type { GroupStyle } from "./style";

/** One fixed style, so each layout's text can be written out in full. */
const style: GroupStyle = {
  qa: { questionPrefix: "Q: ", answerPrefix: "A: ", delimiter: "\n", separator: "\n\n" },
  multipleChoice: { question: "{question}{options}", answer: "{answer}" },
  chainOfThought: { question: "{question}", answer: "{rationale} So: {answer}" },
  multipleChoiceChainOfThought: { question: "{question}{options}", answer: "{rationale} {answer}" },
  optionStyle: { labels: "upper", item: "\n{label}. {option}", name: "{label}" },
  noneWording: "None of these",
  numbering: { labels: "number", item: "{label}. {text}" },
  numberedHeadings: { questions: "Questions:", answers: "Answers:" },
  speakers: { asker: "Student", answerer: "Teacher" },
  turn: "{speaker}: {utterance}",
  dialogIntro: "A conversation:",
  nextTurnPrompt: "What does the {answerer} say next?",
  fewShot: { examples: "Examples:", exercise: "Now this one:" },
  questionIntro: "Answer these:",
  wrapper: { before: "Text:\n", after: "" },
  entrySeparator: "\n\n---\n\n",
  inversionPhrase: "All of it comes from this text:",
};

const pairs = [
  { question: "Where?", answer: "Here." },
  { question: "When?", answer: "Now." },
];
const entry = { text: "The text.", pairs };

describe("rendering a group", () => {
  it("classic: the wrapped text, the intro, then each Q/A item", () => {
    expect(renderEntry(entry, "classic", style, false)).toBe(
      "Text:\nThe text.\n\nAnswer these:\nQ: Where?\nA: Here.\n\nQ: When?\nA: Now.",
    );
  });

  it("inverted: the Q/A items first (no intro pointing below), the phrase, then the bare text", () => {
    expect(renderEntry(entry, "classic", style, true)).toBe(
      "Q: Where?\nA: Here.\n\nQ: When?\nA: Now.\n\nAll of it comes from this text:\nThe text.",
    );
  });

  it("dialog: one turn per speaker", () => {
    expect(renderEntry(entry, "dialog", style, false)).toBe(
      "Text:\nThe text.\n\nA conversation:\nStudent: Where?\nTeacher: Here.\nStudent: When?\nTeacher: Now.",
    );
  });

  it("numbered: the questions, then the answers, under their headings", () => {
    expect(renderEntry(entry, "numbered", style, false)).toBe(
      "Text:\nThe text.\n\nQuestions:\n1. Where?\n2. When?\n\nAnswers:\n1. Here.\n2. Now.",
    );
  });

  it("inline few-shot: the earlier pairs as examples, the last as the exercise", () => {
    expect(renderEntry(entry, "inlineFewShot", style, false)).toBe(
      "Text:\nThe text.\n\nExamples:\nQ: Where?\nA: Here.\n\nNow this one:\nQ: When?\nA: Now.",
    );
  });

  it("next-turn dialog: the history, the prompt, then the answerer's last turn", () => {
    expect(renderEntry(entry, "nextTurnDialog", style, false)).toBe(
      "Text:\nThe text.\n\nA conversation:\nStudent: Where?\nTeacher: Here.\nStudent: When?\n\n" +
        "What does the Teacher say next?\nTeacher: Now.",
    );
  });

  it("the multi-pair layouts fall back for a single pair", () => {
    const one = { text: "The text.", pairs: [{ question: "Who?", answer: "Me." }] };
    expect(renderEntry(one, "inlineFewShot", style, false)).toBe(
      renderEntry(one, "classic", style, false),
    );
    expect(renderEntry(one, "nextTurnDialog", style, false)).toBe(
      renderEntry(one, "dialog", style, false),
    );
  });

  it("a blank text gives the Q/A part alone; a group joins its entries with the separator", () => {
    expect(renderEntry({ text: "  ", pairs }, "classic", style, false)).toBe(
      "Answer these:\nQ: Where?\nA: Here.\n\nQ: When?\nA: Now.",
    );
    const second = { text: "More text.", pairs: [{ question: "Why?", answer: "So." }] };
    expect(renderGroup([entry, second], "classic", style, false)).toBe(
      `${renderEntry(entry, "classic", style, false)}\n\n---\n\n${renderEntry(second, "classic", style, false)}`,
    );
  });
});
