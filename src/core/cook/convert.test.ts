import { describe, expect, it } from "vitest";
import { createRng } from "../random";
import { convertPair, isNoneOfTheAbove } from "./convert";
import { DEFAULT_TEMPLATE_PACK as PACK } from "./default-pack";
import { sampleGroupStyle, type GroupStyle } from "./style";
import type { OptionStyle } from "./template-pack";

const LETTERS: OptionStyle = { labels: "upper", item: "\n{label}. {option}", name: "{label}" };
const BULLETS: OptionStyle = { labels: "none", item: "\n- {option}" };

function style(optionStyle: OptionStyle): GroupStyle {
  return {
    ...sampleGroupStyle(PACK, createRng(1)),
    optionStyle,
    noneWording: "None of these",
    multipleChoice: { question: "{stem}{options}", answer: "{answer}" },
    chainOfThought: { question: "{question} Why?", answer: "{rationale}. So: {answer}" },
    multipleChoiceChainOfThought: {
      question: "{stem}{options}",
      answer: "{rationale} => {answer}",
    },
  };
}

const nones = PACK.noneOfTheAbove.recognize;
const mc = "Pick the mammal.\nOptions:\n- trout\n- whale\n- eagle";
const convert = (question: string, answer: string, s = style(LETTERS), seed = 3) =>
  convertPair({ question, answer }, s, nones, createRng(seed));

describe("convertPair", () => {
  it("keeps plain pairs verbatim, including empty questions", () => {
    expect(convert(" What?  ", " it ")).toEqual({ question: " What?  ", answer: " it " });
    expect(convert("", "x")).toEqual({ question: "", answer: "x" });
  });

  it("answers multiple choice with the item's letter", () => {
    const out = convert(mc, "whale");
    expect(out).not.toBeNull();
    const lines = out!.question.split("\n");
    expect(lines[0]).toBe("Pick the mammal.");
    expect(lines.slice(1).map((l) => l.slice(0, 3))).toEqual(["A. ", "B. ", "C. "]);
    expect(
      lines
        .slice(1)
        .map((l) => l.slice(3))
        .sort(),
    ).toEqual(["eagle", "trout", "whale"]);
    expect(`\n${out!.answer}. whale`).toSatisfy((s: string) => out!.question.includes(s));
  });

  it("shuffles options by seed", () => {
    const orders = new Set<string>();
    for (let seed = 0; seed < 40; seed++)
      orders.add(convert(mc, "whale", style(LETTERS), seed)!.question);
    expect(orders.size).toBe(6);
  });

  it("keeps the option text as the answer for unlabelled styles", () => {
    expect(convert(mc, " whale ", style(BULLETS))!.answer).toBe("whale");
  });

  it("turns none-of-the-above answers into the sampled wording", () => {
    expect(convert(mc, "none of the above.")!.answer).toBe("None of these");
    expect(isNoneOfTheAbove("  NEITHER ", nones)).toBe(true);
    expect(isNoneOfTheAbove("whale", nones)).toBe(false);
  });

  it("uses the item name when the none phrase is itself an option", () => {
    const out = convert("Q\nOptions:\n- a\n- None of the above", "None of the above")!;
    expect(out.answer).toMatch(/^[AB]$/);
  });

  it("drops multiple choice whose answer matches nothing, and broken formats", () => {
    expect(convert(mc, "shark")).toBeNull();
    expect(convert("Q\nOptions:\n- a\n- \n- c", "a")).toBeNull();
    expect(convert("Q\nLet's think step by step.", "no final answer")).toBeNull();
  });

  it("drops multiple choice with more options than the style has letters", () => {
    const many = Array.from({ length: 27 }, (_, i) => `o${i}`);
    expect(convert(`Q\nOptions:\n- ${many.join("\n- ")}`, "o3")).toBeNull();
    expect(convert(`Q\nOptions:\n- ${many.join("\n- ")}`, "o3", style(BULLETS))).not.toBeNull();
  });

  it("renders chain of thought with the group's template", () => {
    const out = convert(
      "What is 3+4?\nLet's think step by step.",
      "Add them: 3 + 4 = 7.\nTherefore, the answer is 7",
    );
    expect(out).toEqual({ question: "What is 3+4? Why?", answer: "Add them: 3 + 4 = 7. So: 7" });
  });

  it("renders both together, with the final answer as the item name", () => {
    const out = convert(
      `${mc}\nLet's think step by step.`,
      "Whales breathe air and nurse young.\nTherefore, the answer is whale",
    )!;
    expect(out.answer).toMatch(/^Whales breathe air and nurse young => [ABC]$/);
    expect(out.question.startsWith("Pick the mammal.\nA. ")).toBe(true);
  });
});
