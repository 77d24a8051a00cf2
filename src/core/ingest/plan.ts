/**
 * The first look at what the user dropped, from names and sizes alone (no byte is read): each
 * file's format, or why it is left out before the worker sees it.
 */
import {
  MAX_FILE_BYTES,
  baseName,
  formatOf,
  isHiddenPath,
  isRecordFormat,
  type IngestFormat,
} from "./formats";
import { reasons } from "./reasons";

export interface PlannedFile {
  /** Position in the drop, which is also the report's order. */
  index: number;
  /** The path inside a dropped folder ("docs/a.md"), or the file's name. */
  path: string;
  size: number;
  /** null for an extension the studio does not read (the worker sniffs it for the reason). */
  format: IngestFormat | null;
  /** Set when the file is left out without being read. */
  verdict: { status: "skipped" | "failed"; reason: string } | null;
}

export function planFiles(files: readonly { path: string; size: number }[]): PlannedFile[] {
  return files.map(({ path, size }, index) => {
    const name = baseName(path);
    const format = formatOf(path);
    let verdict: PlannedFile["verdict"] = null;
    if (isHiddenPath(path)) verdict = { status: "skipped", reason: reasons.hidden(path) };
    else if (format && size > MAX_FILE_BYTES[format]) {
      verdict = {
        status: "failed",
        reason: reasons.tooLarge(name, size, MAX_FILE_BYTES[format], format),
      };
    }
    return { index, path, size, format, verdict };
  });
}

/** Files the worker reads: not left out, in a format the studio knows, or to sniff for why not. */
export const toRead = (plan: readonly PlannedFile[]) => plan.filter((f) => f.verdict === null);

/** Files whose field or column the user picks. */
export const recordFiles = (plan: readonly PlannedFile[]) =>
  plan.filter((f) => f.verdict === null && f.format !== null && isRecordFormat(f.format));
