import { useLiveQuery } from "dexie-react-hooks";
import { Button } from "../../components/Button";
import { ErrorCallout } from "../../components/ErrorCallout";
import { Kbd } from "../../components/Kbd";
import { latestResult, type DocumentRow } from "../../db";
import { studio } from "../../db/studio";
import { useEngine } from "../../stores/engine-store";
import { useSynthesis } from "../../stores/synthesis-store";
import { toastError, useUi } from "../../stores/ui-store";
import { synthesizeDisabledReason } from "./disabled-reason";
import { ResultSummary } from "./ResultSummary";
import { queueDocument } from "./batch";
import { useElapsed } from "./use-elapsed";

/**
 * Synthesizes the current document through the batch queue (used by the button and the `s`
 * shortcut): its pending chunks, or all of them again when every chunk is done.
 */
export function startSynthesis(doc: DocumentRow): void {
  const status = useEngine.getState().status;
  const busy = useSynthesis.getState().live !== null;
  if (status.state !== "ready" || synthesizeDisabledReason(status, doc.text, busy)) return;
  queueDocument(doc.projectId, doc.id).catch((err: unknown) =>
    toastError(err, "Could not start the synthesis"),
  );
}

export function SynthesizePanel({ doc }: { doc: DocumentRow }) {
  const status = useEngine((s) => s.status);
  const live = useSynthesis((s) => s.live);
  const lastTps = useSynthesis((s) => s.lastTokensPerSecond);
  const setView = useUi((s) => s.setView);
  const result = useLiveQuery(() => latestResult(studio, doc.id), [doc.id]);
  const mine = live?.documentId === doc.id ? live : null;
  const elapsed = useElapsed(mine?.startedAt ?? null);
  const reason = synthesizeDisabledReason(status, doc.text, live !== null);

  return (
    <section
      aria-label="Synthesis"
      className="border-t border-neutral-200 p-4 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center gap-3">
        {mine ? (
          <Button variant="danger" onClick={mine.stop}>
            Stop
          </Button>
        ) : (
          <Button
            variant="primary"
            disabled={reason !== null}
            aria-describedby={reason ? "synth-disabled-reason" : undefined}
            onClick={() => startSynthesis(doc)}
          >
            Synthesize <Kbd>s</Kbd>
          </Button>
        )}
        {reason && !mine && (
          <span
            id="synth-disabled-reason"
            className="text-xs text-neutral-600 dark:text-neutral-400"
          >
            {reason}{" "}
            {status.state !== "ready" && status.state !== "loading" && (
              <button type="button" className="underline" onClick={() => setView("models")}>
                Open Models
              </button>
            )}
          </span>
        )}
        {mine && (
          <span
            className="text-xs tabular-nums text-neutral-600 dark:text-neutral-300"
            aria-live="off"
          >
            {elapsed.toFixed(1)} s · {mine.pairs.length} pairs so far ·{" "}
            {elapsed > 0.5
              ? `≈ ${(mine.chunks / elapsed).toFixed(1)} tokens/s`
              : "waiting for first token"}
          </span>
        )}
        {!mine && lastTps !== null && result?.usage && (
          <span className="text-xs text-neutral-500">{lastTps.toFixed(1)} tokens/s last run</span>
        )}
      </div>
      {mine && mine.retries.length > 0 && (
        <p role="status" className="mt-2 text-xs text-amber-800 dark:text-amber-300">
          Retrying: attempt {mine.retries.length + 1} after {mine.retries.at(-1)?.reason}
        </p>
      )}
      {mine && (
        <pre
          aria-label="Raw model output"
          className="mt-3 max-h-64 overflow-auto whitespace-pre-wrap rounded-md bg-neutral-950 p-3 font-mono text-xs text-neutral-100"
        >
          {mine.raw || "…"}
        </pre>
      )}
      {!mine && result && <ResultSummary result={result} />}
      {!mine && result?.error && result.state !== "done" && (
        <div className="mt-3">
          <ErrorCallout
            title={result.state === "incomplete" ? "Synthesis incomplete" : "Synthesis failed"}
            message={result.error.message}
            detail={result.error.detail}
          >
            <Button
              size="sm"
              variant="primary"
              disabled={reason !== null}
              onClick={() => startSynthesis(doc)}
            >
              Retry
            </Button>
          </ErrorCallout>
        </div>
      )}
    </section>
  );
}
