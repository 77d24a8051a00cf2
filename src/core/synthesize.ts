import { parseSynthesizerOutput } from "./parse";
import {
  DEFAULT_COMPLETION,
  EngineError,
  type AbortSignalLike,
  type CompletionEvents,
  type CompletionOptions,
  type SynthesisEngine,
} from "./synthesis-engine";
import type { FinishReason, Pair, Usage } from "./types";

export interface SynthesisOutcome {
  prompt: string;
  rawOutput: string;
  pairs: Pair[];
  finishReason: FinishReason;
  usage?: Usage;
  /** Set when the engine failed; rawOutput then holds the partial text. */
  error?: { kind: string; message: string; detail: string };
  startedAt: number;
  finishedAt: number;
}

export interface SynthesizeRequest {
  engine: SynthesisEngine;
  prompt: string;
  options?: Partial<CompletionOptions>;
  events?: CompletionEvents & {
    /** Called whenever the set of complete pairs grows while streaming. */
    onPairs?(pairs: Pair[]): void;
  };
  signal?: AbortSignalLike;
  now: () => number;
}

/**
 * Synthesizes one prompt on an engine: streams text, re-parses as each `</END>` arrives, and
 * always resolves, with partial output and the error recorded when the engine fails, so the
 * caller can store what was written. Pairs are parsed with dedupe on, as the reference does.
 */
export async function synthesize(req: SynthesizeRequest): Promise<SynthesisOutcome> {
  const options = { ...DEFAULT_COMPLETION, ...req.options };
  const startedAt = req.now();
  let streamed = "";
  let pairCount = 0;
  const onText = (delta: string): void => {
    streamed += delta;
    req.events?.onText?.(delta);
    if (delta.includes(">") && req.events?.onPairs) {
      const pairs = parseSynthesizerOutput(streamed);
      if (pairs.length !== pairCount) {
        pairCount = pairs.length;
        req.events.onPairs(pairs);
      }
    }
  };
  try {
    const result = await req.engine.complete(
      req.prompt,
      options,
      { onText, onRetry: (info) => req.events?.onRetry?.(info) },
      req.signal,
    );
    return {
      prompt: req.prompt,
      rawOutput: result.text,
      pairs: parseSynthesizerOutput(result.text),
      finishReason: result.finishReason,
      usage: withDecodeSpeed(result.usage, startedAt, req.now()),
      startedAt,
      finishedAt: req.now(),
    };
  } catch (err) {
    const e =
      err instanceof EngineError
        ? err
        : new EngineError("unknown", "The engine failed unexpectedly.", String(err));
    const rawOutput = e.partialText || streamed;
    return {
      prompt: req.prompt,
      rawOutput,
      pairs: parseSynthesizerOutput(rawOutput),
      finishReason: "error",
      error: { kind: e.kind, message: e.message, detail: e.detail },
      startedAt,
      finishedAt: req.now(),
    };
  }
}

function withDecodeSpeed(usage: Usage | undefined, start: number, end: number): Usage | undefined {
  if (!usage || usage.decodeTokensPerSecond !== undefined) return usage;
  const seconds = (end - start) / 1000;
  if (seconds <= 0 || usage.completionTokens === 0) return usage;
  return { ...usage, decodeTokensPerSecond: usage.completionTokens / seconds };
}
