import { describe, expect, it } from "vitest";
import {
  MAX_LISTED,
  creditBatch,
  addCapped,
  emptyList,
  emptyTally,
  fileReport,
  issueText,
  reportSummary,
  reportTotals,
  type RecordIssue,
} from "./report";

const issues = (...list: RecordIssue[]) => {
  const l = emptyList<RecordIssue>();
  for (const i of list) addCapped(l, i);
  return l;
};

describe("import report", () => {
  it("caps lists but keeps exact totals", () => {
    const l = emptyList<number>();
    for (let i = 0; i < MAX_LISTED + 5; i++) addCapped(l, i);
    expect(l.items).toHaveLength(MAX_LISTED);
    expect(l.total).toBe(MAX_LISTED + 5);
  });

  it("imported, skipped as duplicates, or failed with the first problem", () => {
    const bad = issues({ unit: "line", n: 3, problem: "bad JSON" });
    const ok = { file: 0, ok: true as const, issues: bad };
    expect(reportSummary(fileReport("d.jsonl", ok, { ...emptyTally(), added: 2 }))).toBe(
      "2 documents · 1 bad line",
    );
    const dupTally = emptyTally();
    addCapped(dupTally.duplicates, { title: "Copy", of: "Notes" });
    const skipped = fileReport("copy.txt", { file: 1, ok: true, issues: emptyList() }, dupTally);
    expect(skipped.status).toBe("skipped");
    expect(reportSummary(skipped)).toBe("already in the project");
    const none = fileReport("dir/x.jsonl", { file: 2, ok: true, issues: bad }, emptyTally());
    expect(none).toMatchObject({
      status: "failed",
      reason: "x.jsonl has no usable records: bad JSON on line 3.",
    });
    const failed = fileReport(
      "x.pdf",
      { file: 3, ok: false, reason: "corrupt", issues: emptyList() },
      emptyTally(),
    );
    expect([failed.status, failed.reason, reportSummary(failed)]).toEqual([
      "failed",
      "corrupt",
      "",
    ]);
    const cut = { ...failed, status: "cancelled" as const, documents: 1, reason: undefined };
    expect(reportSummary(cut)).toBe("1 document stored before the cancel");
    expect(issueText({ unit: "row", n: 4, problem: 'missing field "text"' })).toBe(
      'missing field "text" on row 4',
    );
    expect(reportTotals([skipped, none, failed])).toMatchObject({
      documents: 0,
      withDocuments: 0,
      duplicates: 1,
      failed: 2,
      skipped: 1,
    });
  });
});

describe("creditBatch", () => {
  it("tells added documents from skipped duplicates and credits each file", () => {
    const tallies = new Map<number, ReturnType<typeof emptyTally>>();
    const docs = [
      { file: 0, title: "a", contentHash: "h1" },
      { file: 0, title: "a again", contentHash: "h1" },
      { file: 1, title: "b", contentHash: "h2" },
      { file: 1, title: "old", contentHash: "h0" },
      { file: 2, title: "c", contentHash: "h3" },
    ];
    creditBatch(
      tallies,
      docs,
      [{ contentHash: "h1" }, { contentHash: "h2" }, { contentHash: "h3" }],
      [{ duplicateOf: "a" }, { duplicateOf: "stored" }],
    );
    expect(tallies.get(0)).toEqual({
      added: 1,
      duplicates: { items: [{ title: "a again", of: "a" }], total: 1 },
    });
    expect(tallies.get(1)?.duplicates.items).toEqual([{ title: "old", of: "stored" }]);
    expect([tallies.get(1)?.added, tallies.get(2)?.added]).toEqual([1, 1]);
  });
});
