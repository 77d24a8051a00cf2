/**
 * JSON Lines helpers shared by the export formats and the import parsers.
 */

/**
 * One value as one JSONL line. JSON.stringify escapes "\n" and "\r" but leaves U+0085, U+2028
 * and U+2029 raw; Python's `splitlines()` and some editors break lines there, so they are
 * escaped too (still valid JSON, same value once parsed).
 */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u0085\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The result of reading one line of an imported JSONL file. */
export type LineResult<T> =
  { ok: true; value: T } | { ok: false; lineNumber: number; error: string };

/** A line-numbered failure; the message starts with the line so it reads well on its own. */
export function lineError(
  lineNumber: number,
  message: string,
): { ok: false; lineNumber: number; error: string } {
  return { ok: false, lineNumber, error: `line ${lineNumber}: ${message}` };
}

/** Parses one line as JSON, or explains why it is not JSON. */
export function parseJsonLine(line: string, lineNumber: number): LineResult<unknown> {
  if (line.trim() === "") return lineError(lineNumber, "is empty; expected one JSON object");
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return lineError(lineNumber, `is not valid JSON (${detail})`);
  }
}

/** A JSON object (not an array, not null), for narrowing parsed values. */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Reads a whole JSONL text with a per-line parser, skipping blank lines (a trailing newline or
 * a spacer line is not an error). Stops at the first bad line: a half-read corpus is worse than
 * a clear error. Line numbers are 1-based.
 */
export function parseJsonl<T>(
  text: string,
  parseLine: (line: string, lineNumber: number) => LineResult<T>,
): LineResult<T[]> {
  const values: T[] = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const result = parseLine(line, i + 1);
    if (!result.ok) return result;
    values.push(result.value);
  }
  return { ok: true, value: values };
}
