import { BackupProblem, compact, Fields } from "./backup-fields";
import type {
  BackupChunk,
  BackupDocument,
  BackupJob,
  BackupPair,
  BackupProject,
  BackupResult,
  BackupSetting,
  BackupTask,
  BackupV1,
  BackupV2,
} from "./backup-format";
import { FLAGS, type Flag } from "./quality/flags";
import { TASK_TYPES } from "./quality/task-type";
import type { DuplicateMark, EntryLink, JobSettings, StoredQuality } from "./rows";
import type { Usage } from "./types";

/**
 * Reading a backup's body field by field, for `validateBackup`. Every reader builds a clean
 * copy (unknown fields dropped) and throws a {@link BackupProblem} naming the exact path of the
 * first bad field, such as `pairs[3].status must be pending, accepted or rejected`.
 */

/** A backup without its format marker, read for the version its file declares. */
export type BackupBody =
  | ({ version: 1 } & Omit<BackupV1, "format" | "version">)
  | ({ version: 2 } & Omit<BackupV2, "format" | "version">);

// Object literals evaluate in source order, so the first bad field is the one reported.
const readProject = (f: Fields): BackupProject => ({
  id: f.str("id"),
  name: f.str("name"),
  createdAt: f.num("createdAt"),
  updatedAt: f.num("updatedAt"),
});

const readSource = (s: Fields): BackupDocument["source"] =>
  compact({
    kind: s.oneOf("kind", ["paste", "file", "sample"] as const),
    name: s.optStr("name"),
    mime: s.optStr("mime"),
    size: s.optNum("size"),
  });

const readDocument = (f: Fields): BackupDocument => ({
  id: f.str("id"),
  projectId: f.str("projectId"),
  title: f.str("title"),
  source: f.obj("source", readSource),
  text: f.str("text"),
  contentHash: f.str("contentHash"),
  createdAt: f.num("createdAt"),
  updatedAt: f.num("updatedAt"),
});

const readUsage = (u: Fields): Usage =>
  compact({
    promptTokens: u.num("promptTokens"),
    completionTokens: u.num("completionTokens"),
    decodeTokensPerSecond: u.optNum("decodeTokensPerSecond"),
  });

/** Backups written before chunks existed: each document was one chunk (see db/schema.ts v2). */
const firstChunkOf = (documentId: string): string => `${documentId}:0`;

/** Reads a chunk id: required from version 2 on, the document's only chunk before. */
const chunkIdOf = (f: Fields, version: 1 | 2): string =>
  version === 1 ? (f.optStr("chunkId") ?? firstChunkOf(f.str("documentId"))) : f.str("chunkId");

const readLink = (l: Fields): EntryLink =>
  compact({
    previousChunkId: l.optStr("previousChunkId"),
    demonstrations: l.count("demonstrations"),
    inheritsFromPrevious: l.bool("inheritsFromPrevious"),
    followedByNext: l.bool("followedByNext"),
  });

const readResult =
  (version: 1 | 2) =>
  (f: Fields): BackupResult =>
    compact({
      id: f.str("id"),
      projectId: f.str("projectId"),
      documentId: f.str("documentId"),
      chunkId: chunkIdOf(f, version),
      jobId: f.optStr("jobId"),
      round: f.optCount("round"),
      link: f.optObj("link", readLink),
      prompt: f.str("prompt"),
      rawOutput: f.str("rawOutput"),
      finishReason: f.oneOf("finishReason", ["stop", "length", "abort", "error", null] as const),
      usage: f.optObj("usage", readUsage),
      engineId: f.str("engineId"),
      modelId: f.str("modelId"),
      settings: f.obj("settings", (s) => ({
        maxTokens: s.num("maxTokens"),
        temperature: s.num("temperature"),
      })),
      state: f.oneOf("state", ["running", "done", "incomplete", "failed"] as const),
      error: f.optObj("error", (e) => ({
        kind: e.str("kind"),
        message: e.str("message"),
        detail: e.str("detail"),
      })),
      startedAt: f.num("startedAt"),
      finishedAt: f.optNum("finishedAt"),
    });

