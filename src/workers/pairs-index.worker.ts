/// <reference lib="webworker" />
import { PairsIndex } from "../core/curation/pairs-index";
import { EMPTY_VIEW, type PairsView } from "../core/curation/view";
import type { PairsIndexReplies, PairsIndexRequest } from "./pairs-index-job";
import { serveRequests } from "./rpc";

/*
 * Holds one project's pairs for the curation table (core/curation/pairs-index.ts) and answers
 * its queries off the main thread: the page never filters, sorts or searches 100,000 pairs
 * itself. The page loads the pairs from the database and keeps this copy in sync.
 */

let index = new PairsIndex();

/**
 * One view per kind of filter. The JIT compiles the filter loop with only the branches it has
 * seen taken; the first view using another one threw the compiled loop away mid-run and took
 * 40-50 ms instead of 5-15. Running each kind once after a load moves that cost off the
 * curator's first filter change.
 */
const WARM_VIEWS: PairsView[] = [
  { ...EMPTY_VIEW, statuses: ["accepted"] },
  { ...EMPTY_VIEW, taskTypes: ["freeFormQa"] },
  { ...EMPTY_VIEW, flags: ["duplicate"] },
  { ...EMPTY_VIEW, documents: [""] },
  { ...EMPTY_VIEW, groundingMin: 0.5 },
  { ...EMPTY_VIEW, search: "a" },
];

serveRequests<PairsIndexRequest, never, PairsIndexReplies[PairsIndexRequest["kind"]]>(
  self,
  (req) => {
    switch (req.kind) {
      case "reset":
        index = new PairsIndex();
        return null;
      case "upsert":
        index.setTitles(req.titles);
        index.upsert(req.rows, req.keys);
        return { size: index.size };
      case "setStatus":
        index.setStatus(req.ids, req.status);
        return { size: index.size };
      case "remove":
        index.remove(req.ids);
        return { size: index.size };
      case "retain": {
        const removed = index.retain(req.ids);
        return { size: index.size, removed };
      }
      case "query": {
        const t = performance.now();
        return { ...index.queryKeys(req.view), workerMs: performance.now() - t };
      }
      case "warm":
        for (const view of WARM_VIEWS) index.queryKeys(view);
        return null;
      case "rows":
        return index.rows(req.ids);
      case "keepOne":
        return index.keepOnePlan(req.ids);
      case "documents":
        return index.documents(req.text, req.limit);
      case "titles":
        return index.titlesOf(req.ids);
    }
  },
  // A query's keys move to the page rather than being copied.
  (result) =>
    result !== null && "keys" in result && result.keys instanceof Int32Array
      ? [result.keys.buffer]
      : [],
);
