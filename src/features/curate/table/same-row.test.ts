import { describe, expect, it } from "vitest";
import type { PairsTableRow } from "../../../core/curation/pairs-index";
import { sameRow } from "./same-row";

const row: PairsTableRow = {
  id: "a",
  documentId: "d",
  index: 0,
  question: "Why?",
  answer: "Day 1.",
  status: "pending",
  grounding: 1,
  scored: true,
  taskType: "freeFormQa",
  taskTypeSet: false,
  flags: ["shortQuestion", "duplicate"],
  group: "g",
  edited: false,
  createdAt: 1,
  updatedAt: 1,
  title: "Meeting 1",
};

describe("sameRow", () => {
  it("keeps a row read again unchanged", () => {
    expect(sameRow(row, { ...row, flags: [...row.flags] })).toBe(true);
  });

  it("sees the changes that move no write time", () => {
    expect(sameRow(row, { ...row, title: "Renamed" })).toBe(false);
    expect(sameRow(row, { ...row, status: "rejected" })).toBe(false);
    // The other members of its duplicate group were deleted: the mark is cleared.
    expect(sameRow(row, { ...row, flags: ["shortQuestion"], group: null })).toBe(false);
    expect(sameRow(row, { ...row, group: "h" })).toBe(false);
    expect(sameRow(row, { ...row, flags: ["shortQuestion", "nearDuplicate"] })).toBe(false);
    expect(sameRow(row, { ...row, updatedAt: 2 })).toBe(false);
  });
});
