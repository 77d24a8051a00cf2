import { describe, expect, it } from "vitest";
import {
  acceptanceRate,
  countStudio,
  keepsPair,
  toCollections,
  type StudioDocument,
} from "./studio-dataset";

const docs: StudioDocument[] = [
  {
    id: "a",
    title: "First",
    text: "Text one.",
    pairs: [
      { question: "Q1", answer: "A1", status: "accepted" },
      { question: "Q2", answer: "A2", status: "pending", edited: true },
      { question: "Q3", answer: "A3", status: "rejected" },
      { question: "Q4", answer: "A4", status: "accepted", edited: true },
    ],
  },
  {
    title: "Second",
    text: "Text two.",
    pairs: [{ question: "Q5", answer: "A5", status: "rejected" }],
  },
];

describe("toCollections", () => {
  it("keeps only accepted pairs, in order, under the accepted filter", () => {
    const [first, second] = toCollections(docs, "accepted");
    expect(first?.[0]?.pairs).toEqual([
      { question: "Q1", answer: "A1" },
      { question: "Q4", answer: "A4" },
    ]);
    // A document with nothing accepted still travels, with no pairs: cooking writes it raw.
    expect(second?.[0]?.pairs).toEqual([]);
    expect(second?.[0]?.text).toBe("Text two.");
  });

  it("keeps accepted and pending pairs under the non-rejected filter", () => {
    const [first] = toCollections(docs, "non-rejected");
    expect(first?.[0]?.pairs.map((p) => p.question)).toEqual(["Q1", "Q2", "Q4"]);
  });

  it("makes one unlinked single-entry collection per document, traceable to it", () => {
    const collections = toCollections(docs, "accepted");
    expect(collections).toHaveLength(2);
    for (const c of collections) {
      expect(c).toHaveLength(1);
      expect(c[0]?.inheritsFromPrevious).toBe(false);
      expect(c[0]?.followedByNext).toBe(false);
    }
    expect(collections.map((c) => c[0]?.source)).toEqual([0, 1]);
    expect(collections[0]?.[0]?.meta).toEqual({ id: "a", title: "First" });
    expect(collections[1]?.[0]?.meta).toEqual({ title: "Second" });
  });

  it("does not let pair statuses or edit flags into the collections", () => {
    const json = JSON.stringify(toCollections(docs, "non-rejected"));
    expect(json).not.toContain("status");
    expect(json).not.toContain("edited");
  });

  it("matches keepsPair for every status", () => {
    expect(keepsPair("accepted", "accepted")).toBe(true);
    expect(keepsPair("pending", "accepted")).toBe(false);
    expect(keepsPair("rejected", "accepted")).toBe(false);
    expect(keepsPair("accepted", "non-rejected")).toBe(true);
    expect(keepsPair("pending", "non-rejected")).toBe(true);
    expect(keepsPair("rejected", "non-rejected")).toBe(false);
  });
});

describe("countStudio and acceptanceRate", () => {
  it("counts documents and pairs by status", () => {
    expect(countStudio(docs)).toEqual({
      documents: 2,
      pairs: 5,
      accepted: 2,
      rejected: 2,
      pending: 1,
    });
    expect(countStudio([])).toEqual({
      documents: 0,
      pairs: 0,
      accepted: 0,
      rejected: 0,
      pending: 0,
    });
  });

  it("rates accepted over reviewed pairs, and is null before any review", () => {
    expect(acceptanceRate({ accepted: 2, rejected: 2 })).toBe(0.5);
    expect(acceptanceRate({ accepted: 3, rejected: 0 })).toBe(1);
    expect(acceptanceRate({ accepted: 0, rejected: 0 })).toBeNull();
  });
});
