import "fake-indexeddb/auto";
import { Dexie } from "dexie";
import { expect, it } from "vitest";
import { pairsOfDocument, pairsOfProject, readProjectPairs } from "./cursor";
import { projectTitles } from "./documents";
import { StudioDB } from "./schema";
import { NO_SWEEPS, statusesOtherThan } from "./sweeps";

/** The v3 schema as it shipped. */
const V3_STORES = {
  projects: "id, createdAt",
  documents: "id, projectId, [projectId+createdAt], [projectId+contentHash]",
  chunks: "id, projectId, [documentId+index]",
  results:
    "id, projectId, documentId, chunkId, state, [documentId+startedAt], jobId, [projectId+state+chunkId]",
  pairs:
    "id, projectId, documentId, chunkId, resultId, [documentId+index], status, stale, [projectId+updatedAt]",
  settings: "key",
  jobs: "id, projectId, state, [projectId+createdAt]",
  tasks: "id, jobId, [jobId+round], [jobId+state], [jobId+state+chunkId], state, chunkId",
  history: "++seq, [projectId+step], session",
};
/** The v4 schema as it shipped: v3's stores and two new ones. */
const V4_STORES = { ...V3_STORES, sweeps: "++seq, projectId", marks: "id, [projectId+at]" };
/** The v5 schema as it shipped: v4's with indexes for reading a project in pages. */
const V5_STORES = {
  ...V4_STORES,
  documents: "id, projectId, [projectId+createdAt], [projectId+contentHash], [projectId+title]",
  pairs:
    "id, projectId, documentId, chunkId, resultId, [documentId+index], status, stale, [projectId+updatedAt], [projectId+id]",
};

it("upgrades a v1 database: every document becomes one chunk, results and pairs point at it", async () => {
  const name = `upgrade-${Math.random()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores({
    projects: "id, createdAt",
    documents: "id, projectId, [projectId+createdAt], contentHash",
    results: "id, projectId, documentId, state, [documentId+startedAt]",
    pairs: "id, projectId, documentId, resultId, [documentId+index], status",
    settings: "key",
  });
  const text = "Cells divide. They grow.";
  await v1.table("documents").add({
    id: "d1",
    projectId: "p1",
    title: "Doc",
    source: { kind: "paste" },
    text,
    contentHash: "h",
    createdAt: 1,
    updatedAt: 1,
  });
  await v1.table("results").add({ id: "r1", projectId: "p1", documentId: "d1", state: "done" });
  await v1.table("pairs").add({ id: "q1", projectId: "p1", documentId: "d1", resultId: "r1" });
  v1.close();

  const db = new StudioDB(name);
  const chunks = await db.chunks.toArray();
  // 4 space-separated parts in the text + "<s>", "<CON>", "</CON>\n\n" wrapping = 7 parts × 1.5.
  expect(chunks).toEqual([
    {
      id: "d1:0",
      projectId: "p1",
      documentId: "d1",
      index: 0,
      start: 0,
      end: text.length,
      tokens: 10.5,
      budgetMode: "words",
    },
  ]);
  expect((await db.results.get("r1"))?.chunkId).toBe("d1:0");
  expect((await db.pairs.get("q1"))?.chunkId).toBe("d1:0");
  expect(await db.pairs.where("chunkId").equals("d1:0").count()).toBe(1);
  // Version 3: every existing pair is waiting to be scored.
  expect(await db.pairs.where("stale").equals(1).primaryKeys()).toEqual(["q1"]);
  expect(await db.history.count()).toBe(0);
  await db.delete();
});

it("upgrades a v3 database: duplicate marks move from the pairs to their own table", async () => {
  const name = `upgrade-${Math.random()}`;
  const old = new Dexie(name);
  old.version(3).stores(V3_STORES);
  const mark = { kind: "nearDuplicate", group: "g1" };
  await old.table("pairs").bulkAdd([
    { id: "q1", projectId: "p1", documentId: "d1", chunkId: "d1:0", duplicate: mark },
    { id: "q2", projectId: "p1", documentId: "d1", chunkId: "d1:0" },
  ]);
  old.close();

  const db = new StudioDB(name);
  expect(await db.marks.toArray()).toEqual([{ id: "q1", projectId: "p1", duplicate: mark, at: 0 }]);
  expect((await db.pairs.get("q1"))?.duplicate).toBeUndefined();
  expect(await db.sweeps.count()).toBe(0);
  await db.delete();
});

it("upgrades a v4 database: a project's pairs and titles can be read by the new indexes", async () => {
  const name = `upgrade-${Math.random()}`;
  const old = new Dexie(name);
  old.version(4).stores(V4_STORES);
  await old.table("documents").bulkAdd([
    { id: "d1", projectId: "p1", title: "First", text: "x" },
    { id: "d2", projectId: "p2", title: "Other", text: "y" },
  ]);
  await old.table("pairs").bulkAdd([
    { id: "q1", projectId: "p1", documentId: "d1" },
    { id: "q2", projectId: "p2", documentId: "d2" },
    { id: "q3", projectId: "p1", documentId: "d1" },
  ]);
  old.close();

  const ctx = { db: new StudioDB(name), now: () => 0, newId: () => "n" };
  expect((await readProjectPairs(ctx, "p1", "q1", 10)).map((p) => p.id)).toEqual(["q3"]);
  expect([...(await projectTitles(ctx, "p1"))]).toEqual([["d1", "First"]]);
  await ctx.db.delete();
});

it("upgrades a v5 database: the stored pairs are read by the indexes that replace the old ones", async () => {
  const name = `upgrade-${Math.random()}`;
  const old = new Dexie(name);
  old.version(5).stores(V5_STORES);
  await old.table("pairs").bulkAdd([
    { id: "q1", projectId: "p1", documentId: "d1", index: 1, status: "accepted" },
    { id: "q2", projectId: "p1", documentId: "d1", index: 0, status: "rejected" },
    { id: "q3", projectId: "p2", documentId: "d2", index: 0, status: "accepted" },
  ]);
  old.close();

  const ctx = { db: new StudioDB(name), now: () => 0, newId: () => "n" };
  const other = await statusesOtherThan(ctx, "p1", ["q1", "q2", "q3"], "rejected", NO_SWEEPS);
  expect([...other]).toEqual([["q1", "accepted"]]);
  // The indexes that replace the dropped `projectId` and `documentId` ones.
  expect(await pairsOfProject(ctx, "p1").primaryKeys()).toEqual(["q1", "q2"]);
  expect(await pairsOfDocument(ctx, "d1").primaryKeys()).toEqual(["q2", "q1"]);
  await ctx.db.delete();
});
