/**
 * One typed request/response channel to a worker, with progress events in between. A job posts
 * `{id, request}`; the worker answers with any number of `{id, progress}` and then one
 * `{id, result}` or `{id, error}`. While it runs, the page may send it `{id, message}`s (for
 * example acknowledgements, so a worker producing data waits for the page to keep up).
 */
export type WorkerMessage<P, R> =
  { id: number; progress: P } | { id: number; result: R } | { id: number; error: string };

export interface WorkerLike {
  postMessage(message: unknown): void;
  addEventListener(type: "message", listener: (e: MessageEvent) => void): void;
  removeEventListener(type: "message", listener: (e: MessageEvent) => void): void;
}

/** A running request: its result, and a way to message the worker's handler meanwhile. */
export interface WorkerJob<R, M> {
  result: Promise<R>;
  send(message: M): void;
}

let nextId = 1;

/** Starts one request; `onProgress` sees every progress event. */
export function startWorkerJob<Q, P, R, M = never>(
  worker: WorkerLike,
  request: Q,
  onProgress?: (p: P) => void,
): WorkerJob<R, M> {
  const id = nextId++;
  const result = new Promise<R>((resolve, reject) => {
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
  return { result, send: (message) => worker.postMessage({ id, message }) };
}

/** Sends one request and resolves with its result; `onProgress` sees every progress event. */
export function callWorker<Q, P, R>(
  worker: WorkerLike,
  request: Q,
  onProgress?: (p: P) => void,
): Promise<R> {
  return startWorkerJob<Q, P, R>(worker, request, onProgress).result;
}

/** The messages the page sent to one running request, in order. */
export interface Inbox<M> {
  next(): Promise<M>;
}

function createInbox<M>(): Inbox<M> & { put(m: M): void } {
  const queued: M[] = [];
  const waiting: ((m: M) => void)[] = [];
  return {
    put(m) {
      const w = waiting.shift();
      if (w) w(m);
      else queued.push(m);
    },
    next() {
      return queued.length > 0
        ? Promise.resolve(queued.shift() as M)
        : new Promise<M>((resolve) => waiting.push(resolve));
    },
  };
}

/** Worker side: answers each request with `handle`, which may report progress and read its inbox. */
export function serveRequests<Q, P, R, M = never>(
  scope: {
    addEventListener(type: "message", l: (e: MessageEvent) => void): void;
    postMessage(m: unknown, transfer?: Transferable[]): void;
  },
  handle: (request: Q, progress: (p: P) => void, inbox: Inbox<M>) => R | Promise<R>,
  /** Buffers of a result to transfer to the page instead of copying them. */
  transfer: (result: R) => Transferable[] = () => [],
): void {
  const inboxes = new Map<number, ReturnType<typeof createInbox<M>>>();
  scope.addEventListener("message", (e: MessageEvent) => {
    const data = e.data as { id: number; request: Q } | { id: number; message: M };
    if ("message" in data) {
      // A message for a request that has ended has nobody to read it.
      inboxes.get(data.id)?.put(data.message);
      return;
    }
    const { id, request } = data;
    const inbox = createInbox<M>();
    inboxes.set(id, inbox);
    void Promise.resolve()
      .then(() => handle(request, (progress) => scope.postMessage({ id, progress }), inbox))
      .then(
        (result) => scope.postMessage({ id, result }, transfer(result)),
        (err: unknown) =>
          scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => inboxes.delete(id));
  });
}
