/**
 * Maps what can go wrong talking to an OpenAI-compatible server onto `EngineError`s whose
 * message tells a person what to do. The raw server text goes into `detail`, so the UI can
 * show it behind a "details" toggle without drowning the actionable sentence.
 */
import { EngineError } from "../../core/synthesis-engine";

/** An HTTP error status. Keeps the status and `Retry-After` so the retry policy can use them. */
export class HttpStatusError extends EngineError {
  constructor(
    readonly status: number,
    message: string,
    detail: string,
    /** The server's `Retry-After`, in milliseconds, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(status === 400 && isContextOverflow(detail) ? "context-window" : "http", message, detail);
  }
}

/** Where the request went, so messages can name the URL and the model. */
export interface RequestContext {
  url: string;
  model?: string;
}

/** Longest server text kept in `detail`; error pages can be whole HTML documents. */
const MAX_DETAIL = 2000;

export function clip(text: string, max = MAX_DETAIL): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Pulls the human part out of the error shapes servers use (OpenAI, vLLM, FastAPI, plain). */
export function serverMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed)) {
      const error = parsed.error;
      if (typeof error === "string") return error;
      if (isRecord(error) && typeof error.message === "string") return error.message;
      if (typeof parsed.message === "string") return parsed.message;
      if (parsed.detail !== undefined) return JSON.stringify(parsed.detail);
    }
  } catch {
    // Not JSON: the body itself is the message.
  }
  return body.trim();
}

/** vLLM, llama.cpp and OpenAI all say "context length" when the prompt is too long. */
function isContextOverflow(detail: string): boolean {
  return /context (length|window|size)|too many tokens|exceeds? the (available )?context/i.test(
    detail,
  );
}

/** Builds the error for a non-2xx answer. */
export function httpError(
  status: number,
  statusText: string,
  body: string,
  retryAfterMs: number | undefined,
  ctx: RequestContext,
): HttpStatusError {
  const said = clip(serverMessage(body));
  const detail = `HTTP ${status}${statusText ? ` ${statusText}` : ""} from ${ctx.url}${said ? `: ${said}` : ""}`;
  return new HttpStatusError(status, httpMessage(status, said, ctx), detail, retryAfterMs);
}

function httpMessage(status: number, said: string, ctx: RequestContext): string {
  if (status === 401 || status === 403) {
    return `The server refused the request (HTTP ${status}): the API key is missing or wrong. Enter the key the server expects, or leave it empty if the server needs none.`;
  }
  if (status === 404) {
    // vLLM and others answer 404 for an unknown model name, not only for a wrong path.
    if (ctx.model && /model/i.test(said)) {
      return `The server does not serve a model named "${ctx.model}" (HTTP 404). Use "Test connection" to list the models it serves.`;
    }
    return `Nothing answered at ${ctx.url} (HTTP 404). The base URL should end in /v1, for example http://localhost:8000/v1.`;
  }
  if (status === 400 && isContextOverflow(said)) {
    return "The prompt is longer than the model's context window (HTTP 400). Use fewer demonstrations or shorter texts, or serve the model with a longer context.";
  }
  if (status === 429) {
    return "The server is rate limiting requests (HTTP 429). Lower the concurrency or try again later.";
  }
  if (status >= 500) {
    return `The server failed while answering (HTTP ${status}). Check the server's log; it may be overloaded or still loading the model.`;
  }
  return `The server rejected the request (HTTP ${status})${said ? `: ${clip(said, 200)}` : "."}`;
}

/**
 * `fetch` rejects with an opaque TypeError both when nothing listens on the port and when the
 * browser blocks the answer for lack of CORS headers; a page cannot tell the two apart, so the
 * message covers both and says how to allow the origin on common servers.
 */
export function networkError(cause: unknown, baseUrl: string): EngineError {
  return new EngineError(
    "network",
    `Could not reach ${baseUrl}. The server may be down, or the browser blocked the request (CORS). ` +
      `Check that the server is running and allows this page's origin: vLLM --allowed-origins '["*"]', ` +
      `llama.cpp llama-server (allows all origins by default; check --host and --port), ` +
      `Ollama OLLAMA_ORIGINS="*". An https page can only call an https server or localhost.`,
    describe(cause),
  );
}

export function timeoutError(timeoutMs: number): EngineError {
  const seconds = Math.round(timeoutMs / 100) / 10;
  return new EngineError(
    "timeout",
    `The server sent nothing for ${seconds} s. It may be overloaded or still loading the model; try again, or lower the concurrency.`,
  );
}

/** The stream ended before the server said it was done: the connection broke mid-answer. */
export function droppedStreamError(cause?: unknown): EngineError {
  return new EngineError(
    "network",
    "The server closed the stream before finishing",
    cause === undefined ? "" : describe(cause),
  );
}

/** An `error` event inside a stream that had started fine (vLLM sends these). */
export function streamError(data: string): EngineError {
  const said = serverMessage(data);
  return new EngineError(
    "http",
    `The server reported an error while generating${said ? `: ${clip(said, 200)}` : "."}`,
    clip(data),
  );
}

/** `detail` holds the offending line or body so the user can see what the server sent. */
export function malformedError(reason: string, offending: string): EngineError {
  return new EngineError(
    "malformed-response",
    `The server's answer is not OpenAI completion data (${reason}). Check that the base URL points to an OpenAI-compatible server and ends in /v1.`,
    clip(offending),
  );
}

export function describe(cause: unknown): string {
  if (cause instanceof Error) {
    // undici puts the useful part ("ECONNREFUSED") in `cause`, browsers give only the message.
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.name}: ${cause.message}${inner}`;
  }
  return String(cause);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
