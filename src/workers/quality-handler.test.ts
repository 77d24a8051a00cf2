import { unflattenSpans } from "../core/quality/grounding";
import { describe, expect, it } from "vitest";
import { createQualityHandler } from "./quality-handler";

const text =
  "The Treaty of Westphalia was signed in 1648. It ended the Thirty Years' War in the Holy Roman Empire.";

describe("quality worker", () => {
  it("scores each pair against its own chunk's text", () => {
    const handle = createQualityHandler();
    const reply = handle({
      kind: "score",
      chunks: [
        {
          text,
          pairs: [
            { id: "a", question: "When was the Treaty of Westphalia signed?", answer: "In 1648." },
            {
              id: "b",
              question: "Which war did the treaty end?",
              answer: "A dispute about spices and silk in Portugal.",
            },
          ],
        },
        { text: "", pairs: [{ id: "c", question: "", answer: "" }] },
      ],
    });
    expect(reply.kind).toBe("scores");
    if (reply.kind !== "scores") return;
    const byId = new Map(reply.scores.map((s) => [s.id, s.quality]));
    expect(byId.get("a")?.grounding).toBe(1);
    // The evidence is stored with the scores, as offsets into the chunk's text.
    const evidence = unflattenSpans(byId.get("a")?.spans ?? []).map((s) =>
      text.slice(s.start, s.end),
    );
    expect(evidence.join(" ")).toContain("1648");
    expect(byId.get("a")?.flags).toEqual([]);
    expect(byId.get("b")?.grounding).toBeLessThan(0.5);
    expect(byId.get("b")?.flags).toContain("weakGrounding");
    expect(byId.get("c")?.flags).toEqual(expect.arrayContaining(["emptyQuestion", "emptyAnswer"]));
  });

  it("marks duplicates as questions arrive, and clears the mark when the twin goes", () => {
    const handle = createQualityHandler();
    const first = handle({
      kind: "addQuestions",
      items: [
        { id: "a", question: "When was the treaty signed?" },
        { id: "b", question: "How many provinces did the empire count?" },
      ],
    });
    expect(first.kind === "marks" && first.marks.every((m) => m.duplicate === null)).toBe(true);
    const second = handle({
      kind: "addQuestions",
      items: [{ id: "c", question: "When was the treaty signed ?" }],
    });
    if (second.kind !== "marks") throw new Error("expected marks");
    const marks = new Map(second.marks.map((m) => [m.id, m.duplicate]));
    expect(marks.get("c")).toEqual({ kind: "duplicate", group: expect.any(String) as string });
    expect(marks.get("a")).toEqual(marks.get("c"));
    expect(second.indexed).toBe(3);

    const third = handle({ kind: "removeQuestions", ids: ["c"] });
    if (third.kind !== "marks") throw new Error("expected marks");
    expect(third.marks).toContainEqual({ id: "a", duplicate: null });
  });
});
