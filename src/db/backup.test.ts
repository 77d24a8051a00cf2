import "fake-indexeddb/auto";
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BackupV2 } from "../core/backup-format";
import { DEFAULT_JOB_SETTINGS } from "../core/job-settings";
import { BackupError, createBackup } from "./backup";
import { restoreBackup } from "./restore";
import type { DbContext } from "./context";
import { createDocument } from "./documents";
import { planProjectExport } from "./export";
import { createProject } from "./projects";
import { startResult } from "./results";
import { StudioDB } from "./schema";
import {
  getSetting,
  readJobSettings,
  readTokenizer,
  saveJobSettings,
  setSetting,
} from "./settings";
import { StorageError } from "./storage-error";
import { APP, TOKENIZER, asFile, asVersion1, counts, normalize, seed } from "./backup.test-helpers";

let ctx: DbContext;

beforeEach(() => {
  let n = 0;
  let t = 1000;
  ctx = { db: new StudioDB(`test-${Math.random()}`), now: () => t++, newId: () => `id${++n}` };
});
afterEach(async () => {
  await ctx.db.delete();
});

describe("backup and restore", () => {
  it("writes the checked-in golden backup for the seeded project, and restores it as it was", async () => {
    const { project } = await seed(ctx);
    const written = asFile(await createBackup(ctx, project.id, APP)) as BackupV2;
    const path = new URL("./testdata/golden.ipt-backup.json", import.meta.url);
    if (process.env.GOLDEN_WRITE) writeFileSync(path, JSON.stringify(written, null, 2) + "\n");
    const golden = JSON.parse(readFileSync(path, "utf8")) as BackupV2;
    // The format the code writes is the checked-in one (ids and times aside) ...
    expect(normalize(written)).toEqual(normalize(golden));
    expect(golden.version).toBe(written.version);
    // ... and a file written before keeps restoring into the same project.
    const { projectId } = await restoreBackup(ctx, golden, { kind: "new-project" });
    expect(normalize(await createBackup(ctx, projectId, APP))).toEqual(normalize(golden));
  });

  it("restores an identical project (chunks, links, jobs, tasks, settings) with fresh ids, twice", async () => {
    const { project } = await seed(ctx);
    const backup = await createBackup(ctx, project.id, APP);
    expect(backup.pairs.map((p) => [p.question, p.answer, p.status, p.edited, p.origin])).toEqual([
      ["Cells q1", "better", "accepted", true, "model"],
      ["Cells q2", "a2", "rejected", false, "model"],
      ["Leaves q1", "a1", "pending", false, "model"],
      ["Leaves q2", "a2", "pending", false, "model"],
      ["mine", "x", "accepted", false, "manual"],
      ["Roots q1", "a1", "pending", false, "model"],
      ["Roots q2", "a2", "pending", false, "model"],
      ["More roots q1", "a1", "pending", false, "model"],
      ["More roots q2", "a2", "pending", false, "model"],
    ]);
    expect(backup.chunks).toHaveLength(4);
    expect(backup.tasks).toHaveLength(4);
    expect(backup.results.map((r) => r.link?.inheritsFromPrevious)).toEqual([
      false,
      false,
      true,
      false,
    ]);
    const first = await restoreBackup(ctx, asFile(backup), { kind: "new-project" });
    const second = await restoreBackup(ctx, asFile(backup), { kind: "new-project", name: "Copy" });
    expect(first).toMatchObject({
      documents: 3,
      chunks: 4,
      results: 4,
      pairs: 9,
      jobs: 1,
      tasks: 4,
      skippedDocuments: 0,
      skippedJobs: 0,
      settings: 2,
    });
    // 3 projects; settings: the app-wide one, another project's, and 2 for each of 3 projects.
    expect(await counts(ctx)).toEqual([3, 9, 12, 12, 27, 3, 12, 8]);

    const restored = await createBackup(ctx, first.projectId, APP);
    expect(normalize(restored)).toEqual(normalize(backup));
    expect(restored.project.name).toBe("Biology (restored)");
    expect((await createBackup(ctx, second.projectId, APP)).project.name).toBe("Copy");
    const originalIds = new Set(
      [...backup.documents, ...backup.chunks, ...backup.results, ...backup.jobs].map((r) => r.id),
    );
    for (const r of restored.results) {
      expect(
        [r.id, r.chunkId, r.jobId, r.link?.previousChunkId].some((x) => originalIds.has(x ?? "")),
      ).toBe(false);
    }
    expect(restored.jobs[0]?.chunkIds.some((id) => originalIds.has(id))).toBe(false);
    // The restored project exports the same chains.
    const plan = await planProjectExport(ctx, first.projectId);
    expect(plan.collections.map((c) => c.length)).toEqual([2, 1, 1]);
    // Its settings and tokenizer bytes came along under its own id.
    expect((await readJobSettings(ctx, first.projectId)).rounds).toBe(2);
    const tokenizer = await readTokenizer(ctx, first.projectId);
    expect(tokenizer?.json).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(tokenizer?.json ?? new ArrayBuffer(0))]).toEqual([...TOKENIZER]);
  });

  it("never puts an API key or another project's settings in a backup; app settings on request", async () => {
    const { project } = await seed(ctx);
    const backup = await createBackup(ctx, project.id, APP);
    expect(JSON.stringify(backup)).not.toContain("sk-secret");
    expect(backup.settings.map((s) => s.key).sort()).toEqual(
      ["remote-server", `synthesis:${project.id}`, `tokenizer:${project.id}`].sort(),
    );
    expect(backup.settings.find((s) => s.key === "remote-server")?.value).toEqual({
      baseUrl: "http://localhost:8080/v1",
      model: "m",
    });

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
    expect(summary.settings).toBe(3);
    expect(await getSetting(ctx, "remote-server", null)).toEqual({
      baseUrl: "http://localhost:8080/v1",
      model: "m",
      apiKey: "sk-local",
    });
  });

  it("merges into a project, skipping documents it has, the jobs over them and links to them", async () => {
    const { project } = await seed(ctx);
    const backup = await createBackup(ctx, project.id, APP);
    const target = await createProject(ctx, "Target");
    await saveJobSettings(ctx, target.id, { ...DEFAULT_JOB_SETTINGS, rounds: 5 });
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
      documents: 2,
      chunks: 3,
      results: 3,
      pairs: 7,
      jobs: 0,
      tasks: 0,
      skippedDocuments: 1,
      skippedJobs: 1,
      settings: 1,
    });
    // The target keeps its own synthesis settings and gains the tokenizer it did not have.
    expect((await readJobSettings(ctx, target.id)).rounds).toBe(5);
    expect(await readTokenizer(ctx, target.id)).not.toBeNull();
    const again = await restoreBackup(ctx, backup, { kind: "merge", projectId: target.id });
    expect(again).toMatchObject({ documents: 0, pairs: 0, skippedDocuments: 3 });
    const after = await createBackup(ctx, target.id, APP);
    expect(after.documents.map((d) => d.title)).toEqual(["Mine", "Leaves", "Roots"]);
    expect(after.pairs.map((p) => p.question)).toEqual([
      "Leaves q1",
      "Leaves q2",
      "mine",
      "Roots q1",
      "Roots q2",
      "More roots q1",
      "More roots q2",
    ]);
    // The roots entry inherited from the skipped cells chunk: the link keeps its flags only.
    const roots = after.results.find((r) => r.prompt === "prompt for Roots");
    expect(roots?.link).toEqual({
      demonstrations: 1,
      inheritsFromPrevious: true,
      followedByNext: false,
    });
    expect(roots).not.toHaveProperty("jobId");
    const leaves = after.chunks.find((c) => c.documentId === after.documents[1]?.id);
    expect(
      after.results.find((r) => r.prompt === "prompt for More roots")?.link?.previousChunkId,
    ).toBe(leaves?.id);
  });

  it("scores again the pairs of a document whose text was edited in the file, and only those", async () => {
    const { project } = await seed(ctx);
    const backup = await createBackup(ctx, project.id, APP);
    const quality = { grounding: 1, flags: [], taskType: "freeFormQa" as const, spans: [0, 5] };
    const [edited, ...others] = backup.documents;
    if (!edited) throw new Error("the seed has documents");
    const file: BackupV2 = {
      ...backup,
      documents: [{ ...edited, text: `${edited.text} Added by hand.` }, ...others],
      pairs: backup.pairs.map((p) => ({ ...p, quality, stale: undefined })),
    };
    const { projectId } = await restoreBackup(ctx, asFile(file), { kind: "new-project" });
    const docs = await ctx.db.documents.where("projectId").equals(projectId).toArray();
    const editedId = docs.find((d) => d.title === edited.title)?.id;
    const pairs = await ctx.db.pairs.toArray();
    const restored = pairs.filter((p) => p.projectId === projectId);
    expect(restored.filter((p) => p.stale === 1).map((p) => p.documentId)).toEqual(
      restored.filter((p) => p.documentId === editedId).map((p) => p.documentId),
    );
    expect(restored.some((p) => p.documentId === editedId)).toBe(true);
    expect(restored.some((p) => p.documentId !== editedId && p.stale === undefined)).toBe(true);
  });

  it("restores a version-1 file with one whole-document chunk per document", async () => {
    const { project } = await seed(ctx);
    const v1 = asVersion1(await createBackup(ctx, project.id, APP));
    const summary = await restoreBackup(ctx, v1, { kind: "new-project" });
    expect(summary).toMatchObject({ documents: 3, chunks: 3, results: 4, pairs: 9, jobs: 0 });
    const restored = await createBackup(ctx, summary.projectId, APP);
    const roots = restored.documents[2];
    const chunk = restored.chunks.find((c) => c.documentId === roots?.id);
    expect(chunk).toMatchObject({
      index: 0,
      start: 0,
      end: roots?.text.length,
      budgetMode: "words",
    });
    // Every result and pair points at its document's one chunk.
    for (const r of [...restored.results, ...restored.pairs]) {
      expect(restored.chunks.find((c) => c.id === r.chunkId)?.documentId).toBe(r.documentId);
    }
    const plan = await planProjectExport(ctx, summary.projectId);
    expect(plan.entries).toBe(3);
  });

  it("brings back a queued job paused, its running task queued and a running result interrupted", async () => {
    const { project, chunks } = await seed(ctx);
    await ctx.db.jobs.update("job-1", { state: "running" });
    await ctx.db.tasks.update("task-3", { state: "running", attempts: 2 });
    await startResult(ctx, {
      projectId: project.id,
      documentId: chunks[0]?.documentId ?? "",
      chunkId: chunks[0]?.id ?? "",
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
    expect(states.sort()).toEqual(["done", "done", "done", "done", "incomplete"]);
    const job = await ctx.db.jobs.where("projectId").equals(projectId).first();
    expect(job?.state).toBe("paused");
    expect(job?.pauseReason).toMatch(/backup/);
    const tasks = await ctx.db.tasks
      .where("jobId")
      .equals(job?.id ?? "")
      .toArray();
    expect(tasks.map((t) => [t.state, t.attempts]).sort()).toEqual([
      ["done", 1],
      ["done", 1],
      ["done", 1],
      ["queued", 1],
    ]);
  });

  it("refuses a corrupt or newer backup with a clear message and changes nothing", async () => {
    const { project } = await seed(ctx);
    const backup = await createBackup(ctx, project.id, APP);
    const before = await counts(ctx);
    const corrupt = asFile(backup) as { pairs: { status: string }[] };
    (corrupt.pairs[3] as { status: string }).status = "maybe";
    const newer = { ...backup, version: 3 };
    await expect(restoreBackup(ctx, corrupt, { kind: "new-project" })).rejects.toThrow(
      "pairs[3].status must be pending, accepted or rejected",
    );
    await expect(restoreBackup(ctx, newer, { kind: "new-project" })).rejects.toThrow(
      "This backup was written by a newer IPT Studio (format version 3); update the studio to restore it.",
    );
    await expect(restoreBackup(ctx, { hello: 1 }, { kind: "new-project" })).rejects.toBeInstanceOf(
      BackupError,
    );
    await expect(restoreBackup(ctx, backup, { kind: "merge", projectId: "gone" })).rejects.toThrow(
      "no longer exists",
    );
    expect(await counts(ctx)).toEqual(before);
  });

  it("writes nothing when the disk fills up halfway through a restore", async () => {
    const { project } = await seed(ctx);
    const backup = await createBackup(ctx, project.id, APP);
    const before = await counts(ctx);
    const original = ctx.db.tasks.bulkAdd.bind(ctx.db.tasks);
    ctx.db.tasks.bulkAdd = () => {
      const err = Object.assign(new Error("quota"), { name: "QuotaExceededError" });
      return Promise.reject(err) as ReturnType<typeof original>;
    };
    const attempt = restoreBackup(ctx, backup, { kind: "new-project" }, { restoreSettings: true });
    await expect(attempt).rejects.toBeInstanceOf(StorageError);
    await expect(attempt).rejects.toMatchObject({ kind: "quota" });
    ctx.db.tasks.bulkAdd = original;
    expect(await counts(ctx)).toEqual(before);
  });

  it("repairs a document stored without chunks instead of refusing to back it up", async () => {
    const { project, docs } = await seed(ctx);
    const cells = docs[0]?.id ?? "";
    await ctx.db.chunks.where("documentId").equals(cells).delete();
    const backup = await createBackup(ctx, project.id, APP);
    const chunk = backup.chunks.find((c) => c.documentId === cells);
    expect(chunk).toMatchObject({ id: `${cells}:0`, start: 0, end: "Cells divide.".length });
    expect(backup.pairs.filter((p) => p.documentId === cells).map((p) => p.chunkId)).toEqual([
      `${cells}:0`,
      `${cells}:0`,
    ]);
  });

  it("refuses to back up a project that does not exist", async () => {
    await expect(createBackup(ctx, "nope", APP)).rejects.toBeInstanceOf(BackupError);
  });
});
