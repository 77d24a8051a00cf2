import { useLiveQuery } from "dexie-react-hooks";
import { listChunks, type ChunkRow, type DocumentRow, type ResultRow } from "../../db";
import { studio } from "../../db/studio";

interface ChunkState {
  result: ResultRow;
  /** Pairs the result produced that are still stored. */
  pairs: number;
}

/** The latest result of each chunk of a document, with how many pairs it left. */
async function latestByChunk(documentId: string): Promise<Map<string, ChunkState>> {
  const results = await studio.db.results
    .where("[documentId+startedAt]")
    .between([documentId, -Infinity], [documentId, Infinity])
    .toArray();
  const pairs = new Map<string, number>();
  await studio.db.pairs
    .where("[documentId+index]")
    .between([documentId, -Infinity], [documentId, Infinity])
    .each((p) => {
      if (p.resultId) pairs.set(p.resultId, (pairs.get(p.resultId) ?? 0) + 1);
    });
  return new Map(results.map((r) => [r.chunkId, { result: r, pairs: pairs.get(r.id) ?? 0 }]));
}

/**
 * The document as plain text (never HTML), cut into its chunks: each with its cost in the
 * budget's unit, its synthesis state, and the demonstrations it was synthesized with.
 */
export function DocumentText({ doc }: { doc: DocumentRow }) {
  const chunks = useLiveQuery(() => listChunks(studio, doc.id), [doc.id]);
  const results = useLiveQuery(() => latestByChunk(doc.id), [doc.id]);
  const words = doc.text.trim().split(/\s+/).length;
  const many = (chunks?.length ?? 0) > 1;
  return (
    <article aria-label="Document text" className="flex-1 overflow-y-auto p-6">
      <h1 className="text-xl font-semibold">{doc.title}</h1>
      <p className="mt-1 text-xs text-neutral-500">
        {doc.text.length.toLocaleString()} characters · {words.toLocaleString()} words ·{" "}
        {chunks ? `${chunks.length} chunk${chunks.length === 1 ? "" : "s"} · ` : ""}
        {doc.source.kind === "file" ? `from ${doc.source.name ?? "a file"}` : doc.source.kind}
      </p>
      <div className="mt-4 max-w-3xl leading-relaxed text-neutral-800 dark:text-neutral-200">
        {chunks && chunks.length > 0 ? (
          chunks.map((c) => (
            <ChunkView
              key={c.id}
              doc={doc}
              chunk={c}
              state={results?.get(c.id)}
              showHeader={many || results?.get(c.id)?.result.link !== undefined}
            />
          ))
        ) : (
          <div className="whitespace-pre-wrap">{doc.text}</div>
        )}
      </div>
    </article>
  );
}

function ChunkView({
  doc,
  chunk,
  state,
  showHeader,
}: {
  doc: DocumentRow;
  chunk: ChunkRow;
  state: ChunkState | undefined;
  showHeader: boolean;
}) {
  const result = state?.result;
  // Kept on purpose and flagged: the model answered, but nothing in it parsed as a pair.
  const unparsed = result?.state === "done" && state?.pairs === 0 && result.rawOutput !== "";
  const unit = chunk.budgetMode === "tokens" ? "tokens" : "tokens (words estimate)";
  const demos = result?.link?.demonstrations ?? 0;
  return (
    <section
      aria-label={`Chunk ${chunk.index + 1}`}
      data-testid="chunk"
      className={showHeader ? "mb-4 border-l-2 border-indigo-200 pl-3 dark:border-indigo-900" : ""}
    >
      {showHeader && (
        <p className="mb-1 text-xs text-neutral-500">
          Chunk {chunk.index + 1} · {chunk.tokens.toLocaleString()} {unit}
          {chunk.oversized ? " · one word longer than the budget, cut hard" : ""}
          {result ? ` · ${result.state === "done" ? "synthesized" : result.state}` : " · pending"}
          {demos > 0 ? ` · synthesized with ${demos} demonstration${demos === 1 ? "" : "s"}` : ""}
        </p>
      )}
      {showHeader && unparsed && (
        <details className="mb-1 text-xs text-amber-800 dark:text-amber-300" data-testid="no-pairs">
          <summary className="cursor-pointer">
            No parsable pair in the output; the raw output is kept
          </summary>
          <pre className="mt-1 whitespace-pre-wrap rounded bg-neutral-100 p-2 font-mono text-neutral-800 dark:bg-neutral-900 dark:text-neutral-200">
            {result.rawOutput}
          </pre>
        </details>
      )}
      {showHeader && result?.error && result.state !== "done" && (
        <p className="mb-1 text-xs text-red-700 dark:text-red-400">{result.error.message}</p>
      )}
      <div className="whitespace-pre-wrap">{doc.text.slice(chunk.start, chunk.end)}</div>
    </section>
  );
}
