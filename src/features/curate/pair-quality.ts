import { orderFlags, type Flag } from "../../core/quality/flags";
import {
  indexSource,
  unflattenSpans,
  type SourceIndex,
  type Span,
} from "../../core/quality/grounding";
import { qualityOf } from "../../core/quality/quality";
import type { TaskType } from "../../core/quality/task-type";
import type { ChunkRow, DuplicateMark, PairRow } from "../../db";

/** What a pair card shows about a pair's quality. */
export interface ShownQuality {
  grounding: number | null;
  /** The pair's own flags plus its duplicate kind, in badge order. */
  flags: Flag[];
  taskType: TaskType;
  /** True when the curator set the task type by hand. */
  taskTypeSetByCurator: boolean;
  duplicate?: DuplicateMark;
}

/** The text a chunk covers; chunks store offsets, not text. */
export function chunkText(docText: string, chunk: Pick<ChunkRow, "start" | "end">): string {
  return docText.slice(chunk.start, chunk.end);
}

/**
 * Source indexes of a document's chunks, built when first asked for: a document view scores only
 * the chunks whose pairs it shows.
 */
export function sourceIndexes(
  docText: string,
  chunks: readonly ChunkRow[],
): (chunkId: string) => SourceIndex | undefined {
  const byId = new Map(chunks.map((c) => [c.id, c]));
  const built = new Map<string, SourceIndex>();
  return (chunkId) => {
    const known = built.get(chunkId);
    if (known) return known;
    const chunk = byId.get(chunkId);
    if (!chunk) return undefined;
    const index = indexSource(chunkText(docText, chunk));
    built.set(chunkId, index);
    return index;
  };
}

/** The pair's stored quality while it is up to date (not waiting to be scored again). */
const freshQuality = (pair: PairRow) => (pair.stale === 1 ? undefined : pair.quality);

/**
 * The stored quality when it is up to date; otherwise scored now against the chunk (the
 * background scoring catches up later with the same function), or null without the chunk.
 */
export function shownQuality(pair: PairRow, source: SourceIndex | undefined): ShownQuality | null {
  const quality = freshQuality(pair) ?? (source ? qualityOf(pair, source) : undefined);
  if (!quality) return null;
  return {
    grounding: quality.grounding,
    flags: orderFlags([...quality.flags, ...(pair.duplicate ? [pair.duplicate.kind] : [])]),
    taskType: pair.taskType ?? quality.taskType,
    taskTypeSetByCurator: pair.taskType !== undefined,
    ...(pair.duplicate ? { duplicate: pair.duplicate } : {}),
  };
}

/**
 * Where a pair's answer is grounded in its chunk, as offsets into the chunk's text: as stored
 * when its quality is up to date, else found now.
 */
export function evidenceSpans(pair: PairRow, source: SourceIndex): Span[] {
  const stored = freshQuality(pair)?.spans;
  return stored ? unflattenSpans(stored) : qualityOf(pair, source).spans;
}

/** A run of chunk text, marked when it is evidence. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Cuts text into plain and marked runs at the given spans (sorted, non-overlapping). */
export function segmentText(text: string, spans: readonly Span[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const span of spans) {
    const start = Math.max(at, Math.min(span.start, text.length));
    const end = Math.max(start, Math.min(span.end, text.length));
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    if (end > start) out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/** "Grounded 82%", or a note when overlap cannot say anything. */
export function groundingLabel(grounding: number | null): string {
  return grounding === null ? "Grounding n/a" : `Grounded ${Math.round(grounding * 100)}%`;
}
