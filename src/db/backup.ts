import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupResult,
  type BackupSetting,
  stripSecrets,
  validateBackup,
  withLocalSecrets,
} from "../core/backup-format";
import { contentHash } from "../core/content-hash";
import type { DbContext } from "./context";
import { listDocuments } from "./documents";
import type { DocumentRow, PairRow, ProjectRow, ResultRow } from "./schema";
import { guardWrite } from "./storage-error";

/** A backup that cannot be made or restored, with a message for the person. */
export class BackupError extends Error {
  override readonly name = "BackupError";
}

/** Restore as a new project (optionally renamed), or add to an existing one. */
export type RestoreMode =
  { kind: "new-project"; name?: string } | { kind: "merge"; projectId: string };

export interface RestoreOptions {
  /** Also write the backup's app-wide settings (default false). API keys are never touched. */
  restoreSettings?: boolean;
}

/** What a restore added; `skippedDocuments` were already in the merge target (same content). */
export interface RestoreSummary {
  projectId: string;
  documents: number;
  results: number;
  pairs: number;
  skippedDocuments: number;
  settings: number;
}

/**
 * Everything one project owns, read in ONE read transaction so the backup is a consistent
 * snapshot, plus the app-wide settings with every API key stripped. Results and pairs whose
 * document is gone are left out (the studio cannot show them either). The backup is validated
 * before it is returned: a backup that could not be restored must fail now, not after the
 * originals are gone.
 */
export async function createBackup(
  ctx: DbContext,
  projectId: string,
  app: { name: string; version: string },
): Promise<Backup> {
  const { db } = ctx;
  const tables = [db.projects, db.documents, db.results, db.pairs, db.settings];
  const read = await db.transaction("r", tables, async () => ({
    project: await db.projects.get(projectId),
    documents: await listDocuments(ctx, projectId),
    results: await db.results.where("projectId").equals(projectId).toArray(),
    pairs: await db.pairs.where("projectId").equals(projectId).toArray(),
    settings: await db.settings.toArray(),
  }));
  if (!read.project) throw new BackupError("This project no longer exists.");
  const order = new Map(read.documents.map((d, i) => [d.id, i]));
  const rank = (r: { documentId: string }) => order.get(r.documentId) ?? -1;
  const checked = validateBackup({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: new Date(ctx.now()).toISOString(),
    app,
    project: read.project,
    documents: read.documents,
    results: read.results
      .filter((r) => order.has(r.documentId))
      .sort((a, b) => rank(a) - rank(b) || a.startedAt - b.startedAt),
    pairs: read.pairs
      .filter((p) => order.has(p.documentId))
      .sort((a, b) => rank(a) - rank(b) || a.index - b.index),
    settings: read.settings.map((s) => ({ key: s.key, value: stripSecrets(s.value) })),
  });
  if (!checked.ok) {
    throw new BackupError(
      `This project could not be backed up: a stored row is invalid. ${checked.message}`,
    );
  }
  return checked.backup;
}

/**
 * Restores a backup (the parsed file is validated here first; failures throw BackupError with
 * the validator's message). Every row gets a fresh id, with document and result references
 * remapped, so restoring twice never collides. In merge mode, documents whose content is
 * already in the target project are skipped with their results and pairs. Everything is
 * written in ONE transaction: a failure (a full disk throws StorageError) writes nothing.
 */
export async function restoreBackup(
  ctx: DbContext,
  backup: unknown,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const checked = validateBackup(backup);
  if (!checked.ok) throw new BackupError(checked.message);
  const b = checked.backup;
  const { db } = ctx;
  const tables = [db.projects, db.documents, db.results, db.pairs, db.settings];
  const summary = await guardWrite(() =>
    db.transaction("rw", tables, async () => {
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
      await db.results.bulkAdd(rows.results);
      await db.pairs.bulkAdd(rows.pairs);
      const settings = options.restoreSettings ? await putSettings(ctx, b.settings) : 0;
      return {
        projectId,
        documents: rows.documents.length,
        results: rows.results.length,
        pairs: rows.pairs.length,
        skippedDocuments: b.documents.length - rows.documents.length,
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

/** The backup's rows with fresh ids, placed in `to.projectId`, references remapped. */
function freshRows(ctx: DbContext, b: Backup, to: Placement) {
  const { projectId, skip } = to;
  const docIds = new Map<string, string>();
  const resultIds = new Map<string, string>();
  const documents: DocumentRow[] = [];
  for (const d of b.documents) {
    // The hash is derived data: recompute it so a hand-edited text cannot carry a stale one.
    const hash = contentHash(d.text);
    if (skip.has(hash)) continue;
    const id = ctx.newId();
    docIds.set(d.id, id);
    const createdAt = to.createdAt?.(documents.length) ?? d.createdAt;
    documents.push({ ...d, id, projectId, contentHash: hash, createdAt });
  }
  const results = b.results.flatMap((r): ResultRow[] => {
    const documentId = docIds.get(r.documentId);
    if (documentId === undefined) return [];
    const id = ctx.newId();
    resultIds.set(r.id, id);
    return [{ ...settle(r), id, projectId, documentId }];
  });
  const pairs = b.pairs.flatMap((p): PairRow[] => {
    const documentId = docIds.get(p.documentId);
    if (documentId === undefined) return [];
    const { resultId: oldResultId, ...rest } = p;
    const resultId = oldResultId === undefined ? undefined : resultIds.get(oldResultId);
    const row: PairRow = { ...rest, id: ctx.newId(), projectId, documentId };
    return [resultId === undefined ? row : { ...row, resultId }];
  });
  return { documents, results, pairs };
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

/** Writes app-wide settings, keeping every API key already stored on this device. */
async function putSettings(ctx: DbContext, settings: readonly BackupSetting[]): Promise<number> {
  for (const s of settings) {
    const local = await ctx.db.settings.get(s.key);
    await ctx.db.settings.put({ key: s.key, value: withLocalSecrets(s.value, local?.value) });
  }
  return settings.length;
}