const readPair =
  (version: 1 | 2) =>
  (f: Fields): BackupPair =>
    compact({
      id: f.str("id"),
      projectId: f.str("projectId"),
      documentId: f.str("documentId"),
      chunkId: chunkIdOf(f, version),
      resultId: f.optStr("resultId"),
      index: f.num("index"),
      question: f.str("question"),
      answer: f.str("answer"),
      status: f.oneOf("status", ["pending", "accepted", "rejected"] as const),
      edited: f.bool("edited"),
      origin: f.oneOf("origin", ["model", "manual"] as const),
      createdAt: f.num("createdAt"),
      updatedAt: f.num("updatedAt"),
      taskType: f.o.taskType == null ? undefined : f.oneOf("taskType", TASK_TYPES),
      quality: f.optObj("quality", readQuality),
      duplicate: f.optObj("duplicate", readDuplicate),
      // Without stored scores (older backups), the pair is scored again after the restore.
      stale: f.o.quality == null || f.o.stale === 1 ? (1 as const) : undefined,
    });

const readQuality = (q: Fields): StoredQuality => ({
  grounding: q.o.grounding === null ? null : q.num("grounding"),
  flags: q.check<Flag[]>(
    "flags",
    (v) => Array.isArray(v) && v.every((x) => FLAGS.includes(x as Flag)),
    "a list of quality flags",
  ),
  taskType: q.oneOf("taskType", TASK_TYPES),
  spans:
    q.o.spans == null
      ? undefined
      : q.check<number[]>(
          "spans",
          (v) =>
            Array.isArray(v) &&
            v.length % 2 === 0 &&
            v.every((x, i) => Number.isInteger(x) && x >= 0 && (i % 2 === 0 || x >= v[i - 1])),
          "a list of evidence offsets (start, end, …)",
        ),
});

const readDuplicate = (d: Fields): DuplicateMark => ({
  kind: d.oneOf("kind", ["duplicate", "nearDuplicate"] as const),
  group: d.str("group"),
});

const BUDGET_MODES = ["words", "tokens"] as const;

const readChunk = (f: Fields): BackupChunk =>
  compact({
    id: f.str("id"),
    projectId: f.str("projectId"),
    documentId: f.str("documentId"),
    index: f.count("index"),
    start: f.count("start"),
    end: f.count("end"),
    tokens: f.num("tokens"),
    budgetMode: f.oneOf("budgetMode", BUDGET_MODES),
    oversized: f.o.oversized === true ? (true as const) : undefined,
  });

const readJobSettings = (s: Fields): JobSettings => ({
  maxModelLen: s.num("maxModelLen"),
  maxNewTokens: s.num("maxNewTokens"),
  temperature: s.num("temperature"),
  rounds: s.count("rounds"),
  budgetMode: s.oneOf("budgetMode", BUDGET_MODES),
  concurrency: s.count("concurrency"),
});

const readJob = (f: Fields): BackupJob =>
  compact({
    id: f.str("id"),
    projectId: f.str("projectId"),
    chunkIds: f.strList("chunkIds"),
    settings: f.obj("settings", readJobSettings),
    state: f.oneOf("state", ["queued", "running", "paused", "done", "cancelled"] as const),
    pauseReason: f.optStr("pauseReason"),
    createdAt: f.num("createdAt"),
    updatedAt: f.num("updatedAt"),
    finishedAt: f.optNum("finishedAt"),
  });

const readTask = (f: Fields): BackupTask =>
  compact({
    id: f.str("id"),
    jobId: f.str("jobId"),
    projectId: f.str("projectId"),
    round: f.count("round"),
    position: f.count("position"),
    chunkId: f.str("chunkId"),
    documentId: f.str("documentId"),
    state: f.oneOf("state", ["queued", "running", "done", "failed"] as const),
    attempts: f.count("attempts"),
    error: f.optObj("error", (e) => ({ kind: e.str("kind"), message: e.str("message") })),
    resultId: f.optStr("resultId"),
    updatedAt: f.num("updatedAt"),
  });

/**
 * From version 2, a tokenizer's json must be base64 text (`{ base64 }`): JSON cannot hold its
 * bytes. Version 1 wrote it as `{}`, which restore leaves out.
 */
const readSetting =
  (version: 1 | 2) =>
  (s: Fields): BackupSetting => {
    const key = s.str("key");
    const value = s.present("value");
    if (version === 2 && key.startsWith("tokenizer:")) {
      s.obj("value", (v) => {
        v.str("name");
        v.obj("json", (j) =>
          j.check<string>(
            "base64",
            (b) => typeof b === "string" && /^[A-Za-z0-9+/]*={0,2}$/.test(b) && b.length % 4 === 0,
            "base64 text",
          ),
        );
      });
    }
    return { key, value };
  };

