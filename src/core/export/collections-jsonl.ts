/**
 * The collections JSONL interchange (what the CLI reads and writes between synthesis and
 * cooking): one collection per line, `{"entries":[{text, pairs, inheritsFromPrevious,
 * followedByNext?, meta?, error?}]}`. `error` records why synthesis gave up on the entry (it
 * then has no pairs), so a failed document is visible instead of silently missing.
 */
import type { Entry } from "../collection";
import type { Pair } from "../types";
import {
  isJsonObject,
  jsonLine,
  lineError,
  parseJsonLine,
  parseJsonl,
  type LineResult,
} from "./jsonl";

/** An entry as interchanged: an {@link Entry} plus optional free-form metadata (ids, sources). */
export interface InterchangeEntry extends Entry {
  meta?: Record<string, unknown>;
  /** Why synthesis gave up on this entry after its retries. */
  error?: string;
}

/** One line of the interchange file. */
export type InterchangeCollection = InterchangeEntry[];

/** Writes one collection as one line. Only known fields are written; `followedByNext` always. */
export function collectionsLine(collection: readonly InterchangeEntry[]): string {
  return jsonLine({
    entries: collection.map((e) => ({
      text: e.text,
      pairs: e.pairs.map((p) => ({ question: p.question, answer: p.answer })),
      inheritsFromPrevious: e.inheritsFromPrevious,
      followedByNext: e.followedByNext,
      ...(e.meta === undefined ? {} : { meta: e.meta }),
      ...(e.error === undefined ? {} : { error: e.error }),
    })),
  });
}

class Invalid extends Error {}

function fields(o: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) {
    // Strict on purpose: a misspelt optional field ("followed_by_next") would otherwise vanish.
    if (!allowed.includes(key)) {
      throw new Invalid(`${path} has an unknown field "${key}" (put extra data in "meta")`);
    }
  }
}

function expectString(o: Record<string, unknown>, key: string, path: string): string {
  const v = o[key];
  if (typeof v !== "string") throw new Invalid(`${path}.${key} must be a string`);
  return v;
}

function pairAt(v: unknown, path: string): Pair {
  if (!isJsonObject(v)) throw new Invalid(`${path} must be an object {question, answer}`);
  fields(v, path, ["question", "answer"]);
  return { question: expectString(v, "question", path), answer: expectString(v, "answer", path) };
}

function entryAt(v: unknown, path: string): InterchangeEntry {
  if (!isJsonObject(v)) throw new Invalid(`${path} must be an object`);
  fields(v, path, ["text", "pairs", "inheritsFromPrevious", "followedByNext", "meta", "error"]);
  const text = expectString(v, "text", path);
  if (!Array.isArray(v.pairs)) throw new Invalid(`${path}.pairs must be an array`);
  const pairs = v.pairs.map((p, i) => pairAt(p, `${path}.pairs[${i}]`));
  if (typeof v.inheritsFromPrevious !== "boolean") {
    throw new Invalid(`${path}.inheritsFromPrevious must be true or false`);
  }
  const followedByNext = v.followedByNext ?? false;
  if (typeof followedByNext !== "boolean") {
    throw new Invalid(`${path}.followedByNext must be true or false when present`);
  }
  const entry: InterchangeEntry = {
    text,
    pairs,
    inheritsFromPrevious: v.inheritsFromPrevious,
    followedByNext,
  };
  if (v.meta !== undefined) {
    if (!isJsonObject(v.meta)) throw new Invalid(`${path}.meta must be an object when present`);
    entry.meta = v.meta;
  }
  if (v.error !== undefined) entry.error = expectString(v, "error", path);
  return entry;
}

/**
 * Reads one line of a collections JSONL file. `lineNumber` (1-based) goes into the error, e.g.
 * `line 3: entries[1].pairs[0].answer must be a string`. A missing `followedByNext` reads as false.
 */
export function parseCollectionsLine(
  line: string,
  lineNumber: number,
): LineResult<InterchangeCollection> {
  const json = parseJsonLine(line, lineNumber);
  if (!json.ok) return json;
  try {
    const root = json.value;
    if (!isJsonObject(root)) throw new Invalid('must be an object {"entries": [...]}');
    fields(root, "the line", ["entries"]);
    if (!Array.isArray(root.entries)) throw new Invalid('"entries" must be an array');
    return { ok: true, value: root.entries.map((e, i) => entryAt(e, `entries[${i}]`)) };
  } catch (e) {
    if (e instanceof Invalid) return lineError(lineNumber, e.message);
    throw e;
  }
}

/** Reads a whole collections JSONL text (blank lines skipped), stopping at the first bad line. */
export function parseCollectionsJsonl(text: string): LineResult<InterchangeCollection[]> {
  return parseJsonl(text, parseCollectionsLine);
}
