import { useLiveQuery } from "dexie-react-hooks";
import { useState } from "react";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorCallout } from "../../components/ErrorCallout";
import type { Pair } from "../../core/types";
import {
  commitRegeneration,
  listPairs,
  replacedByRegeneration,
  undo,
  type ChunkRow,
  type DocumentRow,
  type PairRow,
  type RegenerateMode,
} from "../../db";
import { studio } from "../../db/studio";
import { attempt, useUi } from "../../stores/ui-store";
import { historyScope } from "./history-scope";
import { chunkText } from "./pair-quality";
import { useRegeneration, type RegenerationDraft } from "./use-regeneration";
import { plural } from "../../core/plural";

export interface RegenerateDialogProps {
  doc: DocumentRow;
  chunk: ChunkRow;
  /** Demonstrations the chunk's current pairs were synthesized with. */
  demonstrations: number;
  onClose: () => void;
}

/**
 * Runs the engine on one chunk again and shows the new pairs next to the current ones. Nothing
 * is written until the curator picks "replace" or "append"; closing aborts the run.
 */
export function RegenerateDialog({ doc, chunk, demonstrations, onClose }: RegenerateDialogProps) {
  const name = `chunk ${chunk.index + 1}`;
  const { run, retry } = useRegeneration(doc.projectId, chunkText(doc.text, chunk));
  const current = useLiveQuery(
    async () => (await listPairs(studio, doc.id)).filter((p) => p.chunkId === chunk.id),
    [doc.id, chunk.id],
  );
  const [saveError, setSaveError] = useState<{ message: string; detail: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const replaced = (current ?? []).filter(replacedByRegeneration);
  const kept = (current ?? []).length - replaced.length;
  const fresh: Pair[] =
    run.phase === "ready" ? run.draft.outcome.pairs : run.phase === "running" ? run.pairs : [];

  const commit = (mode: RegenerateMode, draft: RegenerationDraft) => {
    setSaving(true);
    setSaveError(null);
    commitRegeneration(studio, historyScope(doc.projectId), {
      ...draft,
      chunkId: chunk.id,
      mode,
      label: `Regenerate ${name}`,
    })
      .then(({ added, removed }) => {
        useUi.getState().pushToast({
          tone: "success",
          message:
            mode === "replace"
              ? `Regenerated ${name}: ${plural(removed.length, "pair")} replaced by ${added.length}.`
              : `Regenerated ${name}: ${plural(added.length, "pair")} added.`,
          action: {
            label: "Undo",
            run: () => attempt(() => undo(studio, historyScope(doc.projectId)), "Undo failed"),
          },
        });
        onClose();
      })
      .catch((err: unknown) => {
        setSaving(false);
        setSaveError({
          message: err instanceof Error ? err.message : String(err),
          detail: (err as { detail?: string } | null)?.detail ?? "",
        });
      });
  };

  return (
    <Dialog title={`Regenerate ${name}`} open onClose={onClose} wide>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        The engine writes new pairs for this chunk from its text alone, with the prompt of a first
        round
        {demonstrations > 0
          ? ` (the batch gave it ${plural(demonstrations, "demonstration")}; this run uses none)`
          : ""}
        . Nothing is saved until you choose, and either choice can be undone.
      </p>

      {run.phase === "running" && (
        <div className="mt-3" role="status">
          <p className="text-xs text-neutral-600 dark:text-neutral-400">
            Writing… {plural(run.pairs.length, "pair")} so far
            {run.retry ? ` · retrying: ${run.retry}` : ""}
          </p>
          <pre
            aria-label="Raw model output"
            className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap rounded-md bg-neutral-950 p-2 font-mono text-xs text-neutral-100"
          >
            {run.raw || "…"}
          </pre>
        </div>
      )}
      {run.phase === "failed" && (
        <div className="mt-3">
          <ErrorCallout title="Regeneration failed" message={run.message} detail={run.detail}>
            <Button size="sm" variant="primary" onClick={retry}>
              Try again
            </Button>
          </ErrorCallout>
          <p className="mt-2 text-xs text-neutral-600 dark:text-neutral-400">
            Nothing was changed: the chunk keeps its pairs.
          </p>
        </div>
      )}

      <div className="mt-4 grid grid-cols-2 gap-3">
        <PairColumn title={`Current pairs (${current?.length ?? 0})`}>
          {(current ?? []).map((p) => (
            <CurrentPair key={p.id} pair={p} />
          ))}
          {current?.length === 0 && <Empty>This chunk has no pairs yet.</Empty>}
        </PairColumn>
        <PairColumn title={`New pairs (${fresh.length})`}>
          {fresh.map((p, i) => (
            <PairItem key={i} pair={p} />
          ))}
          {run.phase === "ready" && fresh.length === 0 && (
            <Empty>The model wrote no pair that parses. Try again, or cancel.</Empty>
          )}
        </PairColumn>
      </div>

      <p className="mt-3 text-xs text-neutral-600 dark:text-neutral-400">
        <strong>Replace</strong> removes this chunk&apos;s model pairs that are pending or rejected
        ({replaced.length}); pairs you edited, wrote by hand or accepted stay ({kept}).{" "}
        <strong>Append</strong> keeps all {current?.length ?? 0} and adds the new ones.
      </p>
      {saveError && (
        <div className="mt-3">
          <ErrorCallout
            title="The new pairs were not saved"
            message={saveError.message}
            detail={saveError.detail}
          />
        </div>
      )}
      <div className="mt-4 flex flex-wrap justify-end gap-2">
        <Button onClick={onClose}>{run.phase === "running" ? "Stop and cancel" : "Cancel"}</Button>
        <Button
          disabled={run.phase !== "ready" || fresh.length === 0 || saving}
          onClick={() => run.phase === "ready" && commit("append", run.draft)}
        >
          Append new pairs
        </Button>
        <Button
          variant="primary"
          disabled={run.phase !== "ready" || fresh.length === 0 || saving}
          onClick={() => run.phase === "ready" && commit("replace", run.draft)}
        >
          Replace model pairs
        </Button>
      </div>
    </Dialog>
  );
}

function PairColumn({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="mb-1 text-sm font-semibold">{title}</h3>
      <ul className="max-h-80 space-y-2 overflow-y-auto pr-1">{children}</ul>
    </section>
  );
}

function PairItem({ pair, note }: { pair: Pair; note?: React.ReactNode }) {
  return (
    <li className="rounded-md border border-neutral-200 p-2 text-xs dark:border-neutral-700">
      {note}
      <p className="font-medium whitespace-pre-wrap">{pair.question || "(empty question)"}</p>
      <p className="mt-0.5 whitespace-pre-wrap text-neutral-700 dark:text-neutral-300">
        {pair.answer}
      </p>
    </li>
  );
}

function CurrentPair({ pair }: { pair: PairRow }) {
  const goes = replacedByRegeneration(pair);
  const why = pair.origin === "manual" ? "written by hand" : pair.edited ? "edited" : pair.status;
  return (
    <PairItem
      pair={pair}
      note={
        <p
          className={`mb-1 text-[11px] font-medium ${goes ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
        >
          {goes ? `Removed by Replace (${why})` : `Kept (${why})`}
        </p>
      }
    />
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <li className="text-xs text-neutral-500">{children}</li>;
}
