import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useMemo, useRef, useState } from "react";
import { indexSource } from "../../core/quality/grounding";
import { parseSynthesizerOutput } from "../../core/parse";
import { listChunks, listPairs, type ChunkRow, type DocumentRow } from "../../db";
import { studio } from "../../db/studio";
import { useEngine } from "../../stores/engine-store";
import { useJobLive } from "../../stores/job-store";
import { usePairHighlight } from "../../stores/pair-highlight-store";
import { useUi } from "../../stores/ui-store";
import { ChunkView, type ChunkState, type Evidence } from "./ChunkView";
import { chunkText, evidenceSpans } from "./pair-quality";
import { RegenerateDialog } from "./RegenerateDialog";

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
  return new Map(
    results.map((r) => {
      const left = pairs.get(r.id) ?? 0;
      // Kept on purpose and flagged. A result whose pairs were deleted (or whose regeneration
      // was undone) did parse, so it is not flagged.
      const unparsed =
        r.state === "done" &&
        left === 0 &&
        r.rawOutput !== "" &&
        parseSynthesizerOutput(r.rawOutput).length === 0;
      return [r.chunkId, { result: r, pairs: left, unparsed }];
    }),
  );
}

/** Why a chunk cannot be regenerated now, or null. */
function useRegenerateBlocked(): string | null {
  const ready = useEngine((s) => s.status.state === "ready");
  const batch = useJobLive((s) => s.live !== null);
  if (!ready) return "Regenerating needs an engine: load a model or connect a server first.";
  if (batch) return "A batch synthesis is running; regenerate when it has finished.";
  return null;
}

/**
 * The document as plain text (never HTML), cut into its chunks: each with its cost, synthesis
 * state, demonstrations and actions (regenerate, add a pair). The pair under the pointer, else
 * the keyboard's current pair, has its grounded spans highlighted in its chunk.
 */
export function DocumentText({ doc }: { doc: DocumentRow }) {
  const chunks = useLiveQuery(() => listChunks(studio, doc.id), [doc.id]);
  const results = useLiveQuery(() => latestByChunk(doc.id), [doc.id]);
  const pairs = useLiveQuery(() => listPairs(studio, doc.id), [doc.id]);
  const focusedPair = useUi((s) => s.focusedPair);
  const hovered = usePairHighlight((s) => s.hoveredPairId);
  const reveal = usePairHighlight((s) => s.reveal);
  const blocked = useRegenerateBlocked();
  const [regenerating, setRegenerating] = useState<ChunkRow | null>(null);
  const article = useRef<HTMLElement>(null);
  const words = doc.text.trim().split(/\s+/).length;

  const position = pairs?.findIndex((p) => p.id === hovered) ?? -1;
  const activeIndex = position >= 0 ? position : Math.min(focusedPair, (pairs?.length ?? 1) - 1);
  const active = pairs?.[activeIndex];
  const activeChunk = chunks?.find((c) => c.id === active?.chunkId);
  const evidence = useMemo((): Evidence | undefined => {
    if (!active || !activeChunk) return undefined;
    const source = indexSource(chunkText(doc.text, activeChunk));
    return { pairLabel: `Pair ${activeIndex + 1}`, spans: evidenceSpans(active, source) };
  }, [active, activeChunk, activeIndex, doc.text]);

  // A pair got keyboard focus: bring its first grounded span (or its chunk) into view.
  useEffect(() => {
    if (!reveal) return;
    const root = article.current;
    const target =
      root?.querySelector("mark[data-evidence]") ??
      root?.querySelector(`[data-chunk-id="${CSS.escape(activeChunk?.id ?? "")}"]`);
    target?.scrollIntoView({ block: "center" });
    // Only a new reveal scrolls; hovering and live updates must not move the text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reveal]);

  return (
    <article ref={article} aria-label="Document text" className="flex-1 overflow-y-auto p-6">
      <h1 className="text-xl font-semibold">{doc.title}</h1>
      <p className="mt-1 text-xs text-neutral-500">
        {doc.text.length.toLocaleString()} characters · {words.toLocaleString()} words ·{" "}
        {chunks ? `${chunks.length} chunk${chunks.length === 1 ? "" : "s"} · ` : ""}
        {doc.source.kind === "file" ? `from ${doc.source.name ?? "a file"}` : doc.source.kind}
      </p>
      <div className="mt-4 max-w-3xl leading-relaxed text-neutral-800 dark:text-neutral-200">
        {chunks && chunks.length > 0 ? (
          chunks.map((c) => (
            <div key={c.id} data-chunk-id={c.id}>
              <ChunkView
                doc={doc}
                chunk={c}
                state={results?.get(c.id)}
                evidence={c.id === activeChunk?.id ? evidence : undefined}
                regenerateBlocked={blocked}
                onRegenerate={setRegenerating}
              />
            </div>
          ))
        ) : (
          <div className="whitespace-pre-wrap">{doc.text}</div>
        )}
      </div>
      {regenerating && (
        <RegenerateDialog
          doc={doc}
          chunk={regenerating}
          demonstrations={results?.get(regenerating.id)?.result.link?.demonstrations ?? 0}
          onClose={() => setRegenerating(null)}
        />
      )}
    </article>
  );
}
