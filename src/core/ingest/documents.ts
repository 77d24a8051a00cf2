/**
 * A text found in a file, made into a document ready to store: its hash for dedupe and its
 * chunks for the synthesizer, both computed where the text is (the worker), so the page only
 * writes them.
 */
import { chunkText, type ChunkOptions } from "../chunk";
import { contentHash } from "../content-hash";
import { MAX_DOCUMENT_BYTES } from "../document-text";
import type { DocumentRow } from "../rows";

export interface IngestedDocument {
  /** The index of the file it came from, for the per-file report. */
  file: number;
  title: string;
  text: string;
  source: DocumentRow["source"];
  chunks: { start: number; end: number; tokens: number; oversized?: true }[];
  budgetMode: "words" | "tokens";
  contentHash: string;
}

/**
 * A document for `text`, or null when the text is too long for one document (the caller
 * reports it). Chunks keep offsets only: the text is not sent twice.
 */
export function ingestedDocument(
  input: { file: number; title: string; text: string; source: DocumentRow["source"] },
  chunking: ChunkOptions,
): IngestedDocument | null {
  // Measured in UTF-16 units, which is bytes for ASCII text: close enough for a limit.
  if (input.text.length > MAX_DOCUMENT_BYTES) return null;
  const chunks = chunkText(input.text, chunking).map((c) => {
    const kept: IngestedDocument["chunks"][number] = {
      start: c.start,
      end: c.end,
      tokens: c.tokens,
    };
    if (c.oversized) kept.oversized = true;
    return kept;
  });
  return {
    ...input,
    title: input.title.trim() || "Untitled document",
    chunks,
    budgetMode: chunking.budget === "words" ? "words" : "tokens",
    contentHash: contentHash(input.text),
  };
}
