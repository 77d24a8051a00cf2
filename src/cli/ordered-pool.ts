/**
 * Runs `work` over a stream of items with at most `concurrency` in flight, and hands results to
 * `emit` strictly in input order. A slow item holds back only `window` later items, so memory
 * stays bounded however large the input is.
 */
export async function orderedPool<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  opts: { concurrency: number; window: number },
  work: (item: T) => Promise<R>,
  emit: (result: R, item: T) => void | Promise<void>,
): Promise<void> {
  const pending = new Map<number, { item: T; result?: R; done: boolean; promise: Promise<void> }>();
  let nextToEmit = 0;
  let nextIndex = 0;
  let inFlight = 0;
  // In an object: it is set from callbacks, which TypeScript's narrowing cannot see.
  const state: { failure: Error | null } = { failure: null };
  // A completion can land while we are busy emitting; `changed` remembers it so the next wait
  // returns at once instead of sleeping through it.
  let changed = false;
  let wake: (() => void) | null = null;
  const signal = () => {
    changed = true;
    wake?.();
    wake = null;
  };
  const waitForChange = async () => {
    if (!changed) await new Promise<void>((resolve) => (wake = resolve));
    changed = false;
  };

  const flush = async () => {
    for (let slot = pending.get(nextToEmit); slot?.done; slot = pending.get(nextToEmit)) {
      pending.delete(nextToEmit++);
      await emit(slot.result as R, slot.item);
    }
  };

  for await (const item of items) {
    while (
      state.failure === null &&
      (inFlight >= opts.concurrency || nextIndex - nextToEmit >= opts.window)
    ) {
      await waitForChange();
      await flush();
    }
    if (state.failure !== null) break;
    const index = nextIndex++;
    inFlight++;
    const slot = { item, done: false, promise: Promise.resolve() } as {
      item: T;
      result?: R;
      done: boolean;
      promise: Promise<void>;
    };
    slot.promise = work(item).then(
      (result) => {
        slot.result = result;
        slot.done = true;
      },
      (err: unknown) => {
        state.failure ??= err instanceof Error ? err : new Error("a task failed", { cause: err });
      },
    );
    void slot.promise.finally(() => {
      inFlight--;
      signal();
    });
    pending.set(index, slot);
  }
  while (state.failure === null && nextToEmit < nextIndex) {
    if (!pending.get(nextToEmit)?.done) await waitForChange();
    await flush();
  }
  if (state.failure !== null) {
    await Promise.allSettled([...pending.values()].map((s) => s.promise));
    await flush(); // results before the failure still reach the output
    throw state.failure;
  }
}
