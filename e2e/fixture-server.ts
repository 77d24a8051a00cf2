/**
 * A scriptable OpenAI-compatible server for end-to-end tests (Playwright's globalSetup, and
 * Vitest integration tests). It answers `GET /v1/models` and `POST /v1/completions` (SSE when
 * the request has `stream: true`, JSON otherwise) from a queue of scripted steps, so a test
 * can stage the failures a real server produces: error statuses, garbage, dropped connections
 * and hangs. With an empty queue it answers like a synthesizer, so unscripted tests still work.
 *
 * Tests in another process (the browser under Playwright) script it over HTTP:
 * `POST /__control/script {steps}`, `POST /__control/reset`, `GET /__control/requests`.
 * Self-contained on purpose (node's own modules only): it must load without the app's build.
 *
 * With `tls`, it speaks HTTP/2 (and HTTP/1.1) over TLS: a browser opens at most 6 connections
 * to one HTTP/1.1 server, so only HTTP/2 lets a benchmark run more requests at once than that.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createSecureServer } from "node:http2";
import type { AddressInfo } from "node:net";

export type FixtureStep = (
  | { kind: "ok"; output: string; chunkSize?: number; delayMs?: number }
  | { kind: "status"; status: number; body?: string; retryAfter?: number }
  | { kind: "malformed" }
  | { kind: "drop"; output: string; afterChars: number }
  | { kind: "hang" }
) & {
  /** Which endpoint consumes the step; default "completions". */
  endpoint?: "completions" | "models";
};

export interface FixtureRequest {
  method: string;
  path: string;
  /** Parsed JSON body; the raw text if it is not JSON; undefined when empty. */
  body: unknown;
  authorization?: string;
}

export interface FixtureServer {
  /** Base URL ending in /v1, e.g. "http://127.0.0.1:41234/v1". */
  url: string;
  port: number;
  /** Appends steps to the queue; each request to their endpoint takes the first one. */
  script(steps: FixtureStep[]): void;
  /** Empties the queue and the request log, and sets the latency back to 0. */
  reset(): void;
  /** Delays every /v1 answer by `ms` (scripted or default), like a busy server. */
  setLatency(ms: number): void;
  /** Every /v1 request received, in order (control and preflight requests excluded). */
  requests: FixtureRequest[];
  close(): Promise<void>;
}

export const FIXTURE_MODEL = "fixture-model";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "600",
};

