import { describe, expect, it } from "vitest";
import { callWorker, serveRequests, type WorkerLike } from "./rpc";

/** Two ends of an in-memory channel standing in for a worker and its page. */
function channel() {
  const page = new EventTarget();
  const worker = new EventTarget();
  const send = (to: EventTarget, data: unknown) =>
    queueMicrotask(() => to.dispatchEvent(new MessageEvent("message", { data })));
  const pageSide: WorkerLike = {
    postMessage: (m) => send(worker, m),
    addEventListener: (t, l) => page.addEventListener(t, l as EventListener),
    removeEventListener: (t, l) => page.removeEventListener(t, l as EventListener),
  };
  const workerSide = {
    postMessage: (m: unknown) => send(page, m),
    addEventListener: (t: "message", l: (e: MessageEvent) => void) =>
      worker.addEventListener(t, l as EventListener),
  };
  return { pageSide, workerSide };
}

describe("worker rpc", () => {
  it("delivers progress then the result, and keeps concurrent calls apart", async () => {
    const { pageSide, workerSide } = channel();
    serveRequests<number, number, number>(workerSide, (n, progress) => {
      for (let i = 1; i <= n; i++) progress(i);
      return n * 10;
    });
    const seenA: number[] = [];
    const [a, b] = await Promise.all([
      callWorker<number, number, number>(pageSide, 3, (p) => seenA.push(p)),
      callWorker<number, number, number>(pageSide, 1),
    ]);
    expect([a, b]).toEqual([30, 10]);
    expect(seenA).toEqual([1, 2, 3]);
  });

  it("turns a worker failure into a rejection with its message", async () => {
    const { pageSide, workerSide } = channel();
    serveRequests<string, never, never>(workerSide, (s) => {
      throw new Error(`bad ${s}`);
    });
    await expect(callWorker(pageSide, "input")).rejects.toThrow("bad input");
  });
});
