/**
 * Plumbing shared by every request to the server: URLs, headers, and one request's
 * cancellation (the caller's abort signal plus an idle timeout).
 */
import { EngineError, type AbortSignalLike } from "../../core/synthesis-engine";

/**
 * Joins the base URL and an endpoint path. Trailing slashes are stripped so both
 * "http://host:8000/v1" and "http://host:8000/v1/" work. A URL `fetch` cannot parse is
 * reported here, because fetch's own TypeError would look like the server being down.
 */
export function endpoint(baseUrl: string, path: string): string {
  const base = baseUrl.trim().replace(/\/+$/, "");
  // "localhost:8000" parses as a URL with scheme "localhost:", so the scheme is checked too.
  if (!/^https?:$/.test(parsedProtocol(base))) {
    throw new EngineError(
      "http",
      `"${baseUrl}" is not a valid URL. Enter the server's base URL starting with http:// or https://, for example http://localhost:8000/v1.`,
    );
  }
  return `${base}/${path}`;
}

function parsedProtocol(url: string): string {
  try {
    return new URL(url).protocol;
  } catch {
    return "";
  }
}

export function requestHeaders(apiKey: string | undefined, json: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  if (json) headers["Content-Type"] = "application/json";
  // An empty or blank key means "none": sending "Bearer " makes some servers answer 401.
  if (apiKey?.trim()) headers.Authorization = `Bearer ${apiKey.trim()}`;
  return headers;
}

/** `fetch` called unbound, as browsers require ("Illegal invocation" otherwise). */
export const globalFetch: typeof fetch = (input, init) => fetch(input, init);

/** Thrown by `AttemptControl.race` when the request was stopped (abort or timeout). */
export class StoppedError extends Error {
  override readonly name = "StoppedError";
}

/**
 * Cancellation for one HTTP request. It links the caller's signal to its own controller and
 * arms an idle timer; either one aborts the request. `race` makes every await give up at
 * once when that happens, even if a `fetch` implementation or body stream ignores the signal.
 */
export class AttemptControl {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** True once the idle timer fired (as opposed to the caller aborting). */
  timedOut = false;

  constructor(
    private readonly outer: AbortSignalLike | undefined,
    private readonly timeoutMs: number,
  ) {
    if (outer?.aborted) this.controller.abort();
    outer?.addEventListener("abort", this.onOuterAbort, { once: true });
    this.touch();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True when the caller aborted; checked before `timedOut` because the caller wins. */
  get userAborted(): boolean {
    return this.outer?.aborted === true;
  }

  /** Restarts the idle timer; called whenever the server shows signs of life. */
  touch(): void {
    clearTimeout(this.timer);
    if (this.controller.signal.aborted) return;
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, this.timeoutMs);
  }

  /** Resolves like `promise`, or rejects with `StoppedError` as soon as the request stops. */
  race<T>(promise: Promise<T>): Promise<T> {
    const signal = this.controller.signal;
    return new Promise<T>((resolve, reject) => {
      const stop = (): void => reject(new StoppedError("request stopped"));
      if (signal.aborted) {
        // Swallow the loser's eventual rejection so it never surfaces as unhandled.
        promise.catch(() => undefined);
        stop();
        return;
      }
      signal.addEventListener("abort", stop, { once: true });
      promise.then(
        (value) => {
          signal.removeEventListener("abort", stop);
          resolve(value);
        },
        (err: unknown) => {
          signal.removeEventListener("abort", stop);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  /** Stops the timer and unhooks from the caller's signal; call once the request is over. */
  dispose(): void {
    clearTimeout(this.timer);
    this.outer?.removeEventListener("abort", this.onOuterAbort);
  }

  private readonly onOuterAbort = (): void => {
    clearTimeout(this.timer);
    this.controller.abort();
  };
}
