/**
 * The engine against the e2e fixture server over real HTTP: real sockets, real SSE framing,
 * real dropped connections. Retries use an injected no-op sleep, so nothing waits on a clock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFixtureServer, type FixtureServer } from "../../../e2e/fixture-server";
import { DEFAULT_COMPLETION, EngineError } from "../../core/synthesis-engine";
import { listModels } from "./list-models";
import { createOpenAIEngine, type OpenAIEngineConfig } from "./openai-engine";

let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.reset();
});

function engine(extra: Partial<OpenAIEngineConfig> = {}) {
  const sleeps: number[] = [];
  const e = createOpenAIEngine({
    baseUrl: server.url,
    model: "fixture-model",
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...extra,
  });
  return { engine: e, sleeps };
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}

const OUTPUT = "<QUE> What grows? <ANS> Wheat. </END>\n\n<QUE> Where? <ANS> Fields. </END>";

describe("OpenAI engine against the fixture server", () => {
  it("streams a scripted answer chunk by chunk, with usage", async () => {
    server.script([{ kind: "ok", output: OUTPUT, chunkSize: 10 }]);
    const deltas: string[] = [];
    const { engine: e } = engine({ apiKey: "sk-test" });
    const result = await e.complete("<s> <CON> wheat fields </CON>\n\n", DEFAULT_COMPLETION, {
      onText: (d) => deltas.push(d),
    });
    expect(result.text).toBe(OUTPUT);
    expect(result.finishReason).toBe("stop");
    expect(result.usage?.completionTokens).toBeGreaterThan(0);
    expect(deltas).toHaveLength(Math.ceil(OUTPUT.length / 10));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      path: "/v1/completions",
      authorization: "Bearer sk-test",
      body: { model: "fixture-model", stream: true, max_tokens: 400 },
    });
  });

  it("answers unscripted requests like a synthesizer, about the text it reads", async () => {
    const { engine: e } = engine();
    const result = await e.complete(
      "<s> <CON> Photosynthesis converts sunlight into chemical energy. </CON>\n\n",
      DEFAULT_COMPLETION,
    );
    expect(result.text).toContain("Photosynthesis");
    expect(result.text.split("</END>")).toHaveLength(3);
  });

  it("retries a 500 and then succeeds, reporting the retry", async () => {
    server.script([
      { kind: "status", status: 500 },
      { kind: "ok", output: OUTPUT },
    ]);
    const retries: string[] = [];
    const { engine: e, sleeps } = engine({ random: () => 0 });
    const result = await e.complete("p", DEFAULT_COMPLETION, {
      onRetry: (info) => retries.push(`${info.attempt}:${info.reason}`),
    });
    expect(result.text).toBe(OUTPUT);
    expect(retries).toEqual(["1:HTTP 500"]);
    expect(sleeps).toEqual([500]);
    expect(server.requests).toHaveLength(2);
  });

  it("honours the server's Retry-After", async () => {
    server.script([
      { kind: "status", status: 429, retryAfter: 2 },
      { kind: "ok", output: "x" },
    ]);
    const { engine: e, sleeps } = engine();
    await e.complete("p", DEFAULT_COMPLETION);
    expect(sleeps).toEqual([2000]);
  });

  it("reports malformed SSE as malformed-response", async () => {
    server.script([{ kind: "malformed" }]);
    const err = await failure(engine().engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("malformed-response");
    expect(err.detail).toBe("data: {not json");
  });

  it("keeps the partial text when the connection drops mid-stream", async () => {
    server.script([{ kind: "drop", output: OUTPUT, afterChars: 20 }]);
    const err = await failure(engine().engine.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("network");
    expect(err.message).toBe("The server closed the stream before finishing");
    expect(err.partialText).toBe(OUTPUT.slice(0, 20));
    expect(server.requests).toHaveLength(1);
  });

  it("returns the text so far when aborted mid-stream", async () => {
    server.script([{ kind: "ok", output: OUTPUT, chunkSize: 5, delayMs: 20 }]);
    const controller = new AbortController();
    const result = await engine().engine.complete(
      "p",
      DEFAULT_COMPLETION,
      { onText: () => controller.abort() },
      controller.signal,
    );
    expect(result).toEqual({ text: OUTPUT.slice(0, 5), finishReason: "abort" });
  });

  it("times out a server that never answers", async () => {
    server.script([{ kind: "hang" }]);
    const { engine: e } = engine({ timeoutMs: 100, maxRetries: 0 });
    const err = await failure(e.complete("p", DEFAULT_COMPLETION));
    expect(err.kind).toBe("timeout");
  });

  it("maps 401 to an API key message", async () => {
    server.script([{ kind: "status", status: 401, body: '{"error":"Unauthorized"}' }]);
    const err = await failure(engine().engine.complete("p", DEFAULT_COMPLETION));
    expect(err.message).toContain("API key");
    expect(err.detail).toContain("Unauthorized");
  });

  it("falls back to a non-streaming request after a 400", async () => {
    server.script([
      { kind: "status", status: 400, body: '{"error":{"message":"stream not supported"}}' },
      { kind: "ok", output: OUTPUT },
    ]);
    const result = await engine().engine.complete("p", DEFAULT_COMPLETION);
    expect(result.text).toBe(OUTPUT);
    expect(server.requests.map((r) => (r.body as { stream: boolean }).stream)).toEqual([
      true,
      false,
    ]);
  });

  it("lists models and can be scripted over the HTTP control API", async () => {
    expect(await listModels(server.url)).toEqual(["fixture-model"]);

    const origin = server.url.replace(/\/v1$/, "");
    const scripted = await fetch(`${origin}/__control/script`, {
      method: "POST",
      body: JSON.stringify({ steps: [{ kind: "status", status: 404, endpoint: "models" }] }),
    });
    expect(scripted.status).toBe(200);
    const err = await failure(listModels(server.url));
    expect(err.message).toContain("should end in /v1");

    const logged = (await (await fetch(`${origin}/__control/requests`)).json()) as unknown[];
    expect(logged).toHaveLength(2);
    await fetch(`${origin}/__control/reset`, { method: "POST" });
    expect(server.requests).toHaveLength(0);
  });

  it("answers CORS preflights for Authorization and Content-Type", async () => {
    const res = await fetch(`${server.url}/completions`, {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toContain("Authorization");
    expect(res.headers.get("access-control-allow-headers")).toContain("Content-Type");
    expect(server.requests).toHaveLength(0);
  });
});
