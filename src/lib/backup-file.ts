import { Gunzip, gzipSync, strToU8 } from "fflate";
import type { Backup } from "../core/backup-format";

/**
 * Backup files: gzip-compressed JSON (`.ipt-backup.json.gz`). Reading also accepts plain JSON,
 * so a backup someone unpacked or wrote by hand restores too. What the JSON means is checked
 * afterwards by `validateBackup`; this adapter only turns bytes into a parsed value.
 */

const MB = 1024 * 1024;
/** Size limits; tests pass smaller ones. */
export interface BackupFileLimits {
  /** Largest file accepted, checked before a byte is read. */
  fileBytes: number;
  /** Largest unpacked JSON: a browser cannot hold a much longer string anyway. */
  unpackedBytes: number;
}
/** 200 MB files, 512 MB unpacked. */
export const BACKUP_FILE_LIMITS: BackupFileLimits = {
  fileBytes: 200 * MB,
  unpackedBytes: 512 * MB,
};
const SNIFF_BYTES = 8192;
/** Input fed to the decompressor at a time; bounds how far one step can overshoot the limit. */
const SLICE_BYTES = 64 * 1024;

/** The ending every backup file name gets. */
export const BACKUP_FILE_SUFFIX = ".ipt-backup.json.gz";

/** What {@link readBackupFile} found: the parsed JSON, or why there is none. */
export type ReadBackupResult = { ok: true; json: unknown } | { ok: false; message: string };

/** A file name for a project's backup, such as `biology-notes-2025-01-31.ipt-backup.json.gz`. */
export function backupFileName(projectName: string, exportedAt: string): string {
  const slug = projectName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "project"}-${exportedAt.slice(0, 10)}${BACKUP_FILE_SUFFIX}`;
}

/** The backup as a gzip-compressed JSON file, ready to download. */
export function backupToBlob(backup: Backup): Blob {
  // mtime 0: the backup already says when it was made; the gzip header need not add a clock.
  const packed = gzipSync(strToU8(JSON.stringify(backup)), { mtime: 0 });
  return new Blob([packed], { type: "application/gzip" });
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

class TooLarge extends Error {}

/**
 * Gunzips in slices, counting the output, so a small file that unpacks to gigabytes (a "zip
 * bomb") is stopped at the limit instead of exhausting memory. The size a gzip trailer
 * declares cannot be used: a cut-off file's trailer is arbitrary bytes.
 */
function unpack(
  name: string,
  bytes: Uint8Array,
  limit: number,
): { bytes: Uint8Array } | { message: string } {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const gunzip = new Gunzip((chunk) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      gunzip.push(bytes.subarray(at, at + SLICE_BYTES), at + SLICE_BYTES >= bytes.length);
    }
  } catch (e) {
    if (e instanceof TooLarge) {
      return {
        message: `${name} unpacks to more than ${limit / MB} MB, too large to restore in the browser.`,
      };
    }
    const detail = e instanceof Error ? e.message : String(e);
    return {
      message: `${name} is a damaged or incomplete gzip file (${detail}). Try another copy of the backup.`,
    };
  }
  const out = new Uint8Array(size);
  chunks.reduce((at, chunk) => (out.set(chunk, at), at + chunk.length), 0);
  return { bytes: out };
}

/**
 * Reads a backup file the person picked: gzip-compressed (detected by its magic bytes 1f 8b)
 * or plain JSON. Refuses, with the file's name and a reason, files over 200 MB (before
 * reading them), empty files, other binary files, damaged gzip and invalid JSON. Never throws.
 */
export async function readBackupFile(
  file: File,
  limits: BackupFileLimits = BACKUP_FILE_LIMITS,
): Promise<ReadBackupResult> {
  const name = file.name || "The file";
  const fail = (message: string): ReadBackupResult => ({ ok: false, message });
  if (file.size > limits.fileBytes) {
    return fail(
      `${name} is ${(file.size / MB).toFixed(1)} MB; backups over ${limits.fileBytes / MB} MB cannot be restored in the browser.`,
    );
  }
  if (file.size === 0) return fail(`${name} is empty; it holds no backup.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return fail(`${name} could not be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  if (isGzip(bytes)) {
    const unpacked = unpack(name, bytes, limits.unpackedBytes);
    if ("message" in unpacked) return fail(unpacked.message);
    bytes = unpacked.bytes;
  }
  const notBackup = `${name} is not an IPT Studio backup: it is a binary file, neither gzip-compressed nor JSON text.`;
  // A NUL byte never appears in JSON text; it marks a binary file (zip, image, database).
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return fail(notBackup);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail(notBackup);
  }
  if (text.trim() === "") return fail(`${name} is empty; it holds no backup.`);
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(`${name} is not valid JSON (${detail}), so it cannot be restored.`);
  }
}
