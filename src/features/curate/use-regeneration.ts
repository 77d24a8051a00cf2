import { useEffect, useState } from "react";
import { synthesize, type SynthesisOutcome } from "../../core/synthesize";
import type { Pair } from "../../core/types";
import { readJobSettings, type ResultRow } from "../../db";
import { studio } from "../../db/studio";
import { useEngine } from "../../stores/engine-store";

/** A finished run, ready to be stored with `commitRegeneration`. */
export interface RegenerationDraft {
  prompt: string;
  engineId: string;
  modelId: string;
  settings: ResultRow["settings"];
  outcome: SynthesisOutcome;
}

export type RegenerationRun =
  | { phase: "running"; raw: string; pairs: Pair[]; retry: string | null }
  | { phase: "ready"; draft: RegenerationDraft }
  | { phase: "failed"; message: string; detail: string };

const RUNNING: RegenerationRun = { phase: "running", raw: "", pairs: [], retry: null };

/** Streamed text reaches React at most this often. */
const RENDER_MS = 100;

/**
 * Runs the active engine once on a chunk's text, with the prompt a first round would send (no
 * demonstrations) and the project's synthesis settings. Reports progress through `show`;
 * resolves with the final state, or null when aborted.
 */
async function regenerate(
  projectId: string,
  text: string,
  signal: AbortSignal,
  show: (run: RegenerationRun) => void,
): Promise<RegenerationRun | null> {
  const job = await readJobSettings(studio, projectId);
  const status = useEngine.getState().status;
  if (status.state !== "ready") {
    return {
      phase: "failed",
      message: "No engine is ready. Load a model or connect a server on the Models page.",
      detail: "",
    };
  }
  const { prompt, stop } = status.promptFor(text);
  const options = {
    maxTokens: job.maxNewTokens,
    temperature: job.temperature,
    ...(stop ? { stop } : {}),
  };
  let raw = "";
  let pairs: Pair[] = [];
  let retry: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const later = () => {
    timer ??= setTimeout(() => {
      timer = null;
      if (!signal.aborted) show({ phase: "running", raw, pairs, retry });
    }, RENDER_MS);
  };
  const outcome = await synthesize({
    engine: status.engine,
    prompt,
    options,
    signal,
    now: () => Date.now(),
    events: {
      onText: (delta) => {
        raw += delta;
        later();
      },
      onPairs: (next) => {
        pairs = next;
        later();
      },
      onRetry: (info) => {
        retry = `attempt ${info.attempt + 1} after ${info.reason}`;
        later();
      },
    },
  });
  if (timer) clearTimeout(timer);
  if (signal.aborted) return null;
  if (outcome.error) {
    return { phase: "failed", message: outcome.error.message, detail: outcome.error.detail };
  }
  return {
    phase: "ready",
    draft: {
      prompt,
      engineId: status.engine.id,
      modelId: status.engine.modelId,
      settings: { maxTokens: options.maxTokens, temperature: options.temperature },
      outcome,
    },
  };
}

/**
 * Regenerates a chunk's pairs without storing anything: the caller decides what to keep.
 * Unmounting (closing the dialog) aborts the request; `retry` runs it again.
 */
export function useRegeneration(projectId: string, text: string) {
  const [run, setRun] = useState<RegenerationRun>(RUNNING);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    regenerate(projectId, text, abort.signal, setRun)
      .then((final) => {
        if (final) setRun(final);
      })
      .catch((err: unknown) => {
        if (abort.signal.aborted) return;
        setRun({
          phase: "failed",
          message: "The engine could not be started.",
          detail: err instanceof Error ? err.message : String(err),
        });
      });
    return () => abort.abort();
  }, [projectId, text, attempt]);

  const retry = () => {
    setRun(RUNNING);
    setAttempt((a) => a + 1);
  };
  return { run, retry };
}
