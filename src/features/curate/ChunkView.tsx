import { memo, useState } from "react";
import { Button } from "../../components/Button";
import type { Span } from "../../core/quality/grounding";
import { addManualPair, type ChunkRow, type DocumentRow, type ResultRow } from "../../db";
import { studio } from "../../db/studio";
import { AddPairForm } from "./AddPairForm";
import { historyScope } from "./history-scope";
import { chunkText, segmentText } from "./pair-quality";

export interface ChunkState {
  result: ResultRow;
  /** Pairs the result produced that are still stored. */
  pairs: number;
  /** The model answered, but nothing in its output parsed as a pair. */
  unparsed: boolean;
}

/** The pair whose evidence a chunk shows, and where. */
export interface Evidence {
  pairLabel: string;
  spans: Span[];
}

export interface ChunkViewProps {
  doc: DocumentRow;
  chunk: ChunkRow;
  state: ChunkState | undefined;
  evidence: Evidence | undefined;
  /** Why regenerating is not possible now, or null. */
  regenerateBlocked: string | null;
  onRegenerate: (chunk: ChunkRow) => void;
}

/**
 * One chunk of the document as plain text (never HTML): its cost, synthesis state and
 * demonstrations, its actions, and the grounded spans of the pair being looked at as <mark>s.
 */
export const ChunkView = memo(function ChunkView(props: ChunkViewProps) {
  const { doc, chunk, state, evidence } = props;
  const [adding, setAdding] = useState(false);
  const result = state?.result;
  const unit = chunk.budgetMode === "tokens" ? "tokens" : "tokens (words estimate)";
  const demos = result?.link?.demonstrations ?? 0;
  const name = `chunk ${chunk.index + 1}`;
  const text = chunkText(doc.text, chunk);
  const hintId = `regenerate-blocked-${chunk.id}`;
  return (
    <section
      aria-label={`Chunk ${chunk.index + 1}`}
      data-testid="chunk"
      className="mb-4 border-l-2 border-indigo-200 pl-3 dark:border-indigo-900"
    >
      <div className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-neutral-500">
        <p>
          Chunk {chunk.index + 1} · {chunk.tokens.toLocaleString()} {unit}
          {chunk.oversized ? " · one word longer than the budget, cut hard" : ""}
          {result ? ` · ${result.state === "done" ? "synthesized" : result.state}` : " · pending"}
          {demos > 0 ? ` · synthesized with ${demos} demonstration${demos === 1 ? "" : "s"}` : ""}
        </p>
        <span className="ml-auto flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Regenerate ${name}`}
            aria-describedby={props.regenerateBlocked ? hintId : undefined}
            disabled={props.regenerateBlocked !== null}
            onClick={() => props.onRegenerate(chunk)}
          >
            Regenerate
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Add a pair to ${name}`}
            aria-expanded={adding}
            onClick={() => setAdding((a) => !a)}
          >
            Add pair
          </Button>
        </span>
      </div>
      {props.regenerateBlocked && (
        <p id={hintId} className="sr-only">
          {props.regenerateBlocked}
        </p>
      )}
      {adding && (
        <div className="mb-2">
          <AddPairForm
            startOpen
            fixedChunk
            chunkId={chunk.id}
            chunks={[{ id: chunk.id, label: `Chunk ${chunk.index + 1}` }]}
            onClose={() => setAdding(false)}
            onAdd={(question, answer) =>
              addManualPair(studio, historyScope(doc.projectId), {
                documentId: doc.id,
                chunkId: chunk.id,
                question,
                answer,
              }).then(() => undefined)
            }
          />
        </div>
      )}
      {state?.unparsed && result && (
        <details className="mb-1 text-xs text-amber-800 dark:text-amber-300" data-testid="no-pairs">
          <summary className="cursor-pointer">
            No parsable pair in the output; the raw output is kept
          </summary>
          <pre className="mt-1 whitespace-pre-wrap rounded bg-neutral-100 p-2 font-mono text-neutral-800 dark:bg-neutral-900 dark:text-neutral-200">
            {result.rawOutput}
          </pre>
        </details>
      )}
      {result?.error && result.state !== "done" && (
        <p className="mb-1 text-xs text-red-700 dark:text-red-400">{result.error.message}</p>
      )}
      {evidence && (
        <p className="mb-1 text-xs text-amber-800 dark:text-amber-300" aria-live="polite">
          {evidence.spans.length > 0
            ? `Highlighted: where ${evidence.pairLabel.toLowerCase()}'s answer is grounded`
            : `${evidence.pairLabel}'s answer has no words highlighted in this chunk`}
        </p>
      )}
      <div className="whitespace-pre-wrap">
        {evidence ? <Marked text={text} spans={evidence.spans} /> : text}
      </div>
    </section>
  );
});

/** The chunk's text with evidence in <mark>s: text nodes only, never parsed as HTML. */
function Marked({ text, spans }: { text: string; spans: readonly Span[] }) {
  return segmentText(text, spans).map((s, i) =>
    s.mark ? (
      <mark
        key={i}
        data-evidence=""
        className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-700/60"
      >
        {s.text}
      </mark>
    ) : (
      s.text
    ),
  );
}
