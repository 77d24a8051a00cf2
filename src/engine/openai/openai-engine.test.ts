import { afterEach, describe, expect, it, vi } from "vitest";
import {
  DEFAULT_COMPLETION,
  EngineError,
  type CompletionEvents,
} from "../../core/synthesis-engine";
import { createOpenAIEngine, type OpenAIEngineConfig } from "./openai-engine";

// ---- A fake server: a scripted `fetch` that answers with real Response objects. ----

interface Call {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}
type Handler = (call: Call) => Response | Promise<Response>;

function fakeFetch(...handlers: Handler[]): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchImpl: typeof fetch = (input, init = {}) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const body = JSON.parse(typeof init.body === "string" ? init.body : "{}") as Record<
      string,
      unknown
    >;
    const call = { url, init, body };
    calls.push(call);
    const handler = handlers[calls.length - 1];
    if (!handler) return Promise.reject(new Error(`unexpected request #${calls.length}`));
    return Promise.resolve().then(() => handler(call));
  };
  return { fetch: fetchImpl, calls };
}

const encoder = new TextEncoder();

/** A body that delivers `pieces` one read at a time, then closes, errors, or stalls. */
function body(pieces: string[], end: "close" | "error" | "stall" = "close"): ReadableStream {
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[i++];
      if (piece !== undefined) controller.enqueue(encoder.encode(piece));
      else if (end === "close") controller.close();
      else if (end === "error") controller.error(new TypeError("terminated"));
      else return new Promise<void>(() => undefined); // never sends again
    },
  });
}

function sseResponse(pieces: string[], end: "close" | "error" | "stall" = "close"): Response {
  return new Response(body(pieces, end), { headers: { "Content-Type": "text/event-stream" } });
}

function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}) {
  const init = { status, headers: { "Content-Type": "application/json", ...headers } };
  return new Response(JSON.stringify(value), init);
}

const event = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
const text = (t: string, finish: string | null = null): string =>
  event({ choices: [{ index: 0, text: t, finish_reason: finish }] });
const usage = event({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 3 } });
const DONE = "data: [DONE]\n\n";

function setup(fetchImpl: typeof fetch, extra: Partial<OpenAIEngineConfig> = {}) {
  const sleeps: number[] = [];
  const engine = createOpenAIEngine({
    baseUrl: "http://srv:8000/v1/",
    model: "synth-7b",
    fetch: fetchImpl,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    random: () => 0,
    ...extra,
  });
  return { engine, sleeps };
}

/** Records the events the engine emits. */
function recorder() {
  const deltas: string[] = [];
  const retries: Array<{ attempt: number; delayMs: number; reason: string }> = [];
  const events: CompletionEvents = {
    onText: (d) => deltas.push(d),
    onRetry: (info) => retries.push(info),
  };
  return { deltas, retries, events };
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

afterEach(() => {
  vi.useRealTimers();
});

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

describe("createOpenAIEngine: errors", () => {
  it("does not retry 401 and points at the API key", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ error: "bad key" }, 401));
    const { engine } = setup(fetch, { apiKey: "wrong" });
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(calls).toHaveLength(1);
    expect(err.kind).toBe("http");
    expect(err.message).toContain("API key");
    expect(err.detail).toContain("HTTP 401");
  });

  it("points a 404 at the base URL, or at the model name when the server says so", async () => {
    const { fetch } = fakeFetch(
      () => new Response("Not Found", { status: 404 }),
      () => jsonResponse({ message: "The model `synth-7b` does not exist." }, 404),
    );
    const { engine } = setup(fetch);
    const wrongPath = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(wrongPath.kind).toBe("http");
    expect(wrongPath.message).toContain("should end in /v1");
    const wrongModel = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(wrongModel.message).toContain('"synth-7b"');
  });

  it("keeps the status and server message of other HTTP errors in detail", async () => {
    const { fetch } = fakeFetch(() => new Response("I'm a teapot", { status: 418 }));
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("http");
    expect(err.detail).toBe("HTTP 418 from http://srv:8000/v1/completions: I'm a teapot");
  });

  it("reports malformed SSE with the offending line, without retrying", async () => {
    const { fetch, calls } = fakeFetch(() => sseResponse(["data: {not json\n\n"]));
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("malformed-response");
    expect(err.detail).toBe("data: {not json");
    expect(calls).toHaveLength(1);
  });

  it("reports a JSON body without choices as malformed", async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ result: "hi" }));
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("malformed-response");
    expect(err.detail).toBe('{"result":"hi"}');
  });

  it("reports a page that is not an event stream as malformed", async () => {
    const page = new Response("<!doctype html><p>app</p>", {
      headers: { "Content-Type": "text/html" },
    });
    const { fetch } = fakeFetch(() => page);
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("malformed-response");
    expect(err.detail).toContain("<!doctype html>");
  });

  it.each(["close", "error"] as const)(
    "keeps the partial text when the stream ends early (%s)",
    async (end) => {
      const { fetch, calls } = fakeFetch(() => sseResponse([text("Hello"), text(" wor")], end));
      const { engine } = setup(fetch);
      const rec = recorder();
      const err = await failure(engine.complete("p", DEFAULT_COMPLETION, rec.events));
      expect(err.kind).toBe("network");
      expect(err.message).toBe("The server closed the stream before finishing");
      expect(err.partialText).toBe("Hello wor");
      expect(rec.deltas).toEqual(["Hello", " wor"]);
      expect(calls).toHaveLength(1); // text was shown, so no retry
    },
  );

  it("attaches partial text to any failure after streaming started", async () => {
    const { fetch } = fakeFetch(() =>
      sseResponse([text("Part"), event({ error: { message: "CUDA out of memory" } })]),
    );
    const { engine } = setup(fetch);
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("http");
    expect(err.message).toContain("CUDA out of memory");
    expect(err.partialText).toBe("Part");
  });

  it("accepts an answer whose connection resets right after finish_reason", async () => {
    const { fetch } = fakeFetch(() => sseResponse([text("done", "stop")], "error"));
    const { engine } = setup(fetch);
    expect(await engine.complete("p", DEFAULT_COMPLETION)).toEqual({
      text: "done",
      finishReason: "stop",
    });
  });

  it("rejects a base URL that is not a URL", async () => {
    const { fetch, calls } = fakeFetch();
    const { engine } = setup(fetch, { baseUrl: "localhost:8000" });
    const err = await failure(engine.complete("p", DEFAULT_COMPLETION));
    expect(err.message).toContain("not a valid URL");
    expect(calls).toHaveLength(0);
  });
});

