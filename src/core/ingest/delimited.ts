/** What a CSV or TSV file's first lines say about how to split it, and its rows as records. */
import { FileProblem, reasons } from "./reasons";
import { DEFAULT_FIELD, defaultField, headerNames, rowRecord } from "./records";

export type Newline = "\r\n" | "\n" | "\r";

/** The line break of the first line outside quotes: CRLF, LF or a lone CR (old Macs). */
export function guessNewline(sample: string): Newline {
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "\n") return "\n";
    else if (!quoted && c === "\r") return sample[i + 1] === "\n" ? "\r\n" : "\r";
  }
  return "\n";
}

const CANDIDATES = [",", ";", "\t", "|"] as const;

/**
 * The delimiter of a .csv file: the candidate (comma, semicolon, tab, pipe) that occurs most
 * often in the header line outside quotes, comma on a tie. Spreadsheets in many locales write
 * semicolons.
 */
export function guessDelimiter(sample: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of sample) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (CANDIDATES as readonly string[]).includes(c)) {
      counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  let best = ",";
  for (const c of CANDIDATES) if ((counts.get(c) ?? 0) > (counts.get(best) ?? 0)) best = c;
  return best;
}

/**
 * The rows of a CSV or TSV file as records: the first non-blank row names the columns, rows
 * are numbered like a spreadsheet's (from 1, blank rows counted), and blank rows are skipped.
 * Throws a FileProblem when the chosen column (or, with none chosen, "text") does not exist.
 */
export class DelimitedTable {
  private headers: string[] | null = null;
  private field = "";
  /** The number of the last row seen. */
  row = 0;

  constructor(
    private readonly name: string,
    private readonly chosen: string | null,
  ) {}

  get hasHeader(): boolean {
    return this.headers !== null;
  }

  *records(
    rows: readonly string[][],
  ): Generator<{ record: Record<string, string>; n: number; field: string }> {
    for (const cells of rows) {
      this.row++;
      const blank = cells.every((c) => c.trim() === "");
      if (!this.headers) {
        if (blank) continue;
        this.headers = headerNames(cells);
        const picked = this.chosen ?? defaultField(this.headers);
        if (picked === null || !this.headers.includes(picked)) {
          throw new FileProblem(reasons.noColumn(this.name, picked ?? DEFAULT_FIELD));
        }
        this.field = picked;
        continue;
      }
      if (!blank) yield { record: rowRecord(this.headers, cells), n: this.row, field: this.field };
    }
  }
}
