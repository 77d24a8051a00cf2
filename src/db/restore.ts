import {
  type BackupJob,
  type BackupResult,
  type BackupSetting,
  type BackupTask,
  type BackupV2,
  settingFromBackup,
  settingProject,
  upgradeBackup,
  validateBackup,
  withLocalSecrets,
} from "../core/backup-format";
import { contentHash } from "../core/content-hash";
import { BackupError, backupTables } from "./backup";
import type { DbContext } from "./context";
import { listDocuments } from "./documents";
import {
  type ChunkRow,
  type DocumentRow,
  type JobRow,
  type PairRow,
  type ProjectRow,
  type ResultRow,
  type TaskRow,
} from "./schema";
import { guardWrite } from "./storage-error";

/*
 * Restoring a backup made by db/backup.ts, as a new project or into an existing one.
 */

/** Restore as a new project (optionally renamed), or add to an existing one. */
export type RestoreMode =
  { kind: "new-project"; name?: string } | { kind: "merge"; projectId: string };

export interface RestoreOptions {
  /** Also write the backup's app-wide settings (default false). API keys are never touched. */
  restoreSettings?: boolean;
}

/**
 * What a restore added; `skippedDocuments` were already in the merge target (same content), and
 * `skippedJobs` ran over some of them. `settings` counts the project's own settings written and,
 * when asked for, the app-wide ones.
 */
export interface RestoreSummary {
  projectId: string;
  documents: number;
  chunks: number;
  results: number;
  pairs: number;
  jobs: number;
  tasks: number;
  skippedDocuments: number;
  skippedJobs: number;
  settings: number;
}

/**
 * Restores a backup of any version this studio reads (the parsed file is validated here first;
 * failures throw BackupError with the validator's message; a version-1 file is upgraded). Every
 * row gets a fresh id, with every reference remapped (documents, chunks, results, jobs, links),
 * so restoring twice never collides. The project's own settings come along under the new
 * project's id (in merge mode only where the target has none of its own); app-wide settings
 * only with `restoreSettings`. A job that was queued or running comes back paused, so nothing
 * starts synthesizing on its own. In merge mode, documents whose content is already in the
 * target project are skipped with their chunks, results and pairs, and jobs that ran over any
 * of them are left out. Everything is written in ONE transaction: a failure (a full disk throws
 * StorageError) writes nothing.
 */
export async function restoreBackup(
  ctx: DbContext,
  backup: unknown,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const checked = validateBackup(backup);
  if (!checked.ok) throw new BackupError(checked.message);
  const b = upgradeBackup(checked.backup);
  const { db } = ctx;
  const summary = await guardWrite(() =>
    db.transaction("rw", backupTables(ctx), async () => {
      const t = ctx.now();
      const projectId =
        mode.kind === "merge"
          ? await touchProject(ctx, mode.projectId, t)
          : await addProject(ctx, mode.name?.trim(), b.project.name, t);
      if (projectId === null) return null;
      const existing = new Set(
        mode.kind === "merge"
          ? (await listDocuments(ctx, projectId)).map((d) => d.contentHash)
          : [],
      );
      // Merged documents are listed after the project's own, in backup order, like an import.
      const createdAt = mode.kind === "merge" ? (i: number) => t + i : undefined;
      const rows = freshRows(ctx, b, { projectId, skip: existing, createdAt });
      await db.documents.bulkAdd(rows.documents);
      await db.chunks.bulkAdd(rows.chunks);
      await db.results.bulkAdd(rows.results);
      // Duplicate marks go to their own table (db/marks.ts).
      await db.marks.bulkAdd(
        rows.pairs.flatMap((p) =>
          p.duplicate ? [{ id: p.id, projectId, duplicate: p.duplicate, at: t }] : [],
        ),
      );
      await db.pairs.bulkAdd(rows.pairs.map(({ duplicate: _, ...p }) => p));
      await db.jobs.bulkAdd(rows.jobs);
      await db.tasks.bulkAdd(rows.tasks);
      const settings = await putSettings(ctx, b, projectId, {
        merge: mode.kind === "merge",
        appWide: options.restoreSettings ?? false,
      });
      return {
        projectId,
        documents: rows.documents.length,
        chunks: rows.chunks.length,
        results: rows.results.length,
        pairs: rows.pairs.length,
        jobs: rows.jobs.length,
        tasks: rows.tasks.length,
        skippedDocuments: b.documents.length - rows.documents.length,
        skippedJobs: b.jobs.length - rows.jobs.length,
        settings,
      };
    }),
  );
  if (!summary) throw new BackupError("The project to restore into no longer exists.");
  return summary;
}

