import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupV2,
  settingForBackup,
  settingProject,
  upgradeBackup,
  validateBackup,
} from "../core/backup-format";
import type { DbContext } from "./context";
import { pairsOfProject } from "./cursor";
import { listDocuments } from "./documents";
import { firstChunkId, wholeDocumentChunk, type ChunkRow } from "./schema";
import { withMarks } from "./marks";
import { readOverlay } from "./sweeps";

/** A backup that cannot be made or restored, with a message for the person. */
export class BackupError extends Error {
  override readonly name = "BackupError";
}

/** The tables a backup reads and a restore writes. */
export const backupTables = (ctx: DbContext) => {
  const { db } = ctx;
  return [
    db.projects,
    db.documents,
    db.chunks,
    db.results,
    db.pairs,
    db.sweeps,
    db.marks,
    db.jobs,
    db.tasks,
    db.settings,
  ];
};

/**
 * Results and pairs point at a chunk of their own document. A document stored without chunk
 * rows (a version-1 backup restored before chunks were backed up) gets its whole-document chunk
 * back, and a reference to a chunk the document does not have goes to its first chunk, so the
 * backup restores what the studio shows instead of being refused.
 */
function repairChunks<T extends { documentId: string; chunkId: string }>(
  rows: readonly T[],
  chunks: ReadonlyMap<string, readonly ChunkRow[]>,
): T[] {
  return rows.map((r) => {
    const own = chunks.get(r.documentId) ?? [];
    if (own.some((c) => c.id === r.chunkId)) return r;
    return { ...r, chunkId: own[0]?.id ?? firstChunkId(r.documentId) };
  });
}

/**
 * Everything one project owns (documents, chunks, results, pairs, jobs and tasks), read in ONE
 * read transaction so the backup is a consistent snapshot, plus the project's own settings and
 * the app-wide ones, with every API key stripped and the tokenizer as base64. Rows whose
 * document is gone are left out (the studio cannot show them either); settings of other
 * projects are too. The backup is validated before it is returned: a backup that could not be
 * restored must fail now, not after the originals are gone.
 */
export async function createBackup(
  ctx: DbContext,
  projectId: string,
  app: { name: string; version: string },
): Promise<BackupV2> {
  const { db } = ctx;
  const read = await db.transaction("r", backupTables(ctx), async () => {
    const overlay = await readOverlay(ctx, projectId);
    const jobs = await db.jobs.where("projectId").equals(projectId).toArray();
    const tasks = await Promise.all(
      jobs.map((j) => db.tasks.where("jobId").equals(j.id).toArray()),
    );
    return {
      project: await db.projects.get(projectId),
      documents: await listDocuments(ctx, projectId),
      chunks: await db.chunks.where("projectId").equals(projectId).toArray(),
      results: await db.results.where("projectId").equals(projectId).toArray(),
      // With pending sweeps applied; `statusSeq` numbers sweeps of this database only.
      pairs: (await withMarks(ctx, await pairsOfProject(ctx, projectId).toArray())).map((p) => {
        const { statusSeq: _, ...row } = overlay.resolve(p);
        return row;
      }),
      jobs,
      tasks: tasks.flat(),
      settings: await db.settings.toArray(),
    };
  });
  if (!read.project) throw new BackupError("This project no longer exists.");
  const order = new Map(read.documents.map((d, i) => [d.id, i]));
  const rank = (r: { documentId: string }) => order.get(r.documentId) ?? -1;
  const chunks = new Map<string, ChunkRow[]>();
  for (const c of read.chunks.filter((c) => order.has(c.documentId))) {
    chunks.set(c.documentId, [...(chunks.get(c.documentId) ?? []), c]);
  }
  for (const d of read.documents) {
    const own = chunks.get(d.id)?.sort((a, b) => a.index - b.index);
    chunks.set(d.id, own ?? [wholeDocumentChunk(d)]);
  }
  const jobOrder = new Map(
    read.jobs.sort((a, b) => a.createdAt - b.createdAt).map((j, i) => [j.id, i]),
  );
  const checked = validateBackup({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(ctx.now()).toISOString(),
    app,
    project: read.project,
    documents: read.documents,
    chunks: read.documents.flatMap((d) => chunks.get(d.id) ?? []),
    results: repairChunks(
      read.results.filter((r) => order.has(r.documentId)),
      chunks,
    ).sort((a, b) => rank(a) - rank(b) || a.startedAt - b.startedAt),
    pairs: repairChunks(
      read.pairs.filter((p) => order.has(p.documentId)),
      chunks,
    ).sort((a, b) => rank(a) - rank(b) || a.index - b.index),
    jobs: read.jobs,
    tasks: read.tasks.sort(
      (a, b) =>
        (jobOrder.get(a.jobId) ?? 0) - (jobOrder.get(b.jobId) ?? 0) ||
        a.round - b.round ||
        a.position - b.position,
    ),
    settings: read.settings
      .filter((s) => {
        const scope = settingProject(s.key);
        return scope === null || scope.projectId === projectId;
      })
      .map((s) => ({ key: s.key, value: settingForBackup(s.key, s.value) })),
  });
  if (!checked.ok) {
    throw new BackupError(
      `This project could not be backed up: a stored row is invalid. ${checked.message}`,
    );
  }
  return upgradeBackup(checked.backup);
}
