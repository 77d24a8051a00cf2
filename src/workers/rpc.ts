/**
 * One typed request/response channel to a worker, with progress events in between. A job posts
 * `{id, request}`; the worker answers with any number of `{id, progress}` and then one
 * `{id, result}` or `{id, error}`.
 */
export type WorkerMessage<P, R> =
  { id: number; progress: P } | { id: number; result: R } | { id: number; error: string };

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (e: MessageEvent) => void): void;
}

let nextId = 1;

/** Sends one request and resolves with its result; `onProgress` sees every progress event. */
export function callWorker<Q, P, R>(
  worker: WorkerLike,
  request: Q,
  onProgress?: (p: P) => void,
): Promise<R> {
  const id = nextId++;
  return new Promise<R>((resolve, reject) => {
    const listener = (e: MessageEvent) => {
      const msg = e.data as WorkerMessage<P, R>;
      if (msg.id !== id) return;
      if ("progress" in msg) {
        onProgress?.(msg.progress);
        return;
      }
      worker.removeEventListener("message", listener);
      if ("result" in msg) resolve(msg.result);
      else reject(new Error(msg.error));
    };
    worker.addEventListener("message", listener);
    worker.postMessage({ id, request });
  });
}

/** Worker side: answers each request with `handle`, which may report progress. */
export function serveRequests<Q, P, R>(
  scope: {
    addEventListener(type: "message", l: (e: MessageEvent) => void): void;
    postMessage(m: unknown): void;
  },
  handle: (request: Q, progress: (p: P) => void) => R | Promise<R>,
): void {
  scope.addEventListener("message", (e: MessageEvent) => {
    const { id, request } = e.data as { id: number; request: Q };
    Promise.resolve()
      .then(() => handle(request, (progress) => scope.postMessage({ id, progress })))
      .then(
        (result) => scope.postMessage({ id, result }),
        (err: unknown) =>
          scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
      );
  });
}
