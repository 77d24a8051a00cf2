import type { AbortSignalLike } from "../../core/synthesis-engine";

/**
 * A counting semaphore. The engine advertises `capabilities.concurrency` so callers schedule
 * that many requests, and this enforces it too, so a caller that sends more at once cannot
 * flood the server: extra requests wait their turn (their timeouts start when they run).
 */
export class Limiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /**
   * Takes a slot, waiting if all are in use. Resolves false, without a slot, if `signal`
   * aborts while waiting, so an aborted request never occupies one.
   */
  acquire(signal?: AbortSignalLike): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false);
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve(true);
    }
    return new Promise<boolean>((resolve) => {
      const grant = (): void => {
        signal?.removeEventListener("abort", cancel);
        this.active++;
        resolve(true);
      };
      const cancel = (): void => {
        const index = this.waiting.indexOf(grant);
        if (index !== -1) this.waiting.splice(index, 1);
        resolve(false);
      };
      this.waiting.push(grant);
      signal?.addEventListener("abort", cancel, { once: true });
    });
  }

  /** Frees a slot taken by a successful `acquire` and hands it to the next waiter. */
  release(): void {
    this.active--;
    this.waiting.shift()?.();
  }
}
