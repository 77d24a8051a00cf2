import { describe, expect, it } from "vitest";
import type { StudioPair } from "../../core/export/studio-dataset";
import type { ExportPlanEntry } from "../../db";
import { PairSpool } from "./pair-spool";

const entry = (chunkId: string): ExportPlanEntry => ({
  chunkId,
  documentId: `doc-${chunkId}`,
  start: 0,
  end: 1,
  createdAt: 0,
  inheritsFromPrevious: false,
  followedByNext: false,
});

/** Three batches: [[a, b], [c]], [[d]], [[e]]; 40 pairs per chunk, a long text each. */
const batches = [[[entry("a"), entry("b")], [entry("c")]], [[entry("d")]], [[entry("e")]]];
const statuses: StudioPair["status"][] = ["accepted", "pending", "rejected"];
const pairs = ["a", "b", "c", "d", "e", "not-in-plan"].flatMap((chunkId) =>
  Array.from({ length: 40 }, (_, index) => ({
    chunkId,
    index,
    status: statuses[index % 3] ?? "accepted",
    question: `Q${index} of ${chunkId}: "quoted", ünïcödé, ${"x".repeat(2_000)}`,
    answer: `A${index}\nof ${chunkId}`,
  })),
);
/** A shuffle that is the same every run. */
const shuffled = [...pairs].sort((x, y) => ((x.index * 7919) % 97) - ((y.index * 7919) % 97));

describe("PairSpool", () => {
  it("gives each batch its chunks' pairs in pair order, whatever order they came in", async () => {
    const spool = new PairSpool(batches, "non-rejected");
    for (const p of shuffled) spool.add(p);
    spool.finish();
    const first = await spool.pairs(0);
    expect([...first.keys()].sort()).toEqual(["a", "b", "c"]);
    for (const [chunkId, got] of [...first, ...(await spool.pairs(1)), ...(await spool.pairs(2))]) {
      expect(got).toEqual(
        pairs
          .filter((p) => p.chunkId === chunkId && p.status !== "rejected")
          .map(({ question, answer, status }) => ({ question, answer, status })),
      );
    }
    // Read again for the next pass: the same pairs.
    expect(await spool.pairs(0)).toEqual(first);
  });

  it("keeps only the pairs the filter exports", async () => {
    const spool = new PairSpool(batches, "accepted");
    for (const p of shuffled) spool.add(p);
    spool.finish();
    const got = (await spool.pairs(1)).get("d") ?? [];
    expect(got.map((p) => p.status)).toEqual(Array(14).fill("accepted"));
  });

  it("answers an empty map for a batch without pairs", async () => {
    const spool = new PairSpool(batches, "accepted");
    spool.finish();
    expect((await spool.pairs(2)).size).toBe(0);
    expect((await spool.pairs(9)).size).toBe(0);
  });
});
