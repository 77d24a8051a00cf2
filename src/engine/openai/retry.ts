/**
 * Retry policy: which failures are worth another try, and how long to wait first.
 *
 * Local inference servers fail transiently when they are busy (429, 503) or restarting, so a
 * few retries with growing, jittered delays ride that out without hammering the server; the
 * jitter keeps parallel requests from retrying in lock-step.
 */
import type { AbortSignalLike, EngineError } from "../../core/synthesis-engine";
import { HttpStatusError } from "./errors";

/** First retry waits about this long; each later one doubles it. */
export const BASE_DELAY_MS = 1000;
/** Cap on the computed backoff (a server's own `Retry-After` is honoured as sent). */
export const MAX_DELAY_MS = 30_000;

/** Transient failures: rate limiting, server errors, timeouts and broken connections. */
export function isRetryable(error: EngineError): boolean {
  if (error instanceof HttpStatusError) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return error.kind === "network" || error.kind === "timeout";
}

/**
 * Delay before retry number `attempt` (1-based): the server's `Retry-After` when it sent one,
 * else exponential backoff with "equal jitter" (half fixed, half random), so the wait still
 * grows while retries of parallel requests spread out.
 */
export function retryDelay(error: EngineError, attempt: number, random: () => number): number {
  if (error instanceof HttpStatusError && error.retryAfterMs !== undefined) {
    return error.retryAfterMs;
  }
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** A short reason for `onRetry`, e.g. "HTTP 503" or "timeout". */
export function retryReason(error: EngineError): string {
  if (error instanceof HttpStatusError) return `HTTP ${error.status}`;
  if (error.kind === "timeout") return "timeout";
  return "network error";
}

/**
 * Parses `Retry-After`: either delta-seconds or an HTTP date. Returns milliseconds, or
 * undefined when the header is absent or unreadable (then normal backoff applies).
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now(),
): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date always names a weekday and month; this keeps Date.parse from reading "-1".
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/**
 * Waits `ms`, ending early (resolving, not rejecting) when `signal` aborts: the caller checks
 * the signal afterwards, so an abort during a backoff stops the request straight away.
 */
export function defaultSleep(ms: number, signal?: AbortSignalLike): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
