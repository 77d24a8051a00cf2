import { describe, expect, it } from "vitest";
import { orderedPool } from "./ordered-pool";

function* numbers(n: number) {
  for (let i = 0; i < n; i++) yield i;
}
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("orderedPool", () => {
  it("emits in input order with bounded concurrency", async () => {
    let inFlight = 0;
    let peak = 0;
    const out: number[] = [];
    await orderedPool(
      numbers(40),
      { concurrency: 4, window: 8 },
      async (i) => {
        peak = Math.max(peak, ++inFlight);
        await delay((i * 7) % 5);
        inFlight--;
        return i * 2;
      },
      (r) => {
        out.push(r);
      },
    );
    expect(out).toEqual(Array.from({ length: 40 }, (_, i) => i * 2));
    expect(peak).toBeLessThanOrEqual(4);
    expect(peak).toBeGreaterThan(1);
  });

  it("holds back at most `window` items behind a slow one", async () => {
    let started = 0;
    let startedWhileHeadPending = 0;
    let headDone = false;
    await orderedPool(
      numbers(30),
      { concurrency: 8, window: 5 },
      async (i) => {
        started++;
        if (!headDone) startedWhileHeadPending = started;
        if (i === 0) {
          await delay(30);
          headDone = true;
        }
        return i;
      },
      () => undefined,
    );
    expect(startedWhileHeadPending).toBeLessThanOrEqual(5);
  });

  it("stops and rethrows the first failure", async () => {
    const emitted: number[] = [];
    await expect(
      orderedPool(
        numbers(10),
        { concurrency: 2, window: 4 },
        (i) => (i === 3 ? Promise.reject(new Error("boom")) : Promise.resolve(i)),
        (r) => {
          emitted.push(r);
        },
      ),
    ).rejects.toThrow("boom");
    expect(emitted).toEqual([0, 1, 2]);
  });
});