export async function startFixtureServer(
  opts: { port?: number; tls?: { key: string; cert: string } } = {},
): Promise<FixtureServer> {
  const queue: FixtureStep[] = [];
  let latencyMs = 0;
  const requests: FixtureRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  // Timers stop when the server closes, so a slow scripted stream never outlives a test.
  const later = (ms: number, fn: () => void): void => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const takeStep = (endpoint: "completions" | "models"): FixtureStep | undefined => {
    const i = queue.findIndex((s) => (s.endpoint ?? "completions") === endpoint);
    return i === -1 ? undefined : queue.splice(i, 1)[0];
  };
  const reset = (): void => {
    queue.length = 0;
    requests.length = 0; // in place: callers may hold the array
    latencyMs = 0;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    void readBody(req)
      .then((raw) => {
        const path = (req.url ?? "/").split("?")[0] ?? "/";
        for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
        if (req.method === "OPTIONS") {
          // Chrome's Private Network Access preflight, when a public page calls localhost.
          if (req.headers["access-control-request-private-network"] === "true") {
            res.setHeader("Access-Control-Allow-Private-Network", "true");
          }
          res.writeHead(204).end();
          return;
        }
        const body = parseBody(raw);
        if (path.startsWith("/__control/")) {
          control(req.method ?? "GET", path, body, res, { queue, requests, reset });
          return;
        }
        const record: FixtureRequest = { method: req.method ?? "GET", path, body };
        if (req.headers.authorization) record.authorization = req.headers.authorization;
        if (path.startsWith("/v1/")) requests.push(record);

        if (req.method === "GET" && path === "/v1/models") {
          const step = takeStep("models");
          if (step && step.kind !== "ok") return answerStep(step, res, false, later);
          return json(res, 200, {
            object: "list",
            data: [{ id: FIXTURE_MODEL, object: "model", owned_by: "fixture" }],
          });
        }
        if (req.method === "POST" && path === "/v1/completions") {
          const prompt = isObject(body) && typeof body.prompt === "string" ? body.prompt : "";
          const stream = isObject(body) && body.stream === true;
          const step = takeStep("completions") ?? {
            kind: "ok",
            output: synthesizerOutput(prompt),
            chunkSize: 8,
          };
          if (latencyMs > 0)
            return later(latencyMs, () => answerStep(step, res, stream, later, prompt));
          return answerStep(step, res, stream, later, prompt);
        }
        json(res, 404, { error: { message: `No route for ${req.method ?? "?"} ${path}` } });
      })
      .catch((err: unknown) => {
        // A bug in a handler must not crash the test run through an unhandled rejection.
        if (res.headersSent) res.destroy();
        else json(res, 500, { error: { message: `Fixture server error: ${String(err)}` } });
      });
  };
  // The HTTP/2 compatibility API mirrors node:http's request and response where this uses them.
  const server = opts.tls
    ? createSecureServer({ ...opts.tls, allowHTTP1: true }, handle as never)
    : createServer(handle);
  const sessions = new Set<{ destroy(): void }>();
  server.on("session", (s: { destroy(): void; on(e: "close", f: () => void): void }) => {
    sessions.add(s);
    s.on("close", () => sessions.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${opts.tls ? "https" : "http"}://127.0.0.1:${port}/v1`,
    port,
    requests,
    script: (steps) => void queue.push(...steps),
    reset,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        // Hanging and streaming responses keep sockets open; close() alone would wait on them.
        if ("closeAllConnections" in server) server.closeAllConnections();
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function control(
  method: string,
  path: string,
  body: unknown,
  res: ServerResponse,
  state: { queue: FixtureStep[]; requests: FixtureRequest[]; reset: () => void },
): void {
  if (method === "POST" && path === "/__control/script") {
    const steps = isObject(body) ? body.steps : undefined;
    if (!Array.isArray(steps))
      return json(res, 400, { error: { message: "Expected {steps: []}" } });
    state.queue.push(...(steps as FixtureStep[]));
    return json(res, 200, { queued: state.queue.length });
  }
  if (method === "POST" && path === "/__control/reset") {
    state.reset();
    return json(res, 200, { ok: true });
  }
  if (method === "GET" && path === "/__control/requests") return json(res, 200, state.requests);
  json(res, 404, { error: { message: `No control route ${method} ${path}` } });
}

function answerStep(
  step: FixtureStep,
  res: ServerResponse,
  stream: boolean,
  later: (ms: number, fn: () => void) => void,
  prompt = "",
): void {
  switch (step.kind) {
    case "status": {
      const headers: Record<string, string> = { "Content-Type": "application/json" };
      if (step.retryAfter !== undefined) headers["Retry-After"] = String(step.retryAfter);
      const fallback = { error: { message: `Fixture status ${step.status}`, code: step.status } };
      res.writeHead(step.status, headers).end(step.body ?? JSON.stringify(fallback));
      return;
    }
    case "malformed":
      if (stream) res.writeHead(200, { "Content-Type": "text/event-stream" });
      else res.writeHead(200, { "Content-Type": "application/json" });
      res.end(stream ? "data: {not json\n\n" : "{not json");
      return;
    case "hang":
      return; // answered never; close() or the client's abort ends the socket
    case "drop": {
      const head = step.output.slice(0, step.afterChars);
      const payload = stream
        ? // The leading SSE comment makes the payload non-empty even when afterChars is 0.
          ": fixture\n\n" +
          chunks(head, 8)
            .map((piece) => sse(textChunk(piece, null)))
            .join("")
        : `{"choices":[{"text":${JSON.stringify(head)}`;
      const type = stream ? "text/event-stream" : "application/json";
      res.writeHead(200, { "Content-Type": type });
      // Like a server that dies mid-generation: the bytes go out, and a moment later the
      // socket is reset. Destroying in the same tick lets browsers drop the body unread.
      res.write(payload, () => later(100, () => res.socket?.destroy()));
      return;
    }
    case "ok": {
      const usage = {
        prompt_tokens: prompt.split(/\s+/).filter(Boolean).length,
        completion_tokens: Math.ceil(step.output.length / 4),
      };
      if (!stream) {
        const choice = { index: 0, text: step.output, logprobs: null, finish_reason: "stop" };
        return json(res, 200, { ...envelope(), choices: [choice], usage });
      }
      const events = chunks(step.output, step.chunkSize ?? 8).map((p) => sse(textChunk(p, null)));
      events.push(sse(textChunk("", "stop")), sse({ ...envelope(), choices: [], usage }));
      events.push("data: [DONE]\n\n");
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
      const send = (i: number): void => {
        if (res.destroyed) return; // the client went away (abort)
        if (i === events.length) return void res.end();
        res.write(events[i]);
        if (step.delayMs) later(step.delayMs, () => send(i + 1));
        else send(i + 1);
      };
      send(0);
    }
  }
}

/**
 * A deterministic synthesizer-style answer: two pairs about words of the text being read
 * (the last `<CON> ... </CON>` block, after any demonstrations), in the model's tag format.
 */
export function synthesizerOutput(prompt: string): string {
  const read = /<CON>([\s\S]*?)<\/CON>(?![\s\S]*<CON>)/.exec(prompt)?.[1] ?? prompt;
  const words = [...new Set(read.match(/[A-Za-z][A-Za-z'-]{3,}/g) ?? [])].slice(0, 3);
  const topic = words.length > 0 ? words.join(", ") : "nothing in particular";
  const first = words[0] ?? "nothing";
  return [
    `<QUE> What is the text about? <ANS> It mentions ${topic}. </END>`,
    `<QUE> Which word of note comes first in the text? <ANS> ${first}. </END>`,
  ].join("\n\n");
}

function envelope(): Record<string, unknown> {
  return { id: "cmpl-fixture", object: "text_completion", created: 0, model: FIXTURE_MODEL };
}

function textChunk(text: string, finish: string | null): Record<string, unknown> {
  return { ...envelope(), choices: [{ index: 0, text, logprobs: null, finish_reason: finish }] };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  const step = Math.max(1, size);
  for (let i = 0; i < text.length; i += step) out.push(text.slice(i, i + step));
  return out;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    // A client that aborts mid-upload still gets its (partial) request handled harmlessly.
    req.on("error", () => resolve(Buffer.concat(parts).toString("utf8")));
  });
}

function parseBody(raw: string): unknown {
  if (raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
