import { describe, expect, it } from "vitest";
import { EngineError } from "../../core/synthesis-engine";
import { httpError } from "./errors";
import { defaultSleep, isRetryable, parseRetryAfter, retryDelay, retryReason } from "./retry";

const ctx = { url: "http://srv/v1/completions" };

describe("isRetryable", () => {
  it("retries rate limits, server errors, timeouts and network failures", () => {
    for (const status of [408, 429, 500, 502, 503]) {
      expect(isRetryable(httpError(status, "", "", undefined, ctx))).toBe(true);
    }
    expect(isRetryable(new EngineError("timeout", "t"))).toBe(true);
    expect(isRetryable(new EngineError("network", "n"))).toBe(true);
  });

  it("does not retry client errors or garbage", () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(isRetryable(httpError(status, "", "", undefined, ctx))).toBe(false);
    }
    expect(isRetryable(new EngineError("malformed-response", "m"))).toBe(false);
  });
});

describe("retryDelay", () => {
  const err = new EngineError("network", "n");

  it("doubles per attempt, with jitter between half and the full ceiling", () => {
    expect([1, 2, 3].map((a) => retryDelay(err, a, () => 0))).toEqual([500, 1000, 2000]);
    expect([1, 2, 3].map((a) => retryDelay(err, a, () => 1))).toEqual([1000, 2000, 4000]);
  });

  it("caps the backoff at 30 s", () => {
    expect(retryDelay(err, 20, () => 1)).toBe(30_000);
  });

  it("uses the server's Retry-After as sent", () => {
    expect(retryDelay(httpError(429, "", "", 42_000, ctx), 1, () => 0.5)).toBe(42_000);
  });

  it("names the reason briefly", () => {
    expect(retryReason(httpError(503, "", "", undefined, ctx))).toBe("HTTP 503");
    expect(retryReason(new EngineError("timeout", "t"))).toBe("timeout");
    expect(retryReason(new EngineError("network", "n"))).toBe("network error");
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("3")).toBe(3000);
    expect(parseRetryAfter(" 1.5 ")).toBe(1500);
    const now = Date.parse("Wed, 21 Oct 2015 07:28:00 GMT");
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:28:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Wed, 21 Oct 2015 07:27:00 GMT", now)).toBe(0);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-1")).toBeUndefined();
  });
});

describe("defaultSleep", () => {
  it("ends at once when the signal is or becomes aborted", async () => {
    const already = new AbortController();
    already.abort();
    await defaultSleep(60_000, already.signal);

    const later = new AbortController();
    const sleeping = defaultSleep(60_000, later.signal);
    later.abort();
    await sleeping;
  });
});
