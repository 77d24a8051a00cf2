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

/** One request to the pairs index worker; requests are answered in the order they are sent. */
export function askIndex<R extends PairsIndexRequest>(
  request: R,
): Promise<PairsIndexReplies[R["kind"]]> {
  return callWorker<R, never, PairsIndexReplies[R["kind"]]>(indexWorker(), request);
}
