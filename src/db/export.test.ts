import "fake-indexeddb/auto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCollectionsJsonl } from "../core/export/collections-jsonl";
import type { GoldenChainedProject } from "../core/export/golden.test-helpers";
import {
  toChainedCollections,
  type StudioEntry,
  type StudioPair,
} from "../core/export/studio-dataset";
import type { DbContext } from "./context";
import { addChunkedDocuments } from "./chunks";
import {
  countProjectForExport,
  planProjectExport,
  readExportBatch,
  readProjectForExport,
  scanProjectPairs,
} from "./export";
import { importEntries } from "./import";
import { listPairs, updatePair } from "./pairs";
import { createProject } from "./projects";
import { finishResult, startResult } from "./results";
import { StudioDB, type ChunkRow, type EntryLink } from "./schema";

const testdata = new URL("../core/export/testdata/", import.meta.url);
const golden = JSON.parse(
  readFileSync(new URL("golden-chained-project.json", testdata), "utf8"),
) as GoldenChainedProject;

let ctx: DbContext;
beforeEach(() => {
  let n = 0;
  let t = 1000;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

const entriesOf = (id: string) => golden.chains.flat().filter((e) => e.id === id);

/** Synthesizes `chunk` with `entry`'s pairs and link, then gives the pairs their statuses. */
async function synthesize(chunk: ChunkRow, entry: StudioEntry, link?: EntryLink) {
  const run = await startResult(ctx, {
    projectId: chunk.projectId,
    documentId: chunk.documentId,
    chunkId: chunk.id,
    ...(link ? { link } : {}),
    prompt: "p",
    engineId: "test",
    modelId: "m",
    settings: { maxTokens: 400, temperature: 0 },
  });
  const pairs = await finishResult(ctx, run, {
    prompt: "p",
    rawOutput: "raw",
    pairs: entry.pairs.map(({ question, answer }) => ({ question, answer })),
    finishReason: "stop",
    startedAt: 1,
    finishedAt: 2,
  });
  for (const [i, p] of pairs.entries()) {
    await updatePair(ctx, p.id, { status: entry.pairs[i]?.status ?? "pending" });
  }
}

/**
 * The golden chained project in the database: the reef document is two chunks, and a two-round
 * job chained volcano → reef#1 and reef#0 → lighthouse.
 */
async function chainedProject() {
  const project = await createProject(ctx, "Chained");
  const doc = (id: string) => {
    const parts = entriesOf(id).sort((a, b) => (a.chunk ?? 0) - (b.chunk ?? 0));
    let at = 0;
    const chunks = parts.map((e) => {
      const start = at;
      at += e.text.length + 1;
      return { start, end: start + e.text.length, tokens: 10 };
    });
    return {
      title: parts[0]?.title ?? "",
      text: parts.map((e) => e.text).join(" "),
      source: { kind: "paste" as const },
      chunks,
      budgetMode: "words" as const,
    };
  };
  const { added } = await addChunkedDocuments(ctx, project.id, [
    doc("doc-volcano"),
    doc("doc-reef"),
    doc("doc-lighthouse"),
  ]);
  const chunks = await ctx.db.chunks.where("projectId").equals(project.id).toArray();
  const chunkOf = (docIndex: number, index = 0) => {
    const c = chunks.find((r) => r.documentId === added[docIndex]?.id && r.index === index);
    if (!c) throw new Error("chunk missing");
    return c;
  };
  const [volcano, reef0, reef1, lighthouse] = [
    chunkOf(0),
    chunkOf(1, 0),
    chunkOf(1, 1),
    chunkOf(2),
  ];
  const first: EntryLink = { demonstrations: 0, inheritsFromPrevious: false, followedByNext: true };
  const [v, r1, r0, l] = [
    ...entriesOf("doc-volcano"),
    ...entriesOf("doc-reef").sort((a, b) => (b.chunk ?? 0) - (a.chunk ?? 0)),
    ...entriesOf("doc-lighthouse"),
  ] as StudioEntry[];
  const inherits = (previous: ChunkRow): EntryLink => ({
    previousChunkId: previous.id,
    demonstrations: 1,
    inheritsFromPrevious: true,
    followedByNext: false,
  });
  // Round 0, then round 1 with the round-0 entries as demonstrations.
  await synthesize(volcano, v as StudioEntry, first);
  await synthesize(reef0, r0 as StudioEntry, first);
  await synthesize(reef1, r1 as StudioEntry, inherits(volcano));
  await synthesize(lighthouse, l as StudioEntry, inherits(reef0));
  const ids = new Map([
    [added[0]?.id, "doc-volcano"],
    [added[1]?.id, "doc-reef"],
    [added[2]?.id, "doc-lighthouse"],
  ]);
  return { project, chunks: { volcano, reef0, reef1, lighthouse }, ids };
}

/** The plan's entries read in batches of `size` collections, ids renamed to the fixture's. */
async function readAll(projectId: string, ids: Map<string | undefined, string>, size = 1) {
  const plan = await planProjectExport(ctx, projectId);
  const chains: StudioEntry[][] = [];
  for (let at = 0; at < plan.collections.length; at += size) {
    chains.push(...(await readExportBatch(ctx, projectId, plan.collections.slice(at, at + size))));
  }
  return {
    plan,
    chains: chains.map((c) => c.map((e) => ({ ...e, id: ids.get(e.id) ?? e.id }))),
  };
}

describe("export reads chunks and links", () => {
  it("rebuilds the golden chained project's collections from the database", async () => {
    const { project, ids } = await chainedProject();
    const { plan, chains } = await readAll(project.id, ids);
    expect(plan.entries).toBe(4);
    expect(chains).toEqual(golden.chains);
    const { chains: together } = await readAll(project.id, ids, 10);
    expect(together).toEqual(golden.chains);
  });

  it("reads the same collections from pairs scanned up front as one request per chunk", async () => {
    const { project, ids } = await chainedProject();
    const byChunk = new Map<string, (StudioPair & { index: number })[]>();
    let counted = 0;
    const seen = await scanProjectPairs(
      ctx,
      project.id,
      (p) => {
        const list = byChunk.get(p.chunkId) ?? [];
        list.push({ question: p.question, answer: p.answer, status: p.status, index: p.index });
        byChunk.set(p.chunkId, list);
      },
      { count: (n) => (counted = n) },
    );
    expect([seen, counted]).toEqual([7, 7]);
    const pairs = new Map(
      [...byChunk].map(([id, list]) => [
        id,
        list
          .sort((a, b) => a.index - b.index)
          .map(({ question, answer, status }) => ({ question, answer, status })),
      ]),
    );
    const plan = await planProjectExport(ctx, project.id);
    const read = await readExportBatch(ctx, project.id, plan.collections, pairs);
    expect(read.map((c) => c.map((e) => ({ ...e, id: ids.get(e.id) ?? e.id })))).toEqual(
      golden.chains,
    );
    // Stopped early, the scan sees no more pairs than it was let to.
    let left = 3;
    expect(await scanProjectPairs(ctx, project.id, () => left--, { stop: () => left <= 0 })).toBe(
      3,
    );
  });

  it("keeps the studio's project JSONL one line per document", async () => {
    const { project } = await chainedProject();
    const docs = await readProjectForExport(ctx, project.id);
    expect(docs.map((d) => [d.title, d.pairs.length])).toEqual([
      ["Volcanoes", 2],
      ["Coral reefs", 4],
      ["The lighthouse keeper", 1],
    ]);
    expect(await countProjectForExport(ctx, project.id)).toEqual({
      documents: 3,
      pairs: 7,
      accepted: 4,
      rejected: 1,
      pending: 2,
    });
  });

  it("follows only the latest finished result's link, and never two entries to one", async () => {
    const { project, chunks, ids } = await chainedProject();
    // The lighthouse is synthesized again, now claiming the volcano, which reef#1 already joined.
    await synthesize(
      chunks.lighthouse,
      { title: "", text: "", pairs: [] },
      {
        previousChunkId: chunks.volcano.id,
        demonstrations: 1,
        inheritsFromPrevious: true,
        followedByNext: false,
      },
    );
    const { chains } = await readAll(project.id, ids);
    expect(chains.map((c) => c.map((e) => `${e.id}#${e.chunk ?? 0}`))).toEqual([
      ["doc-volcano#0", "doc-reef#1"],
      ["doc-reef#0"],
      ["doc-lighthouse#0"],
    ]);
    expect(chains[1]?.[0]).not.toHaveProperty("followedByNext");
    expect(chains[2]?.[0]).not.toHaveProperty("inheritsFromPrevious");
  });

  it("exports a document stored without chunks as one whole entry, and skips deleted ones", async () => {
    const { project, chunks, ids } = await chainedProject();
    await ctx.db.documents.add({
      id: "bare",
      projectId: project.id,
      title: "Bare",
      source: { kind: "paste" },
      text: "A document from before chunks.",
      contentHash: "h",
      createdAt: 9999,
      updatedAt: 9999,
    });
    const plan = await planProjectExport(ctx, project.id);
    await ctx.db.documents.delete(chunks.volcano.documentId);
    const read = await readExportBatch(ctx, project.id, plan.collections);
    expect(read.map((c) => c.map((e) => ids.get(e.id) ?? e.id))).toEqual([
      ["doc-reef"],
      ["doc-reef", "doc-lighthouse"],
      ["bare"],
    ]);
    // The reef chunk lost the entry it inherited from: it now heads its collection.
    expect(toChainedCollections(read, "accepted")[0]?.[0]?.inheritsFromPrevious).toBe(false);
  });
});

describe("collections JSONL import", () => {
  it("restores chains as links, so the export writes the same collections", async () => {
    const file = readFileSync(new URL("golden-chained.collections.jsonl", testdata), "utf8");
    const parsed = parseCollectionsJsonl(file);
    if (!parsed.ok) throw new Error(parsed.error);
    const project = await createProject(ctx, "Imported");
    const docs = await importEntries(ctx, project.id, parsed.value.flat(), { name: "c.jsonl" });
    expect(docs).toHaveLength(4);
    const chunkIds: string[] = [];
    const links: (EntryLink | undefined)[] = [];
    for (const d of docs) {
      chunkIds.push((await ctx.db.chunks.where("documentId").equals(d.id).first())?.id ?? "");
      links.push((await ctx.db.results.where("documentId").equals(d.id).first())?.link);
    }
    expect(links.map((l) => l?.inheritsFromPrevious)).toEqual([false, true, false, true]);
    expect(links.map((l) => l?.previousChunkId)).toEqual([
      undefined,
      chunkIds[0],
      undefined,
      chunkIds[2],
    ]);
    expect(links.map((l) => l?.demonstrations)).toEqual([0, 1, 0, 1]);
    expect(links.map((l) => l?.followedByNext)).toEqual([true, false, true, false]);
    // Imported pairs are pending: export them all and compare with the file, meta aside.
    for (const d of docs) {
      for (const p of await listPairs(ctx, d.id))
        await updatePair(ctx, p.id, { status: "accepted" });
    }
    const { chains } = await readAll(project.id, new Map());
    const again = toChainedCollections(chains, "accepted").map((c) =>
      c.map(({ text, pairs, inheritsFromPrevious, followedByNext }) => ({
        text,
        pairs,
        inheritsFromPrevious,
        followedByNext,
      })),
    );
    expect(again).toEqual(
      parsed.value.map((c) =>
        c.map(({ text, pairs, inheritsFromPrevious, followedByNext }) => ({
          text,
          pairs,
          inheritsFromPrevious,
          followedByNext,
        })),
      ),
    );
  });
});
