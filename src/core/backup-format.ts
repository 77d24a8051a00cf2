import { isJsonObject } from "./export/jsonl";
import { type BackupBody, BackupProblem, readBackupBody } from "./backup-rows";
import type { DocumentRow, PairRow, ProjectRow, ResultRow, SettingRow } from "./rows";

/**
 * The workspace backup file: one project with everything it owns, as JSON, in the database's
 * own row shapes (core/rows.ts). Settings
 * are app-wide and travel for reference, but NEVER with an API key: see {@link stripSecrets}.
 */

/** The file's format marker. DO NOT CHANGE: it is how a backup is recognised. */
export const BACKUP_FORMAT = "ipt-studio.backup";
/** Bump (and read the old version) whenever a field changes meaning; older studios refuse newer. */
export const BACKUP_VERSION = 1;

/** Backup rows are the stored rows, so a field added to a row is backed up too. */
export type BackupProject = ProjectRow;
export type BackupDocument = DocumentRow;
export type BackupResult = ResultRow;
export type BackupPair = PairRow;
/** A settings row; in a backup its secrets are stripped. */
export type BackupSetting = SettingRow;
/** A whole backup, as validated. */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  app: { name: string; version: string };
  project: BackupProject;
  documents: BackupDocument[];
  results: BackupResult[];
  pairs: BackupPair[];
  settings: BackupSetting[];
}
/** What {@link validateBackup} found. */
export type BackupValidation = { ok: true; backup: Backup } | { ok: false; message: string };

/** apiKey, and spellings of it such as api_key or API-KEY. */
function isSecretName(name: string): boolean {
  return name.replace(/[-_]/g, "").toLowerCase() === "apikey";
}

/** A copy of a settings value without any API key at any depth. NEVER store a value unstripped. */
export function stripSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !isSecretName(k))
      .map(([k, v]) => [k, stripSecrets(v)]),
  );
}

/**
 * The value to store when restoring a setting: `incoming` without any API key, plus the keys
 * that `local` (the value on this device) holds at the same object paths. So a restore NEVER
 * writes, replaces or deletes an API key. Keys inside lists are not matched up (none exist).
 */
export function withLocalSecrets(incoming: unknown, local: unknown): unknown {
  if (!isJsonObject(incoming) || !isJsonObject(local)) return stripSecrets(incoming);
  return Object.fromEntries([
    ...Object.entries(incoming)
      .filter(([k]) => !isSecretName(k))
      .map(([k, v]) => [k, withLocalSecrets(v, local[k])] as const),
    ...Object.entries(local).filter(([k]) => isSecretName(k)),
  ]);
}

/**
 * Checks a parsed backup file: the format marker, the version (a NEWER one is refused, since
 * its fields may mean something this studio does not know), every field's type (the message
 * names the path of the first problem) and that every result and pair belongs to a document in
 * the backup. Returns a clean copy: unknown fields dropped, API keys stripped from settings.
 * A pair's `resultId` may name a missing result; it is provenance only and restore drops it.
 */
export function validateBackup(json: unknown): BackupValidation {
  if (!isJsonObject(json) || json.format !== BACKUP_FORMAT) {
    return { ok: false, message: "This file is not an IPT Studio backup (no backup marker)." };
  }
  const version = json.version;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { ok: false, message: "This backup is damaged: version must be a whole number." };
  }
  if (version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was written by a newer IPT Studio (format version ${version}); update the studio to restore it.`,
    };
  }
  // Version 1 is the only one so far; an older version's upgrade step goes here.
  let body: BackupBody;
  try {
    body = readBackupBody(json);
  } catch (e) {
    if (e instanceof BackupProblem) {
      return { ok: false, message: `This backup is damaged: ${e.message}.` };
    }
    throw e;
  }
  // NEVER let an API key through, even one added to the file by hand.
  const settings = body.settings.map((s) => ({ key: s.key, value: stripSecrets(s.value) }));
  return {
    ok: true,
    backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...body, settings },
  };
}
