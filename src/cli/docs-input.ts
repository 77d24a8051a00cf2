import { UsageError, openInput, readLines } from "./io";

export interface InputDoc {
  /** Position among the documents this process handles (after sharding). */
  index: number;
  /** 1-based line number in the input file, for messages. */
  line: number;
  text: string;
  /** Every input field except "text", kept as metadata. */
  meta: Record<string, unknown>;
}

export interface Shard {
  i: number;
  n: number;
}

/** Parses `--shard i/n` (0-based i). */
export function parseShard(value: string | undefined): Shard {
  if (value === undefined) return { i: 0, n: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const i = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || i >= n)
    throw new UsageError(`--shard must be i/n with 0 <= i < n, got "${value}"`);
  return { i, n };
}

export interface ReadDocsOptions {
  shard: Shard;
  skipBadLines: boolean;
  onSkip?: (line: number, reason: string) => void;
}

/**
 * Streams `{"text": …}` lines. A document belongs to shard i/n when its position among the
 * valid input documents modulo n is i, so every shard's split is deterministic and together the
 * shards cover the input exactly once. Bad lines stop the run with their line number, or are
 * skipped (and reported) with --skip-bad-lines.
 */
export async function* readDocs(path: string, opts: ReadDocsOptions): AsyncGenerator<InputDoc> {
  let position = 0;
  let index = 0;
  for await (const { line, n } of readLines(await openInput(path))) {
    if (line.trim() === "") continue;
    const problem = lineProblem(line);
    if (typeof problem === "string") {
      if (!opts.skipBadLines)
        throw new UsageError(
          `${path} line ${n}: ${problem} (use --skip-bad-lines to skip such lines)`,
        );
      opts.onSkip?.(n, problem);
      continue;
    }
    if (position++ % opts.shard.n !== opts.shard.i) continue;
    const { text, ...meta } = problem;
    yield { index: index++, line: n, text, meta };
  }
}

function lineProblem(line: string): string | ({ text: string } & Record<string, unknown>) {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return "expected a JSON object";
  const text = (value as { text?: unknown }).text;
  if (typeof text !== "string") return 'expected a string field "text"';
  return value as { text: string } & Record<string, unknown>;
}