describe("createOpenAIEngine: abort and timeout", () => {
  it("resolves with the text so far when aborted mid-stream", async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(() => sseResponse([text("first "), text("second")], "stall"));
    const { engine } = setup(fetch);
    const deltas: string[] = [];
    const result = await engine.complete(
      "p",
      DEFAULT_COMPLETION,
      {
        onText: (d) => {
          deltas.push(d);
          if (deltas.length === 2) controller.abort();
        },
      },
      controller.signal,
    );
    expect(result).toEqual({ text: "first second", finishReason: "abort" });
  });

  it("resolves at once without a request when already aborted", async () => {
    const { fetch, calls } = fakeFetch();
    const { engine } = setup(fetch);
    const result = await engine.complete("p", DEFAULT_COMPLETION, {}, AbortSignal.abort());
    expect(result).toEqual({ text: "", finishReason: "abort" });
    expect(calls).toHaveLength(0);
  });

  it("times out a request that never answers, then retries it", async () => {
    vi.useFakeTimers();
    const never = () => new Promise<Response>(() => undefined);
    const { fetch, calls } = fakeFetch(never, never);
    const { engine } = setup(fetch, { maxRetries: 1 });
    const rec = recorder();
    const pending = failure(engine.complete("p", DEFAULT_COMPLETION, rec.events));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(120_000);
    const err = await pending;
    expect(err.kind).toBe("timeout");
    expect(err.message).toContain("120 s");
    expect(rec.retries.map((r) => r.reason)).toEqual(["timeout"]);
  });

  it("times out a stream that goes quiet, keeping its partial text", async () => {
    vi.useFakeTimers();
    const { fetch } = fakeFetch(() => sseResponse([text("so far")], "stall"));
    const { engine } = setup(fetch, { timeoutMs: 5000 });
    const pending = failure(engine.complete("p", DEFAULT_COMPLETION));
    await vi.advanceTimersByTimeAsync(5000);
    const err = await pending;
    expect(err.kind).toBe("timeout");
    expect(err.partialText).toBe("so far");
  });
});

describe("createOpenAIEngine: concurrency", () => {
  it("runs at most `concurrency` requests at once", async () => {
    let release = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { fetch, calls } = fakeFetch(
      async () => {
        await gate;
        return sseResponse([text("a", "stop")]);
      },
      () => sseResponse([text("b", "stop")]),
    );
    const { engine } = setup(fetch, { concurrency: 1 });
    expect(engine.capabilities.concurrency).toBe(1);
    const first = engine.complete("p1", DEFAULT_COMPLETION);
    const second = engine.complete("p2", DEFAULT_COMPLETION);
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toHaveLength(1);
    release();
    expect((await first).text).toBe("a");
    expect((await second).text).toBe("b");
    expect(calls.map((c) => c.body.prompt)).toEqual(["p1", "p2"]);
  });

  it("lets a queued request be aborted without ever sending it", async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => undefined));
    const { engine } = setup(fetch, { concurrency: 1 });
    const first = new AbortController();
    const queued = new AbortController();
    const a = engine.complete("p1", DEFAULT_COMPLETION, {}, first.signal);
    const b = engine.complete("p2", DEFAULT_COMPLETION, {}, queued.signal);
    queued.abort();
    expect(await b).toEqual({ text: "", finishReason: "abort" });
    first.abort();
    expect(await a).toEqual({ text: "", finishReason: "abort" });
    expect(calls).toHaveLength(1);
  });
});