async function touchProject(ctx: DbContext, id: string, t: number): Promise<string | null> {
  const updated = await ctx.db.projects.update(id, { updatedAt: t });
  return updated === 1 ? id : null;
}

/** A new project. The backup's name, if already in use, gets " (restored)" to tell them apart. */
async function addProject(ctx: DbContext, chosen: string | undefined, saved: string, t: number) {
  const name = saved.trim() || "Restored project";
  const taken = !chosen && (await ctx.db.projects.filter((p) => p.name === name).count()) > 0;
  const row: ProjectRow = {
    id: ctx.newId(),
    name: chosen || (taken ? `${name} (restored)` : name),
    createdAt: t,
    updatedAt: t,
  };
  await ctx.db.projects.add(row);
  return row.id;
}

interface Placement {
  projectId: string;
  /** Content hashes already in the project: those documents are skipped. */
  skip: ReadonlySet<string>;
  /** New creation times by position among added documents; absent keeps the backup's. */
  createdAt?: (i: number) => number;
}

/** Old id → fresh id, for one table. */
class IdMap {
  private readonly ids = new Map<string, string>();
  constructor(private readonly ctx: Pick<DbContext, "newId">) {}
  fresh(old: string): string {
    const id = this.ctx.newId();
    this.ids.set(old, id);
    return id;
  }
  get(old: string): string | undefined {
    return this.ids.get(old);
  }
  /** The new id, or the old one for a reference to a row the backup does not hold. */
  keep(old: string): string {
    return this.ids.get(old) ?? old;
  }
}

/** The backup's rows with fresh ids, placed in `to.projectId`, references remapped. */
function freshRows(ctx: DbContext, b: BackupV2, to: Placement) {
  const { projectId, skip } = to;
  const docIds = new IdMap(ctx);
  const chunkIds = new IdMap(ctx);
  const resultIds = new IdMap(ctx);
  const jobIds = new IdMap(ctx);
  const documents: DocumentRow[] = [];
  // Documents whose text was edited after the backup was written (its hash no longer matches).
  const retexted = new Set<string>();
  for (const d of b.documents) {
    // The hash is derived data: recompute it so a hand-edited text cannot carry a stale one.
    const hash = contentHash(d.text);
    if (skip.has(hash)) continue;
    if (d.contentHash !== hash) retexted.add(d.id);
    const id = docIds.fresh(d.id);
    const createdAt = to.createdAt?.(documents.length) ?? d.createdAt;
    documents.push({ ...d, id, projectId, contentHash: hash, createdAt });
  }
  const skippedChunks = new Set<string>();
  const chunks = b.chunks.flatMap((c): ChunkRow[] => {
    const documentId = docIds.get(c.documentId);
    if (documentId === undefined) {
      skippedChunks.add(c.id);
      return [];
    }
    return [{ ...c, id: chunkIds.fresh(c.id), projectId, documentId }];
  });
  // A job over a skipped document would point into another project's chunks: left out.
  const jobs = b.jobs.flatMap((j): JobRow[] => {
    if (j.chunkIds.some((id) => skippedChunks.has(id))) return [];
    return [
      {
        ...settleJob(j),
        id: jobIds.fresh(j.id),
        projectId,
        chunkIds: j.chunkIds.map((id) => chunkIds.keep(id)),
      },
    ];
  });
  const results = b.results.flatMap((r): ResultRow[] => {
    const documentId = docIds.get(r.documentId);
    if (documentId === undefined) return [];
    const { jobId: oldJob, link: oldLink, ...rest } = settle(r);
    const row: ResultRow = {
      ...rest,
      id: resultIds.fresh(r.id),
      projectId,
      documentId,
      chunkId: chunkIds.keep(r.chunkId),
    };
    const jobId = oldJob === undefined ? undefined : jobIds.get(oldJob);
    if (jobId !== undefined) row.jobId = jobId;
    if (oldLink) {
      const { previousChunkId: oldPrevious, ...link } = oldLink;
      const previousChunkId = oldPrevious === undefined ? undefined : chunkIds.get(oldPrevious);
      row.link = previousChunkId === undefined ? link : { previousChunkId, ...link };
    }
    return [row];
  });
  const pairs = b.pairs.flatMap((p): PairRow[] => {
    const documentId = docIds.get(p.documentId);
    if (documentId === undefined) return [];
    // `statusSeq` numbers status sweeps of the database that wrote it: meaningless here.
    const { resultId: oldResultId, statusSeq: _seq, ...rest } = p;
    const resultId = oldResultId === undefined ? undefined : resultIds.get(oldResultId);
    const row: PairRow = {
      ...rest,
      id: ctx.newId(),
      projectId,
      documentId,
      chunkId: chunkIds.keep(p.chunkId),
    };
    // Its scores and evidence spans were found in the old text: scored again.
    if (retexted.has(p.documentId)) row.stale = 1;
    return [resultId === undefined ? row : { ...row, resultId }];
  });
  const tasks = b.tasks.flatMap((task): TaskRow[] => {
    const jobId = jobIds.get(task.jobId);
    if (jobId === undefined) return [];
    const { resultId: oldResultId, ...rest } = settleTask(task);
    const resultId = oldResultId === undefined ? undefined : resultIds.get(oldResultId);
    const row: TaskRow = {
      ...rest,
      id: ctx.newId(),
      jobId,
      projectId,
      chunkId: chunkIds.keep(task.chunkId),
      documentId: docIds.keep(task.documentId),
    };
    return [resultId === undefined ? row : { ...row, resultId }];
  });
  return { documents, chunks, results, pairs, jobs, tasks };
}

