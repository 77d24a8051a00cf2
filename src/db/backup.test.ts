import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Backup } from "../core/backup-format";
import { BackupError, createBackup, restoreBackup } from "./backup";
import type { DbContext } from "./context";
import { listChunks } from "./chunks";
import { createDocument } from "./documents";
import { addManualPair, listPairs, updatePair } from "./pairs";
import { createProject } from "./projects";
import { finishResult, startResult } from "./results";
import { StudioDB } from "./schema";
import { getSetting, setSetting } from "./settings";
import { StorageError } from "./storage-error";

const APP = { name: "IPT Studio", version: "0.1.0" };
let ctx: DbContext;

beforeEach(() => {
  let n = 0;
  let t = 1000;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

/** A project with two documents, model and manual pairs, reviews, an edit and a setting. */
async function seed() {
  const project = await createProject(ctx, "Biology");
  const docs = [];
  for (const [title, text] of [
    ["Cells", "Cells divide."],
    ["Leaves", "Leaves are green."],
  ] as const) {
    const doc = await createDocument(ctx, {
      projectId: project.id,
      title,
      text,
      source: { kind: "file", name: `${title}.txt`, mime: "text/plain", size: text.length },
    });
    const run = await startResult(ctx, {
      projectId: project.id,
      documentId: doc.id,
      chunkId: (await listChunks(ctx, doc.id))[0]?.id ?? "",
      prompt: `prompt for ${title}`,
      engineId: "test",
      modelId: "m",
      settings: { maxTokens: 400, temperature: 0 },
    });
    await finishResult(ctx, run, {
      prompt: "p",
      rawOutput: `raw ${title}`,
      pairs: [
        { question: `${title} q1`, answer: "a1" },
        { question: `${title} q2`, answer: "a2" },
      ],
      finishReason: "stop",
      usage: { promptTokens: 5, completionTokens: 9 },
      startedAt: 1,
      finishedAt: 2,
    });
    docs.push(doc);
  }
  const [first, second] = await listPairs(ctx, docs[0]?.id ?? "");
  await updatePair(ctx, first?.id ?? "", { status: "accepted", answer: "better" });
  await updatePair(ctx, second?.id ?? "", { status: "rejected" });
  await addManualPair(ctx, {
    projectId: project.id,
    documentId: docs[1]?.id ?? "",
    question: "mine",
    answer: "x",
  });
  await setSetting(ctx, "remote-server", {
    baseUrl: "http://localhost:8080/v1",
    model: "m",
    apiKey: "sk-secret",
  });
  return { project, docs };
}

async function counts() {
  const { db } = ctx;
  return Promise.all(
    [db.projects, db.documents, db.results, db.pairs, db.settings].map((t) => t.count()),
  );
}

/** The backup with every id replaced by its position, so two projects can be compared. */
function normalize(b: Backup) {
  const docs = new Map(b.documents.map((d, i) => [d.id, `doc${i}`]));
  const results = new Map(b.results.map((r, i) => [r.id, `result${i}`]));
  const common = { projectId: "project" };
  return {
    documents: b.documents.map((d) => ({ ...d, ...common, id: docs.get(d.id) })),
    results: b.results.map((r) => ({
      ...r,
      ...common,
      id: results.get(r.id),
      documentId: docs.get(r.documentId),
    })),
    pairs: b.pairs.map((p) => ({
      ...p,
      ...common,
      id: "pair",
      documentId: docs.get(p.documentId),
      resultId: p.resultId && results.get(p.resultId),
    })),
    settings: b.settings,
  };
}

const asFile = (b: Backup): unknown => JSON.parse(JSON.stringify(b));

describe("backup and restore", () => {
  it("restores an identical project with fresh ids, twice without collisions", async () => {
    const { project } = await seed();
    const backup = await createBackup(ctx, project.id, APP);
    expect(backup.pairs.map((p) => [p.question, p.answer, p.status, p.edited, p.origin])).toEqual([
      ["Cells q1", "better", "accepted", true, "model"],
      ["Cells q2", "a2", "rejected", false, "model"],
      ["Leaves q1", "a1", "pending", false, "model"],
      ["Leaves q2", "a2", "pending", false, "model"],
      ["mine", "x", "accepted", false, "manual"],
    ]);
    const first = await restoreBackup(ctx, asFile(backup), { kind: "new-project" });
    const second = await restoreBackup(ctx, asFile(backup), { kind: "new-project", name: "Copy" });
    expect(first).toMatchObject({ documents: 2, results: 2, pairs: 5, skippedDocuments: 0 });
    expect(await counts()).toEqual([3, 6, 6, 15, 1]);

    const restored = await createBackup(ctx, first.projectId, APP);
    expect(normalize(restored)).toEqual(normalize(backup));
    expect(restored.project.name).toBe("Biology (restored)");
    expect((await createBackup(ctx, second.projectId, APP)).project.name).toBe("Copy");
    const originalIds = new Set(
      [...backup.documents, ...backup.results, ...backup.pairs].map((r) => r.id),
    );
    expect(restored.pairs.some((p) => originalIds.has(p.id) || originalIds.has(p.documentId))).toBe(
      false,
    );
  });

  it("never puts an API key in a backup, and restores settings only on request", async () => {
    const { project } = await seed();
    const backup = await createBackup(ctx, project.id, APP);
    expect(JSON.stringify(backup)).not.toContain("sk-secret");
    expect(backup.settings).toEqual([
      { key: "remote-server", value: { baseUrl: "http://localhost:8080/v1", model: "m" } },
    ]);

    await setSetting(ctx, "remote-server", { baseUrl: "http://other", apiKey: "sk-local" });
    await restoreBackup(ctx, backup, { kind: "new-project" });
    expect(await getSetting(ctx, "remote-server", null)).toEqual({
      baseUrl: "http://other",
      apiKey: "sk-local",
    });
    const summary = await restoreBackup(
      ctx,
      backup,
      { kind: "new-project" },
      { restoreSettings: true },
    );
    expect(summary.settings).toBe(1);
    expect(await getSetting(ctx, "remote-server", null)).toEqual({
      baseUrl: "http://localhost:8080/v1",
      model: "m",
      apiKey: "sk-local",
    });
  });

  it("merges into a project, skipping documents it already has", async () => {
    const { project } = await seed();
    const backup = await createBackup(ctx, project.id, APP);
    const target = await createProject(ctx, "Target");
    // Same content with different whitespace: the content hash normalizes it.
    await createDocument(ctx, {
      projectId: target.id,
      title: "Mine",
      text: "Cells   divide.\n",
      source: { kind: "paste" },
    });
    const merged = await restoreBackup(ctx, backup, { kind: "merge", projectId: target.id });
    expect(merged).toMatchObject({
      projectId: target.id,
      documents: 1,
      results: 1,
      pairs: 3,
      skippedDocuments: 1,
    });
    const again = await restoreBackup(ctx, backup, { kind: "merge", projectId: target.id });
    expect(again).toMatchObject({ documents: 0, pairs: 0, skippedDocuments: 2 });
    const after = await createBackup(ctx, target.id, APP);
    expect(after.documents.map((d) => d.title)).toEqual(["Mine", "Leaves"]);
    expect(after.pairs.map((p) => p.question)).toEqual(["Leaves q1", "Leaves q2", "mine"]);
  });

  it("refuses a corrupt or newer backup with a clear message and changes nothing", async () => {
    const { project } = await seed();
    const backup = await createBackup(ctx, project.id, APP);
    const before = await counts();
    const corrupt = asFile(backup) as { pairs: { status: string }[] };
    (corrupt.pairs[3] as { status: string }).status = "maybe";
    const newer = { ...backup, version: 2 };
    await expect(restoreBackup(ctx, corrupt, { kind: "new-project" })).rejects.toThrow(
      "pairs[3].status must be pending, accepted or rejected",
    );
    await expect(restoreBackup(ctx, newer, { kind: "new-project" })).rejects.toThrow(
      "This backup was written by a newer IPT Studio (format version 2); update the studio to restore it.",
    );
    await expect(restoreBackup(ctx, { hello: 1 }, { kind: "new-project" })).rejects.toBeInstanceOf(
      BackupError,
    );
    await expect(restoreBackup(ctx, backup, { kind: "merge", projectId: "gone" })).rejects.toThrow(
      "no longer exists",
    );
    expect(await counts()).toEqual(before);
  });

  it("writes nothing when the disk fills up halfway through a restore", async () => {
    const { project } = await seed();
    const backup = await createBackup(ctx, project.id, APP);
    const before = await counts();
    const original = ctx.db.pairs.bulkAdd.bind(ctx.db.pairs);
    ctx.db.pairs.bulkAdd = () => {
      const err = Object.assign(new Error("quota"), { name: "QuotaExceededError" });
      return Promise.reject(err) as ReturnType<typeof original>;
    };
    const attempt = restoreBackup(ctx, backup, { kind: "new-project" }, { restoreSettings: true });
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({ kind: "quota" });
    ctx.db.pairs.bulkAdd = original;
    expect(await counts()).toEqual(before);
  });

  it("brings back a result backed up mid-run as interrupted, not running", async () => {
    const { project, docs } = await seed();
    await startResult(ctx, {
      projectId: project.id,
      documentId: docs[0]?.id ?? "",
      chunkId: (await listChunks(ctx, docs[0]?.id ?? ""))[0]?.id ?? "",
      prompt: "p",
      engineId: "test",
      modelId: "m",
      settings: { maxTokens: 400, temperature: 0 },
    });
    const backup = await createBackup(ctx, project.id, APP);
    expect(backup.results.map((r) => r.state)).toContain("running");
    const { projectId } = await restoreBackup(ctx, backup, { kind: "new-project" });
    const states = (await ctx.db.results.where("projectId").equals(projectId).toArray()).map(
      (r) => r.state,
    );
    expect(states.sort()).toEqual(["done", "done", "incomplete"]);
  });

  it("refuses to back up a project that does not exist", async () => {
    await expect(createBackup(ctx, "nope", APP)).rejects.toBeInstanceOf(BackupError);
  });
});