type Row = { id: string; projectId: string; documentId?: string };

function checkUnique(name: string, field: string, keys: readonly string[]): void {
  const seen = new Map<string, number>();
  keys.forEach((k, i) => {
    const first = seen.get(k);
    if (first !== undefined) {
      throw new BackupProblem(`${name}[${i}].${field} repeats ${name}[${first}].${field}`);
    }
    seen.set(k, i);
  });
}

/** Every row of `rows` points at a chunk of the backup, of the row's own document. */
function checkChunkRefs(
  name: string,
  rows: readonly { documentId: string; chunkId: string }[],
  chunks: ReadonlyMap<string, BackupChunk>,
): void {
  rows.forEach((r, i) => {
    if (chunks.get(r.chunkId)?.documentId !== r.documentId) {
      throw new BackupProblem(`${name}[${i}].chunkId must be the id of a chunk of its document`);
    }
  });
}

/**
 * Ids unique per table (restore maps each old id to one new id), every row in the backup's
 * project, every chunk, result and pair attached to a document in the backup, and (from
 * version 2) every result and pair to a chunk of its document, every chunk within its
 * document's text, every task to a job. A task's chunk and document may be gone (deleted after
 * the job ran): restore keeps such references as they are.
 */
function checkIntegrity(b: BackupBody): void {
  const docs = new Map(b.documents.map((d) => [d.id, d]));
  const v2 = b.version === 2 ? b : null;
  const tables: [string, readonly Row[], boolean][] = [
    ["documents", b.documents, false],
    ["chunks", v2?.chunks ?? [], true],
    ["results", b.results, true],
    ["pairs", b.pairs, true],
    ["jobs", v2?.jobs ?? [], false],
    ["tasks", v2?.tasks ?? [], false],
  ];
  for (const [name, rows, ownedByDocument] of tables) {
    checkUnique(
      name,
      "id",
      rows.map((r) => r.id),
    );
    rows.forEach((r, i) => {
      if (r.projectId !== b.project.id) {
        throw new BackupProblem(`${name}[${i}].projectId must be the project's id`);
      }
      if (ownedByDocument && (r.documentId === undefined || !docs.has(r.documentId))) {
        throw new BackupProblem(
          `${name}[${i}].documentId must be the id of a document in this backup`,
        );
      }
    });
  }
  if (v2) {
    v2.chunks.forEach((c, i) => {
      const length = docs.get(c.documentId)?.text.length ?? 0;
      if (c.start > c.end || c.end > length) {
        throw new BackupProblem(`chunks[${i}] must lie within its document's text`);
      }
    });
    const chunks = new Map(v2.chunks.map((c) => [c.id, c]));
    checkChunkRefs("results", v2.results, chunks);
    checkChunkRefs("pairs", v2.pairs, chunks);
    const jobs = new Set(v2.jobs.map((j) => j.id));
    v2.tasks.forEach((t, i) => {
      if (!jobs.has(t.jobId)) {
        throw new BackupProblem(`tasks[${i}].jobId must be the id of a job in this backup`);
      }
    });
  }
  checkUnique(
    "settings",
    "key",
    b.settings.map((s) => s.key),
  );
}

/**
 * Reads and checks every field of a backup's body as `version` defines it; throws a
 * BackupProblem at the first fault.
 */
export function readBackupBody(json: Record<string, unknown>, version: 1 | 2): BackupBody {
  const f = new Fields(json, "");
  const common = {
    exportedAt: f.str("exportedAt"),
    app: f.obj("app", (a) => ({ name: a.str("name"), version: a.str("version") })),
    project: f.obj("project", readProject),
    documents: f.list("documents", readDocument),
  };
  const body: BackupBody =
    version === 1
      ? {
          version,
          ...common,
          results: f.list("results", readResult(1)),
          pairs: f.list("pairs", readPair(1)),
          settings: f.list("settings", readSetting(1)),
        }
      : {
          version,
          ...common,
          chunks: f.list("chunks", readChunk),
          results: f.list("results", readResult(2)),
          pairs: f.list("pairs", readPair(2)),
          jobs: f.list("jobs", readJob),
          tasks: f.list("tasks", readTask),
          settings: f.list("settings", readSetting(2)),
        };
  checkIntegrity(body);
  return body;
}
