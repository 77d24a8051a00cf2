import { describe, expect, it } from "vitest";
import { DEFAULT_COMPLETION } from "../../core/synthesis-engine";
import {
  fakeFetch,
  sseResponse,
  jsonResponse,
  text,
  usage,
  DONE,
  setup,
  recorder,
  failure,
} from "./fake-fetch.test-helpers";

describe("createOpenAIEngine: streaming", () => {
  it("streams deltas, collects finish reason and usage, and sends the right request", async () => {
    const { fetch, calls } = fakeFetch(() =>
      sseResponse([text("<QUE> Hi"), text(" there", "stop"), usage, DONE]),
    );
    const { engine } = setup(fetch, { apiKey: "sk-1" });
    const rec = recorder();
    const options = { ...DEFAULT_COMPLETION, stop: ["</s>"] };
    const result = await engine.complete("<s> <CON> text </CON>\n\n", options, rec.events);

    expect(result).toEqual({
      text: "<QUE> Hi there",
      finishReason: "stop",
      usage: { promptTokens: 12, completionTokens: 3 },
    });
    expect(rec.deltas).toEqual(["<QUE> Hi", " there"]);
    expect(engine.id).toBe("openai");
    expect(engine.modelId).toBe("synth-7b");
    expect(engine.capabilities.concurrency).toBe(8);

    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe("http://srv:8000/v1/completions");
    expect(calls[0]?.init.method).toBe("POST");
    expect(calls[0]?.init.headers).toEqual({
      "Content-Type": "application/json",
      Authorization: "Bearer sk-1",
    });
    expect(calls[0]?.body).toEqual({
      model: "synth-7b",
      prompt: "<s> <CON> text </CON>\n\n",
      max_tokens: 400,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
      stop: ["</s>"],
    });
  });

  it("handles events split across reads and sends no Authorization without a key", async () => {
    const wire = text("ab") + text("cd", "length") + DONE;
    const pieces = [wire.slice(0, 5), wire.slice(5, 31), wire.slice(31)];
    const { fetch, calls } = fakeFetch(() => sseResponse(pieces));
    const { engine } = setup(fetch);
    const result = await engine.complete("p", DEFAULT_COMPLETION);
    expect(result).toEqual({ text: "abcd", finishReason: "length" });
    expect(calls[0]?.init.headers).toEqual({ "Content-Type": "application/json" });
    expect(calls[0]?.body).not.toHaveProperty("stop");
  });

  it("accepts a JSON answer to a streaming request as a whole completion", async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({
        choices: [{ text: "whole answer", finish_reason: "stop" }],
        usage: { prompt_tokens: 5, completion_tokens: 2 },
      }),
    );
    const { engine } = setup(fetch);
    const rec = recorder();
    const result = await engine.complete("p", DEFAULT_COMPLETION, rec.events);
    expect(result).toEqual({
      text: "whole answer",
      finishReason: "stop",
      usage: { promptTokens: 5, completionTokens: 2 },
    });
    expect(rec.deltas).toEqual(["whole answer"]);
  });

  it("falls back once to a non-streaming request when streaming is rejected with 400", async () => {
    const rejected = () =>
      jsonResponse({ error: { message: "unknown field stream_options" } }, 400);
    const answer = () => jsonResponse({ choices: [{ text: "ok", finish_reason: "stop" }] });
    const { fetch, calls } = fakeFetch(rejected, answer, answer);
    const { engine } = setup(fetch);
    const rec = recorder();

    const result = await engine.complete("p", DEFAULT_COMPLETION, rec.events);
    expect(result).toEqual({ text: "ok", finishReason: "stop" });
    expect(calls.map((c) => c.body.stream)).toEqual([true, false]);
    expect(calls[1]?.body).not.toHaveProperty("stream_options");
    expect(rec.retries).toEqual([]);

    // The engine remembers: the next call goes straight to the non-streaming request.
    await engine.complete("p", DEFAULT_COMPLETION);
    expect(calls.map((c) => c.body.stream)).toEqual([true, false, false]);
  });

  it("does not fall back twice when the non-streaming request is rejected too", async () => {
    const bad = () => jsonResponse({ error: { message: "temperature must be >= 0" } }, 400);
    const { fetch, calls } = fakeFetch(bad, bad);
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", { maxTokens: 4, temperature: -1 }));
    expect(err.kind).toBe("http");
    expect(err.message).toContain("HTTP 400");
    expect(err.message).toContain("temperature must be >= 0");
    expect(calls).toHaveLength(2);
  });

  it("reports a too-long prompt as context-window without a fallback", async () => {
    const { fetch, calls } = fakeFetch(() =>
      jsonResponse({ message: "This model's maximum context length is 4096 tokens." }, 400),
    );
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("context-window");
    expect(err.message).toContain("context window");
    expect(calls).toHaveLength(1);
  });
});

