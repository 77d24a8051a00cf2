/// <reference lib="webworker" />
import { PairsIndex } from "../core/curation/pairs-index";
import type { PairsIndexReplies, PairsIndexRequest } from "./pairs-index-job";
import { serveRequests } from "./rpc";

/*
 * Holds one project's pairs for the curation table (core/curation/pairs-index.ts) and answers
 * its queries off the main thread: the page never filters, sorts or searches 100,000 pairs
 * itself. The page loads the pairs from the database and keeps this copy in sync.
 */

let index = new PairsIndex();

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
