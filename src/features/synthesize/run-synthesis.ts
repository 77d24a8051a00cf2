import { synthesize, type SynthesisOutcome } from "../../core/synthesize";
import { DEFAULT_COMPLETION } from "../../core/synthesis-engine";
import type { DocumentRow } from "../../db";
import { finishResult, listChunks, savePartialOutput, startResult } from "../../db";
import { studio } from "../../db/studio";
import type { EngineStatus } from "../../stores/engine-store";
import { useSynthesis } from "../../stores/synthesis-store";

type ReadyEngine = Extract<EngineStatus, { state: "ready" }>;

const PARTIAL_SAVE_MS = 1000;
const RENDER_MS = 50;

/**
 * Synthesizes one document end to end: records the run before the first token, streams into
 * the live view (throttled), saves partial output about once a second so a reload keeps it,
 * and commits the raw output and pairs in one transaction at the end.
 */
export async function runSynthesis(
  doc: DocumentRow,
  ready: ReadyEngine,
): Promise<SynthesisOutcome> {
  const { prompt, stop } = ready.promptFor(doc.text);
  const options = { ...DEFAULT_COMPLETION, ...(stop ? { stop } : {}) };
  const [chunk] = await listChunks(studio, doc.id);
  if (!chunk) throw new Error("This document has no text to synthesize from.");
  const result = await startResult(studio, {
    projectId: doc.projectId,
    documentId: doc.id,
    chunkId: chunk.id,
    prompt,
    engineId: ready.engine.id,
    modelId: ready.engine.modelId,
    settings: { maxTokens: options.maxTokens, temperature: options.temperature },
  });

  const controller = new AbortController();
  const live = useSynthesis.getState();
  live.begin({
    documentId: doc.id,
    raw: "",
    chunks: 0,
    pairs: [],
    startedAt: Date.now(),
    retries: [],
    stop: () => controller.abort(),
  });

  let raw = "";
  let chunks = 0;
  let lastRender = 0;
  // The first streamed text is saved at once, then about once a second.
  let lastSave = 0;
  let saving: Promise<void> = Promise.resolve();
  const flush = () => useSynthesis.getState().update({ raw, chunks });

  try {
    const outcome = await synthesize({
      engine: ready.engine,
      prompt,
      options,
      signal: controller.signal,
      now: () => Date.now(),
      events: {
        onText: (delta) => {
          raw += delta;
          chunks++;
          const t = Date.now();
          if (t - lastRender >= RENDER_MS) {
            lastRender = t;
            flush();
          }
          if (t - lastSave >= PARTIAL_SAVE_MS) {
            lastSave = t;
            const snapshot = raw;
            // Chained so saves never overlap or land out of order.
            saving = saving
              .then(() => savePartialOutput(studio, result.id, snapshot))
              .catch(() => undefined);
          }
        },
        onPairs: (pairs) => useSynthesis.getState().update({ pairs }),
        onRetry: ({ attempt, reason }) => {
          const retries = useSynthesis.getState().live?.retries ?? [];
          useSynthesis.getState().update({ retries: [...retries, { attempt, reason }] });
        },
      },
    });
    flush();
    await saving;
    await finishResult(studio, result, outcome);
    useSynthesis.getState().end(outcome.usage?.decodeTokensPerSecond ?? null);
    return outcome;
  } catch (err) {
    useSynthesis.getState().end(null);
    throw err;
  }
}
