import type { PairsIndexReplies, PairsIndexRequest } from "../../../workers/pairs-index-job";
import { callWorker } from "../../../workers/rpc";

let worker: Worker | null = null;

/** The pairs index worker, created on first use and kept while the page lives. */
function indexWorker(): Worker {
  worker ??= new Worker(new URL("../../../workers/pairs-index.worker.ts", import.meta.url), {
    type: "module",
  });
  return worker;
}

/**
 * Starts the worker when the browser is idle after the studio opens: fetching and starting its
 * script is the largest part of the Pairs page's first render otherwise. It holds nothing until
 * the page asks.
 */
export function warmIndexWorker(): void {
  if (typeof Worker === "undefined") return;
  const start = () => void indexWorker();
  if (typeof requestIdleCallback === "function") requestIdleCallback(start, { timeout: 3000 });
  else setTimeout(start, 1000);
}

/** One request to the pairs index worker; requests are answered in the order they are sent. */
export function askIndex<R extends PairsIndexRequest>(
  request: R,
): Promise<PairsIndexReplies[R["kind"]]> {
  return callWorker<R, never, PairsIndexReplies[R["kind"]]>(indexWorker(), request);
}
