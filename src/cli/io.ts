import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

/** A failure the user caused (bad flag, unreadable file): printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** Reads lines one at a time with their 1-based numbers, so memory does not grow with input. */
export async function* readLines(input: Readable): AsyncGenerator<{ line: string; n: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) yield { line, n: ++n };
}

/** Opens a file for reading, turning "no such file" into a one-line UsageError. */
export async function openInput(path: string): Promise<Readable> {
  const stream = createReadStream(path);
  try {
    await once(stream, "readable");
  } catch (err) {
    throw new UsageError(
      `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  return stream;
}

export function openOutput(path: string, append = false): WriteStream {
  return createWriteStream(path, { flags: append ? "a" : "w" });
}

/** Writes with back-pressure: waits for drain instead of buffering the corpus in memory. */
export async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

export async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

/** Reads all of stdin as text (for `ipt parse` without --jsonl). */
export async function readAll(input: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
