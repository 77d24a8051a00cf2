import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { UsageError } from "./io";

/** One finished request: the raw model output, or the error it ended with after retries. */
export interface JournalRecord {
  r: number;
  i: number;
  raw?: string;
  tokens?: number;
  error?: string;
}

export const JOURNAL_VERSION = 1;

/**
 * The checkpoint next to the output (`<output>.ckpt`): a header with the run's settings, then one
 * line per finished request, appended as each finishes. After a kill at any moment, every
 * complete line is a finished request; a torn last line is ignored. Raw outputs are kept, so a
 * resumed run rebuilds exactly the output an uninterrupted run writes.
 */
export class Journal {
  private constructor(
    readonly path: string,
    readonly records: Map<string, JournalRecord>,
  ) {}

  static key(r: number, i: number): string {
    return `${r}:${i}`;
  }

  /** Starts a fresh journal, or reopens one for --resume after checking the settings match. */
  static open(
    path: string,
    settings: Record<string, unknown>,
    resume: boolean,
    keep?: (rec: JournalRecord) => boolean,
  ): Journal {
    const header = JSON.stringify({ version: JOURNAL_VERSION, settings });
    if (!resume || !existsSync(path)) {
      if (resume)
        throw new UsageError(`--resume: no checkpoint at ${path}; run without --resume to start`);
      writeFileSync(path, header + "\n");
      return new Journal(path, new Map());
    }
    const content = readFileSync(path, "utf8");
    // A kill can leave the last line unterminated; end it so new records start on a fresh line.
    if (!content.endsWith("\n")) appendFileSync(path, "\n");
    const lines = content.split("\n");
    if (lines[0] !== header) {
      throw new UsageError(
        `--resume: ${path} was written with other settings; rerun with the same flags, or start over without --resume`,
      );
    }
    const records = new Map<string, JournalRecord>();
    for (const line of lines.slice(1)) {
      if (line === "") continue;
      let rec: JournalRecord;
      try {
        rec = JSON.parse(line) as JournalRecord;
      } catch {
        continue; // a line torn by the kill: that request simply runs again
      }
      if (!keep || keep(rec)) records.set(Journal.key(rec.r, rec.i), rec);
    }
    return new Journal(path, records);
  }

  get(r: number, i: number): JournalRecord | undefined {
    return this.records.get(Journal.key(r, i));
  }

  /** Appends synchronously: when this returns, the record survives a kill -9. */
  append(rec: JournalRecord): void {
    appendFileSync(this.path, JSON.stringify(rec) + "\n");
  }

  forget(r: number, i: number): void {
    this.records.delete(Journal.key(r, i));
  }
}
