/**
 * Splits a byte stream into lines with their 1-based numbers, so a huge JSONL file is read one
 * line at a time. It splits bytes, not text: a newline byte never occurs inside a multi-byte
 * UTF-8 character, and each line can then be decoded alone, so one line that is not UTF-8
 * costs that line only. A line longer than `maxLineBytes` is not kept in memory: it comes out as
 * `tooLong`, and its bytes are dropped as they arrive.
 */

export type Line = { n: number; bytes: Uint8Array } | { n: number; tooLong: true };

export class LineSplitter {
  private parts: Uint8Array[] = [];
  private length = 0;
  private overflow = false;
  private n = 0;

  constructor(private readonly maxLineBytes: number) {}

  /** The lines that `chunk` completes. Their bytes may share `chunk`'s buffer: read them now. */
  push(chunk: Uint8Array): Line[] {
    const lines: Line[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      if (this.length === 0 && !this.overflow && nl - start <= this.maxLineBytes) {
        // The whole line is in this chunk: hand out a view, no copy.
        lines.push({ n: ++this.n, bytes: withoutCr(chunk.subarray(start, nl)) });
      } else {
        this.take(chunk.subarray(start, nl));
        lines.push(this.finish());
      }
      start = nl + 1;
    }
    this.take(chunk.subarray(start));
    return lines;
  }

  /** The last line, when the input does not end with a newline. */
  end(): Line[] {
    return this.length > 0 || this.overflow ? [this.finish()] : [];
  }

  private take(piece: Uint8Array): void {
    if (this.overflow || piece.length === 0) return;
    if (this.length + piece.length > this.maxLineBytes) {
      this.overflow = true;
      this.parts = [];
      this.length = 0;
      return;
    }
    this.parts.push(piece.slice());
    this.length += piece.length;
  }

  private finish(): Line {
    const n = ++this.n;
    if (this.overflow) {
      this.overflow = false;
      return { n, tooLong: true };
    }
    let bytes: Uint8Array;
    if (this.parts.length === 1) bytes = this.parts[0] as Uint8Array;
    else {
      bytes = new Uint8Array(this.length);
      let at = 0;
      for (const p of this.parts) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    this.parts = [];
    this.length = 0;
    return { n, bytes: withoutCr(bytes) };
  }
}

/** A CRLF file: the carriage return belongs to the line break, not the record. */
const withoutCr = (bytes: Uint8Array) =>
  bytes[bytes.length - 1] === 0x0d ? bytes.subarray(0, bytes.length - 1) : bytes;

const isBlank = (bytes: Uint8Array) =>
  bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0c);

/**
 * One JSONL line to its value, or null: blank lines are not records, and a line that is too
 * long, not UTF-8 (`decode` returns null) or not JSON is told to `onIssue` with its number.
 */
export function jsonlValue(
  line: Line,
  decode: (bytes: Uint8Array) => string | null,
  onIssue: (issue: { unit: "line"; n: number; problem: string }) => void,
): { value: unknown } | null {
  const problem = (p: string) => {
    onIssue({ unit: "line", n: line.n, problem: p });
    return null;
  };
  if ("tooLong" in line) return problem("a line over the document size limit");
  if (isBlank(line.bytes)) return null;
  const text = decode(line.bytes);
  if (text === null) return problem("invalid UTF-8");
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return problem("bad JSON");
  }
}
