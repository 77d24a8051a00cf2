/**
 * The synthesis engine for OpenAI-compatible servers (vLLM, llama.cpp, Ollama, ...), using the
 * raw-text `/completions` endpoint: the synthesizer needs its exact prompt format, which the
 * chat endpoint's template would rewrite.
 */
import type {
  AbortSignalLike,
  CompletionEvents,
  CompletionOptions,
  CompletionResult,
  EngineError,
  SynthesisEngine,
} from "../../core/synthesis-engine";
import { runAttempt } from "./attempt";
import { HttpStatusError } from "./errors";
import { globalFetch } from "./http";
import { Limiter } from "./limiter";
import { defaultSleep, isRetryable, retryDelay, retryReason } from "./retry";

export interface OpenAIEngineConfig {
  /** Base URL ending in /v1, e.g. "http://localhost:8000/v1". */
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** Parallel requests; default 8. */
  concurrency?: number;
  /** Idle timeout: longest wait between stream chunks, or for a whole non-streaming request. */
  timeoutMs?: number;
  /** Retries after transient failures (429, 5xx, timeout, network); default 3. */
  maxRetries?: number;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  /** Waits between retries; must end early (resolve) when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignalLike) => Promise<void>;
  random?: () => number;
  /** Stream the answer (SSE). Default true; the CLI asks for whole answers as the reference does. */
  stream?: boolean;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_RETRIES = 3;

type Settings = Required<Omit<OpenAIEngineConfig, "apiKey" | "stream">> & { apiKey?: string };

export function createOpenAIEngine(config: OpenAIEngineConfig): SynthesisEngine {
  const { stream = true, ...rest } = config;
  const settings: Settings = {
    ...rest,
    concurrency: Math.max(1, config.concurrency ?? DEFAULT_CONCURRENCY),
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: Math.max(0, config.maxRetries ?? DEFAULT_MAX_RETRIES),
    fetch: config.fetch ?? globalFetch,
    sleep: config.sleep ?? defaultSleep,
    random: config.random ?? (() => Math.random()),
  };
  const limiter = new Limiter(settings.concurrency);
  // Set once a server has rejected streaming and the fallback worked, so later calls skip
  // the doomed streaming request instead of paying for it every time.
  const state = { stream };

  return {
    id: "openai",
    modelId: config.model,
    capabilities: { concurrency: settings.concurrency },
    async complete(prompt, options, events, signal) {
      if (!(await limiter.acquire(signal))) return { text: "", finishReason: "abort" };
      try {
        return await completeWithRetries(settings, state, prompt, options, events, signal);
      } finally {
        limiter.release();
      }
    },
  };
}

async function completeWithRetries(
  settings: Settings,
  state: { stream: boolean },
  prompt: string,
  options: CompletionOptions,
  events: CompletionEvents | undefined,
  signal: AbortSignalLike | undefined,
): Promise<CompletionResult> {
  let stream = state.stream;
  let fellBack = false;
  for (let retries = 0; ;) {
    const attempt = await runAttempt(settings, prompt, options, stream, events, signal);
    if (attempt.ok) {
      if (fellBack) state.stream = false;
      return attempt.result;
    }
    const { error } = attempt;
    // Text already reached the caller; a retry would repeat it, so fail with it attached.
    if (error.partialText !== "") throw error;
    if (stream && rejectsStreaming(error)) {
      stream = false;
      fellBack = true;
      continue;
    }
    if (!isRetryable(error) || retries >= settings.maxRetries) throw error;
    retries++;
    const delayMs = retryDelay(error, retries, settings.random);
    events?.onRetry?.({ attempt: retries, delayMs, reason: retryReason(error) });
    await settings.sleep(delayMs, signal);
    if (signal?.aborted) return { text: "", finishReason: "abort" };
  }
}

/** Servers without streaming support, or without `stream_options`, answer 400 (FastAPI: 422). */
function rejectsStreaming(error: EngineError): boolean {
  return (
    error instanceof HttpStatusError &&
    (error.status === 400 || error.status === 422) &&
    error.kind !== "context-window"
  );
}
