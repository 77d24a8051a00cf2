import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_COMPLETION } from "../../core/synthesis-engine";
import {
  fakeFetch,
  sseResponse,
  jsonResponse,
  event,
  text,
  setup,
  recorder,
  failure,
} from "./fake-fetch.test-helpers";

afterEach(() => {
  vi.useRealTimers();
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