describe("createOpenAIEngine: retries", () => {
  it("retries a 500 and then succeeds, announcing the retry", async () => {
    const { fetch, calls } = fakeFetch(
      () => jsonResponse({ error: "boom" }, 500),
      () => sseResponse([text("fine", "stop"), DONE]),
    );
    const { engine, sleeps } = setup(fetch);
    const rec = recorder();
    const result = await engine.complete("p", DEFAULT_COMPLETION, rec.events);
    expect(result.text).toBe("fine");
    expect(calls).toHaveLength(2);
    expect(rec.retries).toEqual([{ attempt: 1, delayMs: 500, reason: "HTTP 500" }]);
    expect(sleeps).toEqual([500]);
  });

  it("honours Retry-After", async () => {
    const { fetch } = fakeFetch(
      () => jsonResponse({ error: "slow down" }, 429, { "Retry-After": "7" }),
      () => sseResponse([text("x", "stop"), DONE]),
    );
    const { engine, sleeps } = setup(fetch);
    const rec = recorder();
    await engine.complete("p", DEFAULT_COMPLETION, rec.events);
    expect(sleeps).toEqual([7000]);
    expect(rec.retries).toEqual([{ attempt: 1, delayMs: 7000, reason: "HTTP 429" }]);
  });

  it("gives up after maxRetries with growing delays and the last error", async () => {
    const unavailable = () => jsonResponse({ error: { message: "loading model" } }, 503);
    const { fetch, calls } = fakeFetch(unavailable, unavailable, unavailable, unavailable);
    const { engine, sleeps } = setup(fetch, { random: () => 1 });
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([1000, 2000, 4000]);
    expect(err.kind).toBe("http");
    expect(err.message).toContain("HTTP 503");
    expect(err.detail).toContain("loading model");
  });

  it("explains a failed fetch as server down or CORS, after retrying it", async () => {
    const down = () => Promise.reject(new TypeError("Failed to fetch"));
    const { fetch, calls } = fakeFetch(down, down);
    const { engine } = setup(fetch, { maxRetries: 1 });
    const rec = recorder();
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION, rec.events));
    expect(calls).toHaveLength(2);
    expect(rec.retries.map((r) => r.reason)).toEqual(["network error"]);
    expect(err.kind).toBe("network");
    expect(err.message).toContain("http://srv:8000/v1/");
    expect(err.message).toMatch(/CORS/);
    expect(err.message).toContain("--allowed-origins");
    expect(err.message).toContain("OLLAMA_ORIGINS");
    expect(err.message).toContain("llama.cpp");
    expect(err.detail).toContain("Failed to fetch");
  });

  it("retries a stream that drops before any text", async () => {
    const { fetch, calls } = fakeFetch(
      () => sseResponse([], "error"),
      () => sseResponse([text("ok", "stop")]),
    );
    const { engine } = setup(fetch);
    expect((await engine.complete("p", DEFAULT_COMPLETION)).text).toBe("ok");
    expect(calls).toHaveLength(2);
  });

  it("stops during a backoff when aborted", async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(() => jsonResponse({}, 502));
    const { engine } = setup(fetch, {
      sleep: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    const result = await engine.complete("p", DEFAULT_COMPLETION, {}, controller.signal);
    expect(result).toEqual({ text: "", finishReason: "abort" });
    expect(calls).toHaveLength(1);
  });
});
