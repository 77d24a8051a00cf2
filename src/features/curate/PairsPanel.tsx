import { useLiveQuery } from "dexie-react-hooks";
import { useMemo } from "react";
import {
  addManualPair,
  deletePairs,
  editPairText,
  listChunks,
  listPairs,
  setStatus,
  undo,
  type DocumentRow,
  type PairRow,
} from "../../db";
import { studio } from "../../db/studio";
import { EmptyState } from "../../components/EmptyState";
import { useSynthesis } from "../../stores/synthesis-store";
import { attempt, useUi } from "../../stores/ui-store";
import { AddPairForm } from "./AddPairForm";
import { historyScope } from "./history-scope";
import { HistoryButtons } from "./HistoryButtons";
import { PairCard } from "./PairCard";
import { chunkChoices } from "./chunk-labels";
import { shownQuality, sourceIndexes, type ShownQuality } from "./pair-quality";
import { usePairShortcuts, type PairActions } from "./use-pair-shortcuts";

/** The selected document's pairs: review by mouse or keyboard, edit inline, add by hand. */
export function PairsPanel({ doc }: { doc: DocumentRow }) {
  const pairs = useLiveQuery(() => listPairs(studio, doc.id), [doc.id]);
  const chunks = useLiveQuery(() => listChunks(studio, doc.id), [doc.id]);
  const choices = useMemo(() => chunkChoices(doc.text, chunks ?? []), [doc.text, chunks]);
  const qualities = useMemo(() => {
    const source = sourceIndexes(doc.text, chunks ?? []);
    const out = new Map<string, ShownQuality | null>();
    for (const p of pairs ?? []) out.set(p.id, shownQuality(p, source(p.chunkId)));
    return out;
  }, [doc.text, chunks, pairs]);
  const chunkNumber = useMemo(
    () => new Map((chunks ?? []).map((c) => [c.id, c.index + 1])),
    [chunks],
  );
  const live = useSynthesis((s) => (s.live?.documentId === doc.id ? s.live : null));
  const { focusedPair, editingPairId, setFocusedPair, setEditingPair, pushToast } = useUi();

  const actions: PairActions = useMemo(
    () => ({
      setStatus: (pair, status) =>
        attempt(
          () => setStatus(studio, historyScope(pair.projectId), [pair.id], status),
          "Could not save",
        ),
      remove: (pair: PairRow) =>
        attempt(async () => {
          const removed = await deletePairs(studio, historyScope(pair.projectId), [pair.id]);
          if (removed > 0) {
            pushToast({
              tone: "info",
              message: "Pair deleted.",
              action: {
                label: "Undo",
                run: () => attempt(() => undo(studio, historyScope(pair.projectId)), "Undo failed"),
              },
            });
          }
        }, "Could not delete"),
    }),
    [pushToast],
  );
  usePairShortcuts(pairs ?? [], actions);

  const counts = { accepted: 0, rejected: 0, pending: 0 };
  for (const p of pairs ?? []) counts[p.status]++;

  return (
    <section
      aria-label="Pairs"
      className="flex w-[26rem] shrink-0 flex-col border-l border-neutral-200 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 border-b border-neutral-200 p-3 dark:border-neutral-800">
        <h2 className="text-sm font-semibold">Pairs</h2>
        <span className="text-xs text-neutral-500" aria-live="polite">
          {pairs?.length ?? 0} · {counts.accepted} accepted · {counts.rejected} rejected ·{" "}
          {counts.pending} pending
        </span>
        <div className="ml-auto">
          <HistoryButtons projectId={doc.projectId} />
        </div>
      </div>
      <div className="flex-1 overflow-y-auto p-3">
        {live && (
          <div
            className="mb-3 rounded-lg border border-dashed border-indigo-300 p-3 text-sm dark:border-indigo-700"
            aria-label="Pairs arriving"
          >
            <p className="mb-2 text-xs font-medium text-indigo-700 dark:text-indigo-300">
              Streaming… {live.pairs.length} pairs parsed
            </p>
            <ol className="list-decimal space-y-1 pl-5">
              {live.pairs.map((p, i) => (
                <li key={i}>
                  <span className="font-medium">{p.question}</span> — {p.answer}
                </li>
              ))}
            </ol>
          </div>
        )}
        {pairs && pairs.length === 0 && !live && (
          <EmptyState title="No pairs yet">
            <p>
              Press Synthesize to have the model write instruction-response pairs for this document,
              or add one by hand.
            </p>
          </EmptyState>
        )}
        <ul className="space-y-2">
          {(pairs ?? []).map((p, i) => (
            <PairCard
              key={p.id}
              pair={p}
              position={i}
              focused={i === focusedPair}
              editing={p.id === editingPairId}
              onFocus={() => setFocusedPair(i)}
              onStatus={(status) => actions.setStatus(p, status)}
              onEdit={() => {
                setFocusedPair(i);
                setEditingPair(p.id);
              }}
              onEditDone={() => setEditingPair(null)}
              onSave={(question, answer) =>
                attempt(
                  () => editPairText(studio, historyScope(p.projectId), p.id, { question, answer }),
                  "Could not save the edit",
                )
              }
              onDelete={() => actions.remove(p)}
              quality={qualities.get(p.id) ?? null}
              chunkLabel={
                choices.length > 1 && chunkNumber.has(p.chunkId)
                  ? `Chunk ${chunkNumber.get(p.chunkId)}`
                  : undefined
              }
            />
          ))}
        </ul>
        <div className="mt-3">
          <AddPairForm
            chunks={choices}
            onAdd={(question, answer, chunkId) =>
              addManualPair(studio, historyScope(doc.projectId), {
                documentId: doc.id,
                ...(chunkId ? { chunkId } : {}),
                question,
                answer,
              }).then(() => undefined)
            }
          />
        </div>
      </div>
    </section>
  );
}
