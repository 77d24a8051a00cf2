/**
 * Zip archives for downloads (the Hugging Face dataset bundle, workspace backups), through
 * fflate. Deterministic: the same files give the same bytes, so a re-export can be compared
 * with the last one and checked-in archives do not churn.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/**
 * The time stamped on every entry: 1980-01-01 00:00, the earliest a zip can record. fflate
 * writes the DOS time from the Date's local-time fields, so the Date is built from local
 * fields too; a UTC instant would give different bytes in different time zones.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Packs `files` (path → contents; strings are written as UTF-8) into one zip, in the order of
 * the record's keys. Paths may contain "/" for folders, e.g. `data/pretrain.jsonl`.
 */
export function zipFiles(files: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [path, contents] of Object.entries(files)) {
    entries[path] = typeof contents === "string" ? strToU8(contents) : contents;
  }
  return zipSync(entries, { mtime: FIXED_MTIME });
}

/** Unpacks a zip into path → bytes (folders are not listed on their own). */
export function unzipFiles(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}
