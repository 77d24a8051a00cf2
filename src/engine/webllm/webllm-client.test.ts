import type { CompletionCreateParamsStreaming } from "@mlc-ai/web-llm";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_COMPLETION, EngineError } from "../../core/synthesis-engine";
import {
  createWebLLMSynthesisEngine,
  type CompletionChunk,
  type MLCEngineLike,
} from "./webllm-client";

const delta = (text: string): CompletionChunk => ({ choices: [{ text, finish_reason: null }] });
const final = (reason: string): CompletionChunk => ({
  choices: [{ text: "", finish_reason: reason }],
});
const usage: CompletionChunk = {
  choices: [],
  usage: { prompt_tokens: 12, completion_tokens: 3, extra: { decode_tokens_per_s: 21.5 } },
};

/** A fake engine streaming the given chunks; `gate` lets a test hold the stream mid-way. */
function fakeEngine(chunks: CompletionChunk[], opts: { gateAt?: number; failAt?: number } = {}) {
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const requests: CompletionCreateParamsStreaming[] = [];
  const closed = vi.fn();
  const interrupt = vi.fn();
  const engine: MLCEngineLike = {
    interruptGenerate: interrupt,
    completions: {
      create(request) {
        requests.push(request);
        async function* stream(): AsyncGenerator<CompletionChunk> {
          try {
            for (let i = 0; i < chunks.length; i++) {
              if (i === opts.gateAt) await gate;
              // eslint-disable-next-line @typescript-eslint/only-throw-error -- the worker client rejects with strings
              if (i === opts.failAt) throw "DeviceLostError: The WebGPU device was lost";
              yield chunks[i] as CompletionChunk;
            }
          } finally {
            closed();
          }
        }
        return Promise.resolve(stream());
      },
    },
  };
  return { engine, interrupt, requests, release, closed };
}

const live = (): AbortSignal => new AbortController().signal;

describe("WebLLM SynthesisEngine", () => {
  it("streams deltas, maps finish reason and usage, and sends a raw greedy request", async () => {
    const { engine, requests } = fakeEngine([
      delta("<QUE> a"),
      delta(" <ANS> b </END>"),
      final("stop"),
      usage,
    ]);
    const synth = createWebLLMSynthesisEngine(engine, "m", live());
    const seen: string[] = [];
    const result = await synth.complete("<s> <CON> t </CON>\n\n", DEFAULT_COMPLETION, {
      onText: (d) => seen.push(d),
    });
    expect(seen).toEqual(["<QUE> a", " <ANS> b </END>"]);
    expect(result).toEqual({
      text: "<QUE> a <ANS> b </END>",
      finishReason: "stop",
      usage: { promptTokens: 12, completionTokens: 3, decodeTokensPerSecond: 21.5 },
    });
    expect(requests[0]).toEqual({
      prompt: "<s> <CON> t </CON>\n\n",
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 400,
      temperature: 0,
      top_p: 1,
      repetition_penalty: 1,
      frequency_penalty: 0,
      presence_penalty: 0,
    });
    expect(synth).toMatchObject({ id: "webllm", modelId: "m", capabilities: { concurrency: 1 } });
  });

  it("passes stop strings and reports a length cut-off", async () => {
    const { engine, requests } = fakeEngine([delta("x"), final("length")]);
    const synth = createWebLLMSynthesisEngine(engine, "m", live());
    const result = await synth.complete("p", { ...DEFAULT_COMPLETION, stop: ["</s>"] });
    expect(requests[0]?.stop).toEqual(["</s>"]);
    expect(result).toEqual({ text: "x", finishReason: "length", usage: undefined });
  });

  it("on abort interrupts generation and resolves with the partial text", async () => {
    const { engine, interrupt, release, closed } = fakeEngine(
      [delta("<QUE> a"), delta(" never"), final("stop")],
      {
        gateAt: 1,
      },
    );
    const synth = createWebLLMSynthesisEngine(engine, "m", live());
    const ac = new AbortController();
    const pending = synth.complete(
      "p",
      DEFAULT_COMPLETION,
      { onText: () => ac.abort() },
      ac.signal,
    );
    const result = await pending;
    expect(result).toEqual({ text: "<QUE> a", finishReason: "abort", usage: undefined });
    expect(interrupt).toHaveBeenCalledTimes(1);
    release();
    await vi.waitFor(() => expect(closed).toHaveBeenCalled()); // the stream is closed too
  });

  it("returns at once for an already aborted signal", async () => {
    const { engine, requests } = fakeEngine([delta("x")]);
    const ac = new AbortController();
    ac.abort();
    const result = await createWebLLMSynthesisEngine(engine, "m", live()).complete(
      "p",
      DEFAULT_COMPLETION,
      undefined,
      ac.signal,
    );
    expect(result).toEqual({ text: "", finishReason: "abort" });
    expect(requests).toHaveLength(0);
  });

  it("wraps a failure as an EngineError that keeps the partial text", async () => {
    const { engine } = fakeEngine([delta("<QUE> a"), delta("b")], { failAt: 1 });
    const err = await createWebLLMSynthesisEngine(engine, "m", live())
      .complete("p", DEFAULT_COMPLETION)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ kind: "device-lost", partialText: "<QUE> a" });
  });

  it("fails 'not-loaded' after unload, also while a request is in flight", async () => {
    const session = new AbortController();
    const { engine } = fakeEngine([delta("a"), delta("b")], { gateAt: 1 });
    const synth = createWebLLMSynthesisEngine(engine, "m", session.signal);
    const pending = synth.complete("p", DEFAULT_COMPLETION, { onText: () => session.abort() });
    await expect(pending).rejects.toMatchObject({ kind: "not-loaded", partialText: "a" });
    await expect(synth.complete("p", DEFAULT_COMPLETION)).rejects.toMatchObject({
      kind: "not-loaded",
    });
  });
});
