import { describe, expect, it } from "vitest";
import {
  FEW_SHOT_DEMOS,
  FEW_SHOT_INSTRUCTION,
  FEW_SHOT_STOP,
  fewShotPrefix,
  fewShotPrompt,
} from "./few-shot";
import { parseSynthesizerOutput } from "./parse";
import { demo, readBlock } from "./tags";

describe("few-shot prompt for approximation models", () => {
  it("is the instruction, our demonstrations in the exact format, then the text", () => {
    const text = "Bees dance to tell other bees where flowers are.";
    const prompt = fewShotPrompt(text);
    expect(prompt.startsWith(FEW_SHOT_INSTRUCTION + "\n\n<s> <CON> ")).toBe(true);
    expect(prompt).toBe(fewShotPrefix() + readBlock(text));
    expect(prompt.endsWith(`<s> <CON> ${text} </CON>\n\n`)).toBe(true);
    for (const d of FEW_SHOT_DEMOS) expect(prompt).toContain(demo(d));
  });

  it("has one or two finished demonstrations, each closed by </s>", () => {
    const prefix = fewShotPrefix().slice(FEW_SHOT_INSTRUCTION.length);
    expect(FEW_SHOT_DEMOS.length).toBeGreaterThanOrEqual(1);
    expect(FEW_SHOT_DEMOS.length).toBeLessThanOrEqual(2);
    expect(prefix.split("</s>").length - 1).toBe(FEW_SHOT_DEMOS.length);
    expect(prefix.split("<s> <CON> ").length - 1).toBe(FEW_SHOT_DEMOS.length);
  });

  it("demonstrates pairs the reference parser reads back unchanged", () => {
    for (const d of FEW_SHOT_DEMOS) {
      const written =
        demo(d)
          .split(" </CON>\n\n")[1]
          ?.replace(/<\/s>$/, "") ?? "";
      expect(parseSynthesizerOutput(written)).toEqual(d.pairs);
    }
  });

  it("shows the multiple-choice and chain-of-thought sub-formats correctly", () => {
    const pairs = FEW_SHOT_DEMOS.flatMap((d) => d.pairs);
    const mc = pairs.find((p) => p.question.includes("\nOptions:\n- "));
    const options = mc?.question.split("\nOptions:\n- ")[1]?.split("\n- ") ?? [];
    expect(options).toContain(mc?.answer);
    const cot = pairs.find((p) => p.question.endsWith("\nLet's think step by step."));
    expect(cot?.answer.split("\nTherefore, the answer is ").length).toBe(2);
  });

  it("stops on the end and start markers the model writes as plain text", () => {
    expect(FEW_SHOT_STOP).toEqual(["</s>", "<s>"]);
  });
});