/** Nothing streams into a restored result, so one backed up mid-run comes back interrupted. */
function settle(r: BackupResult): BackupResult {
  if (r.state !== "running") return r;
  const message =
    "Synthesis was interrupted (the backup was made while it ran). Retry to finish it.";
  return {
    ...r,
    state: "incomplete",
    finishReason: "abort",
    error: { kind: "interrupted", message, detail: "" },
  };
}

/** A restored job never starts on its own: one that was queued or running comes back paused. */
function settleJob(j: BackupJob): BackupJob {
  if (j.state !== "queued" && j.state !== "running") return j;
  return { ...j, state: "paused", pauseReason: "Restored from a backup: resume it to continue." };
}

/** A task that was in flight goes back to the queue without counting the attempt. */
function settleTask(t: BackupTask): BackupTask {
  if (t.state !== "running") return t;
  return { ...t, state: "queued", attempts: Math.max(0, t.attempts - 1) };
}

/**
 * Writes the project's own settings under `projectId` (in a merge, only those the target does
 * not have yet) and, when asked, the app-wide ones, keeping every API key already stored on
 * this device. Settings of other projects (version-1 backups held every project's) are skipped.
 */
async function putSettings(
  ctx: DbContext,
  b: BackupV2,
  projectId: string,
  opts: { merge: boolean; appWide: boolean },
): Promise<number> {
  let written = 0;
  for (const s of b.settings) {
    const scope = settingProject(s.key);
    if (scope !== null) {
      if (scope.projectId !== b.project.id) continue;
      const key = scope.prefix + projectId;
      if (opts.merge && (await ctx.db.settings.get(key)) !== undefined) continue;
      await ctx.db.settings.put({ key, value: settingFromBackup(s.key, s.value) });
      written++;
    } else if (opts.appWide) {
      await putAppSetting(ctx, s);
      written++;
    }
  }
  return written;
}

/** Writes an app-wide setting, keeping every API key already stored on this device. */
async function putAppSetting(ctx: DbContext, s: BackupSetting): Promise<void> {
  const local = await ctx.db.settings.get(s.key);
  await ctx.db.settings.put({ key: s.key, value: withLocalSecrets(s.value, local?.value) });
}
