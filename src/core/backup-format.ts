import { measure } from "./budget";
import { isJsonObject } from "./export/jsonl";
import { BackupProblem } from "./backup-fields";
import { type BackupBody, readBackupBody } from "./backup-rows";
import type {
  ChunkRow,
  DocumentRow,
  JobRow,
  PairRow,
  ProjectRow,
  ResultRow,
  SettingRow,
  TaskRow,
} from "./rows";
import { readBlock } from "./tags";

/**
 * The workspace backup file: one project with everything it owns, as JSON, in the database's
 * own row shapes (core/rows.ts): documents, chunks, results (with their multi-round links),
 * pairs, the job queue's jobs and tasks, and settings: the project's own (synthesis settings,
 * tokenizer) and the app-wide ones for reference, but NEVER with an API key: see
 * {@link stripSecrets}.
 */

/** The file's format marker. DO NOT CHANGE: it is how a backup is recognised. */
export const BACKUP_FORMAT = "ipt-studio.backup";
/**
 * Bump (and read the old version) whenever a field changes meaning; older studios refuse newer.
 * 1: documents, results, pairs, settings. 2: adds chunks, jobs, tasks, and results' links.
 */
export const BACKUP_VERSION = 2;

/** Backup rows are the stored rows, so a field added to a row is backed up too. */
export type BackupProject = ProjectRow;
export type BackupDocument = DocumentRow;
export type BackupChunk = ChunkRow;
export type BackupResult = ResultRow;
export type BackupPair = PairRow;
export type BackupJob = JobRow;
export type BackupTask = TaskRow;
/** A settings row; in a backup its secrets are stripped and a tokenizer is base64 text. */
export type BackupSetting = SettingRow;

/** A version-1 backup, from before chunks and the job queue. Restored through {@link upgradeBackup}. */
export interface BackupV1 {
  format: typeof BACKUP_FORMAT;
  version: 1;
  /** ISO 8601. */
  exportedAt: string;
  app: { name: string; version: string };
  project: BackupProject;
  documents: BackupDocument[];
  results: BackupResult[];
  pairs: BackupPair[];
  settings: BackupSetting[];
}

/** A backup in the current format. */
export interface BackupV2 extends Omit<BackupV1, "version"> {
  version: typeof BACKUP_VERSION;
  chunks: BackupChunk[];
  jobs: BackupJob[];
  tasks: BackupTask[];
}

/** Any backup this studio reads, as validated. */
export type Backup = BackupV1 | BackupV2;

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
 * Settings that belong to one project, keyed `<prefix><projectId>` (db/settings.ts): its
 * synthesis settings and its tokenizer. DO NOT CHANGE without changing db/settings.ts too.
 */
export const PROJECT_SETTING_PREFIXES = ["synthesis:", "tokenizer:"] as const;
const TOKENIZER_PREFIX = "tokenizer:";

/** The project a setting belongs to, or null for an app-wide setting. */
export function settingProject(key: string): { prefix: string; projectId: string } | null {
  const prefix = PROJECT_SETTING_PREFIXES.find((p) => key.startsWith(p));
  return prefix === undefined ? null : { prefix, projectId: key.slice(prefix.length) };
}

/** True for the setting that holds a project's tokenizer.json (binary, base64 in a backup). */
export const isTokenizerSetting = (key: string): boolean => key.startsWith(TOKENIZER_PREFIX);

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 with padding (RFC 4648, section 4). */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63] ?? "";
    out += B64[(n >> 12) & 63] ?? "";
    out += i + 1 < bytes.length ? (B64[(n >> 6) & 63] ?? "") : "=";
    out += i + 2 < bytes.length ? (B64[n & 63] ?? "") : "=";
  }
  return out;
}

/** The bytes of standard base64 text, or null when it is not valid base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const pad = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  for (let i = 0, o = 0; i < text.length; i += 4) {
    let n = 0;
    for (let k = 0; k < 4; k++) {
      const ch = text[i + k] ?? "=";
      n = (n << 6) | (ch === "=" ? 0 : B64.indexOf(ch));
    }
    for (const byte of [(n >> 16) & 255, (n >> 8) & 255, n & 255]) {
      if (o < out.length) out[o++] = byte;
    }
  }
  return out;
}

/**
 * A stored setting as written in a backup: API keys stripped, and a tokenizer's `json`
 * (an ArrayBuffer, which JSON cannot hold) as `{ base64 }`.
 */
export function settingForBackup(key: string, value: unknown): unknown {
  if (isTokenizerSetting(key) && isJsonObject(value)) {
    const json = value.json;
    const bytes =
      json instanceof ArrayBuffer
        ? new Uint8Array(json)
        : ArrayBuffer.isView(json)
          ? new Uint8Array(json.buffer, json.byteOffset, json.byteLength)
          : null;
    if (bytes) return stripSecrets({ ...value, json: { base64: toBase64(bytes) } });
  }
  return stripSecrets(value);
}

/** The value to store for a backed-up setting: a tokenizer's base64 back to an ArrayBuffer. */
export function settingFromBackup(key: string, value: unknown): unknown {
  if (!isTokenizerSetting(key) || !isJsonObject(value) || !isJsonObject(value.json)) return value;
  const bytes = typeof value.json.base64 === "string" ? fromBase64(value.json.base64) : null;
  return bytes === null ? value : { ...value, json: bytes.buffer };
}

/**
 * A backup in the current format: a version-1 backup gets one whole-document chunk per document,
 * with id `${documentId}:0` (what its results and pairs already point to, as after the
 * database's v1 → v2 upgrade), no jobs, and no tokenizer setting (version 1 could not hold one).
 */
export function upgradeBackup(backup: Backup): BackupV2 {
  if (backup.version === BACKUP_VERSION) return backup;
  return {
    ...backup,
    version: BACKUP_VERSION,
    chunks: backup.documents.map((d) => ({
      id: `${d.id}:0`,
      projectId: d.projectId,
      documentId: d.id,
      index: 0,
      start: 0,
      end: d.text.length,
      tokens: measure(readBlock(d.text), "words"),
      budgetMode: "words",
    })),
    jobs: [],
    tasks: [],
    settings: backup.settings.filter((s) => !isTokenizerSetting(s.key)),
  };
}

/**
 * Checks a parsed backup file: the format marker, the version (a NEWER one is refused, since
 * its fields may mean something this studio does not know), every field's type (the message
 * names the path of the first problem) and that every row belongs to the backup's project and
 * points at rows the backup holds (see `readBackupBody`). Returns a clean copy in the file's own
 * version (restore upgrades it): unknown fields dropped, API keys stripped from settings. A
 * pair's `resultId`, a result's `jobId` and `link.previousChunkId` may name missing rows; they
 * are provenance only and restore drops them.
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
  let body: BackupBody;
  try {
    body = readBackupBody(json, version === 1 ? 1 : 2);
  } catch (e) {
    if (e instanceof BackupProblem) {
      return { ok: false, message: `This backup is damaged: ${e.message}.` };
    }
    throw e;
  }
  // NEVER let an API key through, even one added to the file by hand.
  const settings = body.settings.map((s) => ({ key: s.key, value: stripSecrets(s.value) }));
  if (body.version === 1) {
    const { version: _, ...v1 } = body;
    return { ok: true, backup: { format: BACKUP_FORMAT, version: 1, ...v1, settings } };
  }
  const { version: _, ...v2 } = body;
  return { ok: true, backup: { format: BACKUP_FORMAT, version: BACKUP_VERSION, ...v2, settings } };
}
