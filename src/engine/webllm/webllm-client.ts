/**
 * The `SynthesisEngine` over a loaded web-llm engine (in practice a `WebWorkerMLCEngine`).
 * It depends only on the few engine members below, so tests drive it with a fake engine.
 */
import type { CompletionCreateParamsStreaming } from "@mlc-ai/web-llm";
import type {
  AbortSignalLike,
  CompletionEvents,
  CompletionOptions,
  CompletionResult,
  EngineError,
  SynthesisEngine,
} from "../../core/synthesis-engine";
import type { FinishReason, Usage } from "../../core/types";
import { toEngineError } from "./errors";

/** One streamed chunk, as much of web-llm's `Completion` as we read. */
export interface CompletionChunk {
  choices: { text: string; finish_reason: string | null }[];
  usage?: {
    prompt_tokens: number;
    completion_tokens: number;
    extra?: { decode_tokens_per_s?: number };
  };
}

/** The members of a loaded web-llm engine that generation needs. */
export interface MLCEngineLike {
  completions: {
    create(request: CompletionCreateParamsStreaming): Promise<AsyncIterable<CompletionChunk>>;
  };
  interruptGenerate(): void;
}

type Stop = "abort" | "unloaded";

/**
 * Wraps a loaded engine as the studio's `SynthesisEngine` (one request at a time: web-llm
 * queues requests per model anyway). `session` is aborted when the controller unloads the model
 * or the worker dies; calls then fail with "not-loaded" instead of waiting on a dead worker.
 */
export function createWebLLMSynthesisEngine(
  engine: MLCEngineLike,
  modelId: string,
  session: AbortSignal,
): SynthesisEngine {
  return {
    id: "webllm",
    modelId,
    capabilities: { concurrency: 1 },
    complete: (prompt, options, events, signal) =>
      complete(engine, session, prompt, options, events, signal),
  };
}

async function complete(
  engine: MLCEngineLike,
  session: AbortSignal,
  prompt: string,
  options: CompletionOptions,
  events: CompletionEvents | undefined,
  signal: AbortSignalLike | undefined,
): Promise<CompletionResult> {
  let text = "";
  if (session.aborted) throw notLoaded(text);
  if (signal?.aborted) return { text, finishReason: "abort" };
  const stop = whenStopped(signal, session);
  let finish: FinishReason | undefined;
  let usage: Usage | undefined;
  try {
    // A raw text completion: completions.create adds NO BOS (unlike chat, it skips the
    // template's system prefix tokens). The literal "<s>" our prompts start with is what the
    // tokenizer maps to the BOS id, so the model sees exactly one BOS.
    const created = engine.completions.create({
      prompt,
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: options.maxTokens,
      temperature: options.temperature,
      // Every sampling field explicitly, or web-llm takes the model config's defaults.
      top_p: 1,
      repetition_penalty: 1,
      frequency_penalty: 0,
      presence_penalty: 0,
      ...(options.stop?.length ? { stop: options.stop } : {}),
    });
    const stream = await Promise.race([created, stop.promise]);
    if (typeof stream === "string") {
      created.then(closeStream, ignore);
      return halt(engine, stream, text);
    }
    const it = stream[Symbol.asyncIterator]();
    for (;;) {
      const step = await Promise.race([it.next(), stop.promise]);
      if (typeof step === "string") {
        closeIterator(it);
        return halt(engine, step, text, usage);
      }
      if (step.done) break;
      const choice = step.value.choices[0];
      if (choice?.text) {
        text += choice.text;
        events?.onText?.(choice.text);
      }
      if (choice?.finish_reason) finish = toFinishReason(choice.finish_reason);
      if (step.value.usage) usage = toUsage(step.value.usage);
    }
    return { text, finishReason: finish ?? "stop", usage };
  } catch (err) {
    throw toEngineError(err).withPartialText(text);
  } finally {
    stop.dispose();
  }
}

/** Stops generation in the worker and settles with what was written so far. */
function halt(engine: MLCEngineLike, why: Stop, text: string, usage?: Usage): CompletionResult {
  if (why === "unloaded") throw notLoaded(text);
  // Checked between decode steps; a prefill already running finishes first, in the background.
  engine.interruptGenerate();
  return { text, finishReason: "abort", usage };
}

function notLoaded(text: string): EngineError {
  return toEngineError("WorkerEngineModelNotLoadedError: the model was unloaded").withPartialText(
    text,
  );
}

function whenStopped(
  signal: AbortSignalLike | undefined,
  session: AbortSignal,
): { promise: Promise<Stop>; dispose(): void } {
  let dispose = (): void => {};
  const promise = new Promise<Stop>((resolve) => {
    const onAbort = (): void => resolve("abort");
    const onUnload = (): void => resolve("unloaded");
    signal?.addEventListener("abort", onAbort, { once: true });
    session.addEventListener("abort", onUnload, { once: true });
    dispose = () => {
      signal?.removeEventListener("abort", onAbort);
      session.removeEventListener("abort", onUnload);
    };
  });
  return { promise, dispose };
}

/** Closing the iterator makes the worker end its generator and release the model's lock. */
function closeIterator(it: AsyncIterator<unknown>): void {
  it.return?.().catch(ignore);
}

function closeStream(stream: AsyncIterable<unknown>): void {
  closeIterator(stream[Symbol.asyncIterator]());
}

function ignore(): void {}

function toFinishReason(reason: string): FinishReason {
  if (reason === "length" || reason === "abort") return reason;
  return "stop";
}

function toUsage(u: NonNullable<CompletionChunk["usage"]>): Usage {
  const speed = u.extra?.decode_tokens_per_s;
  return {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    ...(speed !== undefined && Number.isFinite(speed) ? { decodeTokensPerSecond: speed } : {}),
  };
}
