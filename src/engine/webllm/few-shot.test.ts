import { describe, expect, it } from "vitest";
import { fewShotPrompt } from "../../core/few-shot";
import { DEFAULT_COMPLETION } from "../../core/synthesis-engine";
import { buildPrompt, completionOptionsFor } from "./few-shot";

const text = "Tides are caused mainly by the Moon's gravity.";

describe("buildPrompt", () => {
  it("gives the real synthesizer the paper's exact input", () => {
    expect(buildPrompt({ kind: "synthesizer" }, text)).toBe(`<s> <CON> ${text} </CON>\n\n`);
  });
  it("treats a custom model as the user's own synthesizer build", () => {
    expect(buildPrompt({ kind: "custom" }, text)).toBe(`<s> <CON> ${text} </CON>\n\n`);
  });
  it("gives approximation models the few-shot prompt", () => {
    expect(buildPrompt({ kind: "approximation" }, text)).toBe(fewShotPrompt(text));
  });
});

describe("completionOptionsFor", () => {
  it("leaves the synthesizer's options untouched (it stops on EOS)", () => {
    expect(completionOptionsFor({ kind: "synthesizer" }, DEFAULT_COMPLETION)).toEqual(
      DEFAULT_COMPLETION,
    );
  });
  it("adds </s> and <s> as stop strings for approximations, keeping others once", () => {
    const options = { ...DEFAULT_COMPLETION, stop: ["STOP", "</s>"] };
    expect(completionOptionsFor({ kind: "approximation" }, options)).toEqual({
      maxTokens: 400,
      temperature: 0,
      stop: ["STOP", "</s>", "<s>"],
    });
    expect(completionOptionsFor({ kind: "approximation" }, DEFAULT_COMPLETION).stop).toEqual([
      "</s>",
      "<s>",
    ]);
  });
});
