// Shared by the engine's unit tests.
import { expect } from "vitest";
import { EngineError, type CompletionEvents } from "../../core/synthesis-engine";
import { createOpenAIEngine, type OpenAIEngineConfig } from "./openai-engine";

// ---- A fake server: a scripted `fetch` that answers with real Response objects. ----

export interface Call {
  url: string;
  init: RequestInit;
  body: Record<string, unknown>;
}
export type Handler = (call: Call) => Response | Promise<Response>;

export function fakeFetch(...handlers: Handler[]): { fetch: typeof fetch; calls: Call[] } {
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

export const encoder = new TextEncoder();

/** A body that delivers `pieces` one read at a time, then closes, errors, or stalls. */
export function body(pieces: string[], end: "close" | "error" | "stall" = "close"): ReadableStream {
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

export function sseResponse(
  pieces: string[],
  end: "close" | "error" | "stall" = "close",
): Response {
  return new Response(body(pieces, end), { headers: { "Content-Type": "text/event-stream" } });
}

export function jsonResponse(value: unknown, status = 200, headers: Record<string, string> = {}) {
  const init = { status, headers: { "Content-Type": "application/json", ...headers } };
  return new Response(JSON.stringify(value), init);
}

export const event = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;
export const text = (t: string, finish: string | null = null): string =>
  event({ choices: [{ index: 0, text: t, finish_reason: finish }] });
export const usage = event({ choices: [], usage: { prompt_tokens: 12, completion_tokens: 3 } });
export const DONE = "data: [DONE]\n\n";

export function setup(fetchImpl: typeof fetch, extra: Partial<OpenAIEngineConfig> = {}) {
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
export function recorder() {
  const deltas: string[] = [];
  const retries: Array<{ attempt: number; delayMs: number; reason: string }> = [];
  const events: CompletionEvents = {
    onText: (d) => deltas.push(d),
    onRetry: (info) => retries.push(info),
  };
  return { deltas, retries, events };
}

export async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineError);
  return err as EngineError;
}
