/*
 * The seeded project and the comparisons the backup tests share: a project with every kind of
 * row a backup holds, and a backup with its ids replaced so two projects can be compared.
 */
import type { BackupV2 } from "../core/backup-format";
import { DEFAULT_JOB_SETTINGS } from "../core/job-settings";
import type { DbContext } from "./context";
import { addChunkedDocuments, listChunks } from "./chunks";
import { createDocument } from "./documents";
import { addManualPair } from "./curation";
import { listPairs, updatePair } from "./pairs";
import { createProject } from "./projects";
import { finishResult, startResult } from "./results";
import type { ChunkRow, EntryLink, TaskRow } from "./schema";
import { saveJobSettings, saveTokenizer, setSetting } from "./settings";

export const APP = { name: "IPT Studio", version: "0.1.0" };
export const TOKENIZER = new Uint8Array([123, 125, 0, 200, 7]);

/** Synthesizes `chunk` as part of `jobId`'s `round`, with two pairs. */
async function synthesize(
  ctx: DbContext,
  chunk: ChunkRow,
  title: string,
  job: string,
  round: number,
  link: EntryLink,
) {
  const run = await startResult(ctx, {
    projectId: chunk.projectId,
    documentId: chunk.documentId,
    chunkId: chunk.id,
    jobId: job,
    round,
    link,
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
  return run.id;
}

/**
 * A project with three documents (one of two chunks), a finished two-round job whose round-1
 * entries link to round-0 ones, reviews, an edit, a manual pair, the project's synthesis
 * settings and tokenizer, an app-wide setting with an API key and another project's setting.
 */
export async function seed(ctx: DbContext) {
  const project = await createProject(ctx, "Biology");
  const docs = [];
  for (const [title, text] of [
    ["Cells", "Cells divide."],
    ["Leaves", "Leaves are green."],
  ] as const) {
    docs.push(
      await createDocument(ctx, {
        projectId: project.id,
        title,
        text,
        source: { kind: "file", name: `${title}.txt`, mime: "text/plain", size: text.length },
      }),
    );
  }
  const { added } = await addChunkedDocuments(ctx, project.id, [
    {
      title: "Roots",
      text: "Roots drink water. Roots hold soil.",
      source: { kind: "paste" },
      chunks: [
        { start: 0, end: 18, tokens: 6 },
        { start: 19, end: 35, tokens: 6 },
      ],
      budgetMode: "tokens",
    },
  ]);
  docs.push(...added);
  const chunks: ChunkRow[] = [];
  for (const d of docs) chunks.push(...(await listChunks(ctx, d.id)));
  const [cells, leaves, roots0, roots1] = chunks as [ChunkRow, ChunkRow, ChunkRow, ChunkRow];
  const job = "job-1";
  await ctx.db.jobs.add({
    id: job,
    projectId: project.id,
    chunkIds: chunks.map((c) => c.id),
    settings: { ...DEFAULT_JOB_SETTINGS, rounds: 2 },
    state: "done",
    createdAt: 1,
    updatedAt: 5,
    finishedAt: 5,
  });
  const first: EntryLink = { demonstrations: 0, inheritsFromPrevious: false, followedByNext: true };
  const results = [
    await synthesize(ctx, cells, "Cells", job, 0, first),
    await synthesize(ctx, leaves, "Leaves", job, 0, { ...first, followedByNext: false }),
    await synthesize(ctx, roots0, "Roots", job, 1, {
      previousChunkId: cells.id,
      demonstrations: 1,
      inheritsFromPrevious: true,
      followedByNext: false,
    }),
    await synthesize(ctx, roots1, "More roots", job, 1, {
      previousChunkId: leaves.id,
      demonstrations: 0,
      inheritsFromPrevious: false,
      followedByNext: false,
    }),
  ];
  const tasks: TaskRow[] = chunks.map((c, position) => ({
    id: `task-${position}`,
    jobId: job,
    projectId: project.id,
    round: position < 2 ? 0 : 1,
    position,
    chunkId: c.id,
    documentId: c.documentId,
    state: "done",
    attempts: 1,
    resultId: results[position] ?? "",
    updatedAt: 5,
  }));
  await ctx.db.tasks.bulkAdd(tasks);
  const [p1, p2] = await listPairs(ctx, docs[0]?.id ?? "");
  await updatePair(ctx, p1?.id ?? "", { status: "accepted", answer: "better" });
  await updatePair(ctx, p2?.id ?? "", { status: "rejected" });
  await addManualPair(
    ctx,
    { projectId: project.id, session: "s" },
    {
      documentId: docs[1]?.id ?? "",
      question: "mine",
      answer: "x",
    },
  );
  await setSetting(ctx, "remote-server", {
    baseUrl: "http://localhost:8080/v1",
    model: "m",
    apiKey: "sk-secret",
  });
  await saveJobSettings(ctx, project.id, { ...DEFAULT_JOB_SETTINGS, rounds: 2 });
  await saveTokenizer(ctx, project.id, { name: "tokenizer.json", json: TOKENIZER.slice().buffer });
  await saveJobSettings(ctx, "another-project", { ...DEFAULT_JOB_SETTINGS, rounds: 3 });
  return { project, docs, chunks };
}

export async function counts(ctx: DbContext) {
  const { db } = ctx;
  return Promise.all(
    [
      db.projects,
      db.documents,
      db.chunks,
      db.results,
      db.pairs,
      db.jobs,
      db.tasks,
      db.settings,
    ].map((t) => t.count()),
  );
}

/** The backup with every id replaced by its position, so two projects can be compared. */
export function normalize(b: BackupV2) {
  const ids = (rows: { id: string }[], name: string) =>
    new Map(rows.map((r, i) => [r.id, `${name}${i}`]));
  const docs = ids(b.documents, "doc");
  const chunks = ids(b.chunks, "chunk");
  const results = ids(b.results, "result");
  const jobs = ids(b.jobs, "job");
  const id = (map: Map<string, string>, old: string | undefined) =>
    old === undefined ? undefined : (map.get(old) ?? `missing ${old}`);
  const common = { projectId: "project" };
  return {
    documents: b.documents.map((d) => ({ ...d, ...common, id: id(docs, d.id) })),
    chunks: b.chunks.map((c) => ({
      ...c,
      ...common,
      id: id(chunks, c.id),
      documentId: id(docs, c.documentId),
    })),
    results: b.results.map((r) => ({
      ...r,
      ...common,
      id: id(results, r.id),
      documentId: id(docs, r.documentId),
      chunkId: id(chunks, r.chunkId),
      jobId: id(jobs, r.jobId),
      link: r.link && { ...r.link, previousChunkId: id(chunks, r.link.previousChunkId) },
    })),
    pairs: b.pairs.map((p) => ({
      ...p,
      ...common,
      id: "pair",
      documentId: id(docs, p.documentId),
      chunkId: id(chunks, p.chunkId),
      resultId: id(results, p.resultId),
    })),
    jobs: b.jobs.map((j) => ({
      ...j,
      ...common,
      id: id(jobs, j.id),
      chunkIds: j.chunkIds.map((c) => id(chunks, c)),
    })),
    tasks: b.tasks.map((t) => ({
      ...t,
      ...common,
      id: "task",
      jobId: id(jobs, t.jobId),
      chunkId: id(chunks, t.chunkId),
      documentId: id(docs, t.documentId),
      resultId: id(results, t.resultId),
    })),
    settings: b.settings.map((s) => ({ ...s, key: s.key.replace(b.project.id, "project") })),
  };
}

export const asFile = (b: unknown): unknown => JSON.parse(JSON.stringify(b));

/** The same backup as a version-1 file would hold it: no chunks, jobs, tasks or links. */
export function asVersion1(b: BackupV2): unknown {
  const { chunks: _c, jobs: _j, tasks: _t, ...rest } = asFile(b) as BackupV2;
  return {
    ...rest,
    version: 1,
    results: rest.results.map(({ chunkId: _i, jobId: _b, round: _r, link: _l, ...r }) => r),
    pairs: rest.pairs.map(({ chunkId: _i, ...p }) => p),
  };
}
