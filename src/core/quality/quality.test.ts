import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAG_DESCRIPTIONS, FLAG_LABELS, FLAGS, orderFlags } from "./flags";
import { indexSource } from "./grounding";
import { qualityOf } from "./quality";
import { TASK_TYPES } from "./task-type";

const SOURCE =
  "The Golden Gate Bridge opened in 1937. It spans 1,280 metres between San Francisco and " +
  "Marin County, and its colour is called international orange.";
const index = indexSource(SOURCE);

describe("qualityOf", () => {
  it("scores a clean, grounded extraction pair", () => {
    const q = qualityOf(
      { question: "When did the Golden Gate Bridge open?", answer: "In 1937." },
      index,
    );
    expect(q).toEqual({
      grounding: 1,
      spans: [{ start: SOURCE.indexOf("1937"), end: SOURCE.indexOf("1937") + 4 }],
      flags: [],
      taskType: "extraction",
    });
  });

  it("flags a weakly grounded answer to a question about the text", () => {
    const q = qualityOf(
      { question: "Who designed the bridge?", answer: "Joseph Strauss, with Leon Moisseiff." },
      index,
    );
    expect(q.grounding).toBe(0);
    expect(q.flags).toEqual(["weakGrounding"]);
  });

  it("does not expect math or commonsense answers to quote the text", () => {
    const q = qualityOf({ question: "What is 1,280 divided by 2?", answer: "640 metres" }, index);
    expect(q.taskType).toBe("math");
    expect(q.flags).toEqual([]);
  });

  it("leaves a yes/no answer ungraded rather than ungrounded", () => {
    const q = qualityOf({ question: "Is the bridge orange?", answer: "Yes." }, index);
    expect(q).toMatchObject({ grounding: null, flags: [], taskType: "yesNo" });
  });

  it("flags a refusal once, as unanswerable", () => {
    const q = qualityOf({ question: "Who paid for it?", answer: "The text does not say." }, index);
    expect(q.flags).toEqual(["unanswerable"]);
  });

  it("grounds a chain of thought on its reasoning, not on the template's marker", () => {
    const q = qualityOf(
      {
        question: "How long is the bridge in metres?\nLet's think step by step.",
        answer: "The text says it spans 1,280 metres.\nTherefore, the answer is 1280",
      },
      index,
    );
    expect(q.taskType).toBe("chainOfThought");
    // text, says, spans, metres, 1280 and the final 1280: all but "text" and "says".
    expect(q.grounding).toBeCloseTo(4 / 6, 12);
    expect(q.flags).toEqual([]);
  });

  it("combines format flags in badge order", () => {
    const q = qualityOf({ question: "", answer: "?" }, index);
    expect(q.flags).toEqual(["emptyQuestion", "shortAnswer"]);
    expect(q.taskType).toBe("other");
  });

  // Generous timeout: fast-check's 100 runs take seconds on a loaded 2-core CI machine.
  it("never throws and always returns well-formed results", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        fc.string({ unit: "binary" }),
        (question, answer) => {
          const q = qualityOf({ question, answer }, index);
          expect(TASK_TYPES).toContain(q.taskType);
          expect(orderFlags(q.flags)).toEqual(q.flags);
          if (q.grounding !== null) expect(q.grounding >= 0 && q.grounding <= 1).toBe(true);
        },
      ),
    );
  });
});

describe("flags", () => {
  it("has a short label and a description for every flag", () => {
    for (const f of FLAGS) {
      expect(FLAG_LABELS[f].length).toBeGreaterThan(0);
      expect(FLAG_LABELS[f].length).toBeLessThanOrEqual(24);
      expect(FLAG_DESCRIPTIONS[f].length).toBeGreaterThan(0);
    }
  });

  it("orders and de-duplicates flags", () => {
    expect(orderFlags(["nearDuplicate", "emptyQuestion", "nearDuplicate"])).toEqual([
      "emptyQuestion",
      "nearDuplicate",
    ]);
  });
});
