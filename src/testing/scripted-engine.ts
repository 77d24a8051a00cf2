import type {
  AbortSignalLike,
  CompletionEvents,
  CompletionOptions,
  CompletionResult,
  EngineError,
  SynthesisEngine,
} from "../core/synthesis-engine";

export type ScriptedReply =
  | { kind: "ok"; pieces: string[] }
  | { kind: "fail"; pieces: string[]; error: EngineError }
  /** Streams the pieces, then waits for the abort signal. */
  | { kind: "hang"; pieces: string[] };

/**
 * A SynthesisEngine test double that streams scripted pieces. It records every prompt and the
 * options it was called with, so tests can assert what an engine would have been sent.
 */
export function scriptedEngine(replies: ScriptedReply[]): SynthesisEngine & {
  calls: { prompt: string; options: CompletionOptions }[];
} {
  const calls: { prompt: string; options: CompletionOptions }[] = [];
  return {
    id: "scripted",
    modelId: "scripted-model",
    capabilities: { concurrency: 1 },
    calls,
    async complete(
      prompt: string,
      options: CompletionOptions,
      events?: CompletionEvents,
      signal?: AbortSignalLike,
    ): Promise<CompletionResult> {
      calls.push({ prompt, options });
      const reply = replies.shift() ?? { kind: "ok", pieces: [] };
      let text = "";
      for (const piece of reply.pieces) {
        await Promise.resolve();
        if (signal?.aborted) return { text, finishReason: "abort" };
        text += piece;
        events?.onText?.(piece);
      }
      if (reply.kind === "fail") throw reply.error.withPartialText(text);
      if (reply.kind === "hang") {
        await new Promise<void>((resolve) => {
          if (signal?.aborted) resolve();
          signal?.addEventListener("abort", () => resolve(), { once: true });
        });
        return { text, finishReason: "abort" };
      }
      return {
        text,
        finishReason: "stop",
        usage: { promptTokens: prompt.length, completionTokens: reply.pieces.length },
      };
    },
  };
}
