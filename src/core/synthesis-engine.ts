import type { FinishReason, Usage } from "./types";

/** Decoding settings for one synthesizer call. The reference decodes greedily with 400 tokens. */
export interface CompletionOptions {
  maxTokens: number;
  temperature: number;
  /** Extra stop strings. The real synthesizer stops on its EOS token and needs none. */
  stop?: string[];
}

export const DEFAULT_COMPLETION: CompletionOptions = { maxTokens: 400, temperature: 0 };

export interface CompletionResult {
  text: string;
  finishReason: FinishReason;
  usage?: Usage;
}

/**
 * The part of the platform's AbortSignal that engines use. Declared here because core compiles
 * without DOM or Node types; a real AbortSignal satisfies it.
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface CompletionEvents {
  /** Called with each streamed piece of text, in order. */
  onText?(delta: string): void;
  /** Called when the engine retries after a transient failure (HTTP 429/5xx, timeout). */
  onRetry?(info: { attempt: number; delayMs: number; reason: string }): void;
}

/**
 * The one small port every engine implements: WebLLM in a worker, an OpenAI-compatible server,
 * and test doubles. Loading, progress and cache management belong to each engine's controller.
 */
export interface SynthesisEngine {
  readonly id: string;
  readonly modelId: string;
  readonly capabilities: { concurrency: number };
  /**
   * Completes a raw prompt. Rejects with an `EngineError` on failure; on abort it resolves with
   * the text so far and finishReason "abort", so partial output is never lost.
   */
  complete(
    prompt: string,
    options: CompletionOptions,
    events?: CompletionEvents,
    signal?: AbortSignalLike,
  ): Promise<CompletionResult>;
}

export type EngineErrorKind =
  | "no-webgpu"
  | "no-shader-f16"
  | "device-lost"
  | "out-of-memory"
  | "context-window"
  | "download"
  | "quota"
  | "library-mismatch"
  | "not-loaded"
  | "network"
  | "cors"
  | "http"
  | "timeout"
  | "malformed-response"
  | "unknown";

/**
 * An engine failure a person can act on: `message` says what happened and what to do,
 * `detail` keeps the technical text for a "details" toggle. `partialText` holds whatever the
 * model had written before the failure, so callers can keep it.
 */
export class EngineError extends Error {
  override readonly name = "EngineError";
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
    readonly detail = "",
    readonly partialText = "",
  ) {
    super(message);
  }

  withPartialText(text: string): EngineError {
    return new EngineError(this.kind, this.message, this.detail, text);
  }
}
