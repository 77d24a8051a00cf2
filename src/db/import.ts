import { contentHash } from "../core/content-hash";
import type { InterchangeEntry } from "../core/export/collections-jsonl";
import { titleFromText } from "../core/document-text";
import { pairsBlock } from "../core/tags";
import type { DbContext } from "./context";
import { measure } from "../core/budget";
import { readBlock } from "../core/tags";
import type { ChunkRow, DocumentRow, EntryLink, PairRow, ResultRow } from "./schema";
import { modelPairRows } from "./pairs";
import { guardWrite } from "./storage-error";

/**
 * Imports entries synthesized elsewhere (the `ipt` CLI's collections JSONL, its collections
 * flattened in order) as documents of one chunk each, with a finished result and pending pairs,
 * all in ONE transaction: a bad write or a full disk leaves the project exactly as it was.
 *
 * Multi-round chains come back as links: an entry with `inheritsFromPrevious` gets a result
 * whose `link.previousChunkId` is the previous entry's chunk, so exports cook the chain as one
 * text again and write the same collections. The first entry of a collection never inherits
 * (method spec, section 4), so flattening loses no chain.
 */
export async function importEntries(
  ctx: DbContext,
  projectId: string,
  entries: readonly InterchangeEntry[],
  source: { name: string },
): Promise<DocumentRow[]> {
  const { db } = ctx;
  const t = ctx.now();
  const docs: DocumentRow[] = [];
  const results: ResultRow[] = [];
  const chunks: ChunkRow[] = [];
  const pairs: PairRow[] = [];
  let demonstrations = 0;
  for (const entry of entries) {
    const doc: DocumentRow = {
      id: ctx.newId(),
      projectId,
      title: titleFromText(entry.text),
      source: { kind: "file", name: source.name, mime: "application/jsonl" },
      text: entry.text,
      contentHash: contentHash(entry.text),
      createdAt: t + docs.length, // keeps file order when listed by creation time
      updatedAt: t,
    };
    // An entry was already one synthesizer input, so it stays one chunk.
    const chunk: ChunkRow = {
      id: ctx.newId(),
      projectId,
      documentId: doc.id,
      index: 0,
      start: 0,
      end: entry.text.length,
      tokens: measure(readBlock(entry.text), "words"),
      budgetMode: "words",
    };
    const model = typeof entry.meta?.model === "string" ? entry.meta.model : "unknown";
    const previous = chunks.at(-1);
    const inherits = entry.inheritsFromPrevious && previous !== undefined;
    // The demonstrations were the chain walked back from the previous entry (section 4).
    demonstrations = inherits ? demonstrations + 1 : 0;
    const link: EntryLink = {
      ...(inherits ? { previousChunkId: previous.id } : {}),
      demonstrations,
      inheritsFromPrevious: inherits,
      followedByNext: entry.followedByNext,
    };
    const result: ResultRow = {
      id: ctx.newId(),
      projectId,
      documentId: doc.id,
      chunkId: chunk.id,
      link,
      prompt: "",
      rawOutput: pairsBlock(entry.pairs),
      finishReason: entry.error === undefined ? "stop" : "error",
      engineId: "ipt",
      modelId: model,
      settings: { maxTokens: 400, temperature: 0 },
      state: entry.error === undefined ? "done" : "failed",
      ...(entry.error === undefined
        ? {}
        : { error: { kind: "imported", message: entry.error, detail: "" } }),
      startedAt: t,
      finishedAt: t,
    };
    docs.push(doc);
    chunks.push(chunk);
    results.push(result);
    pairs.push(...modelPairRows(ctx, result, entry.pairs, 0, t));
  }
  await guardWrite(() =>
    db.transaction("rw", db.documents, db.chunks, db.results, db.pairs, async () => {
      await db.documents.bulkAdd(docs);
      await db.chunks.bulkAdd(chunks);
      await db.results.bulkAdd(results);
      await db.pairs.bulkAdd(pairs);
    }),
  );
  return docs;
}
