import { collectionsLine } from "../../core/export/collections-jsonl";
import { parseSynthesizerOutput } from "../../core/parse";
import { EngineError, type SynthesisEngine } from "../../core/synthesis-engine";
import type { Pair } from "../../core/types";
import type { InputDoc } from "../docs-input";
import type { JournalRecord } from "../journal";
import type { SynthesizeOptions } from "./synthesize-options";

/** Sends one prompt; a request that still fails after the engine's retries becomes a record. */
export async function requestRecord(
  engine: SynthesisEngine,
  opts: SynthesizeOptions,
  r: number,
  i: number,
  prompt: string,
): Promise<JournalRecord> {
  try {
    const result = await engine.complete(prompt, {
      maxTokens: opts.maxNewTokens,
      temperature: opts.temperature,
    });
    return { r, i, raw: result.text, tokens: result.usage?.completionTokens ?? 0 };
  } catch (err) {
    const message =
      err instanceof EngineError
        ? `${err.message}${err.detail ? ` (${err.detail})` : ""}`
        : String(err);
    return { r, i, error: message };
  }
}

export function recordPairs(rec: JournalRecord): Pair[] {
  return rec.raw === undefined ? [] : parseSynthesizerOutput(rec.raw);
}

export interface OutputEntry {
  doc: Pick<InputDoc, "text" | "meta">;
  rec: JournalRecord;
  inheritsFromPrevious: boolean;
  followedByNext: boolean;
}

/** One output line in the collections interchange format, failed entries with their error. */
export function entryLine(entries: OutputEntry[]): string {
  return (
    collectionsLine(
      entries.map(({ doc, rec, inheritsFromPrevious, followedByNext }) => ({
        text: doc.text,
        pairs: recordPairs(rec),
        inheritsFromPrevious,
        followedByNext,
        meta: doc.meta,
        ...(rec.error !== undefined ? { error: rec.error } : {}),
      })),
    ) + "\n"
  );
}
