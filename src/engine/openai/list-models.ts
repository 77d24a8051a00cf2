/**
 * `GET {baseUrl}/models`, behind the "Test connection" button: one cheap request that proves
 * the URL, CORS and API key are right, and tells the user which model names to use.
 */
import { EngineError, type AbortSignalLike } from "../../core/synthesis-engine";
import { httpError, isRecord, malformedError, networkError, timeoutError } from "./errors";
import { AttemptControl, endpoint, globalFetch, requestHeaders } from "./http";
import { parseRetryAfter } from "./retry";

/** A connection test should answer quickly; a server that is this slow to list is a problem. */
export const LIST_MODELS_TIMEOUT_MS = 15_000;

/**
 * Lists the model ids the server serves, in its order. Rejects with the same `EngineError`s as
 * completions (network/CORS, 401/403 key, 404 base URL, malformed answer). An abort through
 * `signal` rejects with kind "network" and message "Cancelled."; there is nothing partial to keep.
 */
export async function listModels(
  baseUrl: string,
  apiKey?: string,
  fetchImpl: typeof fetch = globalFetch,
  signal?: AbortSignalLike,
): Promise<string[]> {
  const url = endpoint(baseUrl, "models");
  const control = new AttemptControl(signal, LIST_MODELS_TIMEOUT_MS);
  let body: string;
  try {
    const response = await control.race(
      fetchImpl(url, { headers: requestHeaders(apiKey, false), signal: control.signal }),
    );
    const text = await control.race(response.text());
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
      throw httpError(response.status, response.statusText, text, retryAfter, { url });
    }
    body = text;
  } catch (err) {
    if (control.userAborted) throw new EngineError("network", "Cancelled.");
    if (control.timedOut) throw timeoutError(LIST_MODELS_TIMEOUT_MS);
    if (err instanceof EngineError) throw err;
    throw networkError(err, baseUrl);
  } finally {
    control.dispose();
  }
  return parseModelList(body);
}

/** Reads `{ data: [{ id }] }`, the OpenAI shape that vLLM, llama.cpp and Ollama all return. */
export function parseModelList(body: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw malformedError("the model list is not valid JSON", body);
  }
  const data = isRecord(parsed) ? parsed.data : undefined;
  if (!Array.isArray(data)) throw malformedError("the model list has no data array", body);
  const ids: string[] = [];
  for (const item of data as unknown[]) {
    if (isRecord(item) && typeof item.id === "string") ids.push(item.id);
  }
  return ids;
}
