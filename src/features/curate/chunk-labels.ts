import type { ChunkRow } from "../../db";
import type { ChunkChoice } from "./AddPairForm";
import { chunkText } from "./pair-quality";

/** How much of a chunk's opening a label quotes. */
const QUOTE = 40;

/** "Chunk 2: “Basalt forms when lava…”", so a chunk can be recognised in a list. */
export function chunkChoices(docText: string, chunks: readonly ChunkRow[]): ChunkChoice[] {
  return chunks.map((c) => {
    const text = chunkText(docText, c).replace(/\s+/g, " ").trim();
    const quote = text.length > QUOTE ? `${text.slice(0, QUOTE).trimEnd()}…` : text;
    return { id: c.id, label: `Chunk ${c.index + 1}: “${quote}”` };
  });
}
