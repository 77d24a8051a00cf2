/**
 * One HTTP request to `/completions`, with no retrying: the engine decides about retries from
 * the outcome. Failures come back as values, not exceptions, each with the text streamed so far
 * already attached, so nothing the user has seen is lost whatever the engine does next.
 */
import {
  EngineError,
  type AbortSignalLike,
  type CompletionEvents,
  type CompletionOptions,
  type CompletionResult,
} from "../../core/synthesis-engine";
import { CompletionAccumulator, readEventStream } from "./completion-reader";
import { droppedStreamError, httpError, networkError, timeoutError } from "./errors";
import { AttemptControl, endpoint, requestHeaders } from "./http";
import { parseRetryAfter } from "./retry";

/** What one request needs to know about the server. */
export interface AttemptSettings {
  baseUrl: string;
  model: string;
  apiKey?: string;
  timeoutMs: number;
  fetch: typeof fetch;
}

/** One request's outcome: done (an abort counts as done), or failed. */
export type Attempt = { ok: true; result: CompletionResult } | { ok: false; error: EngineError };

/** Sends the request (streaming or not) and reads the whole answer. Never rejects. */
export async function runAttempt(
  settings: AttemptSettings,
  prompt: string,
  options: CompletionOptions,
  stream: boolean,
  events: CompletionEvents | undefined,
  signal: AbortSignalLike | undefined,
): Promise<Attempt> {
  const control = new AttemptControl(signal, settings.timeoutMs);
  // Called through `events` so an `onText` that relies on `this` keeps working.
  const acc = new CompletionAccumulator((delta) => events?.onText?.(delta));
  let connected = false;
  try {
    const url = endpoint(settings.baseUrl, "completions");
    const response = await control.race(
      settings.fetch(url, {
        method: "POST",
        headers: requestHeaders(settings.apiKey, true),
        body: JSON.stringify(requestBody(settings.model, prompt, options, stream)),
        signal: control.signal,
      }),
    );
    connected = true;
    if (!response.ok) {
      const body = await control.race(response.text()).catch(() => "");
      if (control.userAborted) return { ok: true, result: { text: "", finishReason: "abort" } };
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      const ctx = { url, model: settings.model };
      return fail(httpError(response.status, response.statusText, body, retryAfter, ctx), acc);
    }
    const type = response.headers.get("content-type") ?? "";
    // A JSON answer to a streaming request: the server ignored `stream`, which is fine.
    if (!stream || type.includes("application/json") || !response.body) {
      acc.acceptBody(await control.race(response.text()));
    } else {
      control.touch();
      await readEventStream(response.body, control, acc);
    }
    return { ok: true, result: acc.result() };
  } catch (err) {
    if (control.userAborted) return { ok: true, result: { text: acc.text, finishReason: "abort" } };
    if (control.timedOut) return fail(timeoutError(settings.timeoutMs), acc);
    if (err instanceof EngineError) return fail(err, acc);
    // Before the response arrived it is a connection failure; after, a broken body.
    return fail(connected ? droppedStreamError(err) : networkError(err, settings.baseUrl), acc);
  } finally {
    control.dispose();
  }
}

function fail(error: EngineError, acc: CompletionAccumulator): Attempt {
  return { ok: false, error: acc.text === "" ? error : error.withPartialText(acc.text) };
}

function requestBody(
  model: string,
  prompt: string,
  options: CompletionOptions,
  stream: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model,
    prompt,
    max_tokens: options.maxTokens,
    temperature: options.temperature,
    stream,
  };
  // Without include_usage, streamed answers carry no token counts at all.
  if (stream) body.stream_options = { include_usage: true };
  if (options.stop && options.stop.length > 0) body.stop = options.stop;
  return body;
}
