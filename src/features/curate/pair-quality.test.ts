import { describe, expect, it } from "vitest";
import { indexSource } from "../../core/quality/grounding";
import type { PairRow } from "../../db";
import { evidenceSpans, groundingLabel, segmentText, shownQuality } from "./pair-quality";

const pair = (over: Partial<PairRow> = {}): PairRow => ({
  id: "p",
  projectId: "proj",
  documentId: "d",
  chunkId: "c",
  index: 0,
  question: "How does basalt form?",
  answer: "When lava cools quickly.",
  status: "pending",
  edited: false,
  origin: "model",
  createdAt: 0,
  updatedAt: 0,
  ...over,
});

const TEXT = "Basalt forms when lava cools quickly at the surface.";

describe("segmentText", () => {
  it("cuts text into plain and marked runs", () => {
    expect(
      segmentText("abcdefgh", [
        { start: 1, end: 3 },
        { start: 5, end: 6 },
      ]),
    ).toEqual([
      { text: "a", mark: false },
      { text: "bc", mark: true },
      { text: "de", mark: false },
      { text: "f", mark: true },
      { text: "gh", mark: false },
    ]);
  });

  it("clamps spans past the end and keeps all text", () => {
    const parts = segmentText("abc", [{ start: 2, end: 10 }]);
    expect(parts.map((p) => p.text).join("")).toBe("abc");
    expect(parts.at(-1)).toEqual({ text: "c", mark: true });
  });
});

describe("shownQuality", () => {
  it("scores a stale pair now, and adds the duplicate kind to its flags", () => {
    const q = shownQuality(
      pair({ stale: 1, duplicate: { kind: "nearDuplicate", group: "g" } }),
      indexSource(TEXT),
    );
    expect(q?.grounding).toBe(1);
    expect(q?.flags).toContain("nearDuplicate");
    expect(q?.duplicate?.group).toBe("g");
  });

  it("uses the stored quality when it is fresh, and the curator's task type over it", () => {
    const q = shownQuality(
      pair({
        quality: { grounding: 0.25, flags: ["weakGrounding"], taskType: "other" },
        taskType: "math",
      }),
      undefined,
    );
    expect(q).toMatchObject({ grounding: 0.25, flags: ["weakGrounding"], taskType: "math" });
    expect(q?.taskTypeSetByCurator).toBe(true);
  });

  it("shows nothing for a stale pair without its chunk", () => {
    expect(shownQuality(pair({ stale: 1 }), undefined)).toBeNull();
  });
});

describe("evidence", () => {
  it("finds the quoted words in the chunk", () => {
    const [span] = evidenceSpans(pair(), indexSource(TEXT));
    expect(span && TEXT.slice(span.start, span.end)).toBe("lava cools quickly");
  });

  it("takes the stored spans while the quality is up to date, and finds them again after", () => {
    const quality = { grounding: 1, flags: [], taskType: "freeFormQa" as const, spans: [0, 6] };
    expect(evidenceSpans(pair({ quality }), indexSource(TEXT))).toEqual([{ start: 0, end: 6 }]);
    const [span] = evidenceSpans(pair({ quality, stale: 1 }), indexSource(TEXT));
    expect(span && TEXT.slice(span.start, span.end)).toBe("lava cools quickly");
  });

  it("labels grounding", () => {
    expect(groundingLabel(0.824)).toBe("Grounded 82%");
    expect(groundingLabel(null)).toBe("Grounding n/a");
  });
});
