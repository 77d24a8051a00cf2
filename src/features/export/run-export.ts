import {
  planProjectExport,
  readExportBatch,
  scanProjectPairs,
  watchProjectForExport,
  type ExportPlanEntry,
} from "../../db";
import { studio } from "../../db/studio";
import type {
  BatchReply,
  BeginReply,
  BeginRequest,
  EndReply,
  ExportProgress,
  ExportRequest,
  ExportResult,
  PreviewResult,
  WorkerRequest,
} from "../../workers/export-job";
import { callWorker } from "../../workers/rpc";
import { PairSpool } from "./pair-spool";

/**
 * Collections per message: whole collections adding up to about this many chunks. Small enough
 * that a batch costs a few MB on each side, large enough that messaging is not the bottleneck.
 */
const BATCH_ENTRIES = 1_000;

let worker: Worker | null = null;

/** The export worker is created on first use and kept for later exports. */
function exportWorker(): Worker {
  worker ??= new Worker(new URL("../../workers/export.worker.ts", import.meta.url), {
    type: "module",
  });
  return worker;
}

function call<R>(request: WorkerRequest): Promise<R> {
  return callWorker<WorkerRequest, never, R>(exportWorker(), request);
}

/** The plan's collections cut into batches of about {@link BATCH_ENTRIES} entries. */
function batches(collections: readonly ExportPlanEntry[][]): ExportPlanEntry[][][] {
  const out: ExportPlanEntry[][][] = [];
  let current: ExportPlanEntry[][] = [];
  let size = 0;
  for (const collection of collections) {
    if (size > 0 && size + collection.length > BATCH_ENTRIES) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(collection);
    size += collection.length;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Thrown when the caller stopped wanting the result (a preview superseded by new settings). */
export class ExportCancelled extends Error {
  override readonly name = "ExportCancelled";
}

/** Batches sent to the worker and not yet answered: reading never waits for formatting. */
const IN_FLIGHT = 2;

/**
 * Streams the project to the worker: plans the export (ids and links only), then reads the
 * collections from Dexie a batch at a time and posts each to the worker without waiting for
 * the one before to be formatted (at most {@link IN_FLIGHT} wait there), once per pass the worker
 * asks for. Reading IndexedDB is the slow part, so it runs back to back while the worker
 * formats in parallel. Neither side ever holds the whole project.
 *
 * When the job takes every batch (an export, or a preview that counts the mix), the pairs are
 * read first, all of them with one cursor, into a {@link PairSpool} that keeps each batch's
 * pairs in Blobs until the batch is streamed, in every pass; then each batch costs one request
 * for its documents. A preview that stops after its samples reads the first batches' pairs
 * one request per chunk instead.
 */
async function streamProject(
  projectId: string,
  begin: Omit<BeginRequest, "kind" | "collections">,
  onProgress: (p: ExportProgress) => void = () => undefined,
  live: () => boolean = () => true,
): Promise<Exclude<EndReply, { kind: "again" }>> {
  const plan = await planProjectExport(studio, projectId);
  const parts = batches(plan.collections);
  const { job, passes, everyBatch } = await call<BeginReply>({
    kind: "begin",
    ...begin,
    collections: plan.collections.length,
  });
  let total = Math.max(1, passes * plan.entries);
  let done = 0;
  const sent: { reply: Promise<BatchReply>; entries: number }[] = [];
  /** Waits for the oldest batch's answer; false when the worker wants no more this pass. */
  const settle = async (): Promise<boolean> => {
    const oldest = sent.shift();
    if (!oldest) return true;
    const reply = await oldest.reply;
    done += oldest.entries;
    onProgress({ done: Math.min(done, total), total });
    return reply.more;
  };
  try {
    let spool: PairSpool | null = null;
    if (everyBatch) {
      const kept = new PairSpool(parts, begin.export.filter);
      let step = 0;
      await scanProjectPairs(
        studio,
        projectId,
        (pair) => {
          kept.add(pair);
          if (++done - step >= 5_000) {
            step = done;
            onProgress({ done, total });
          }
        },
        { count: (pairs) => (total += pairs), stop: () => !live() },
      );
      if (!live()) throw new ExportCancelled();
      kept.finish();
      spool = kept;
    }
    for (;;) {
      let more = true;
      for (const [b, part] of parts.entries()) {
        const pairs = spool ? await spool.pairs(b) : undefined;
        const collections = await readExportBatch(studio, projectId, part, pairs);
        if (!live()) throw new ExportCancelled();
        const reply = call<BatchReply>({ kind: "batch", job, collections });
        // Answered later; a rejection is seen when it is awaited, not reported twice.
        reply.catch(() => undefined);
        sent.push({ reply, entries: part.reduce((n, c) => n + c.length, 0) });
        if (sent.length >= IN_FLIGHT) more = await settle();
        if (!more) break;
      }
      while (sent.length > 0) await settle();
      const end = await call<EndReply>({ kind: "end", job });
      if (end.kind !== "again") return end;
    }
  } catch (e) {
    void call<null>({ kind: "abort", job }).catch(() => undefined);
    throw e;
  }
}

/** Runs one export in the worker; the page stays responsive and shows `onProgress`. */
export async function runExport(
  projectId: string,
  request: ExportRequest,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportResult> {
  const end = await streamProject(projectId, { export: request }, onProgress);
  if (end.kind !== "export") throw new Error("The export worker sent a preview instead of a file.");
  return end.result;
}

/**
 * Three sample records for the current settings and, with `counts`, the make-up of the mix
 * (which needs every collection). Throws ExportCancelled once `live` turns false.
 */
export async function runPreview(
  projectId: string,
  request: ExportRequest,
  counts: boolean,
  live: () => boolean,
): Promise<PreviewResult> {
  const end = await streamProject(
    projectId,
    { export: request, preview: { counts } },
    undefined,
    live,
  );
  if (end.kind !== "preview")
    throw new Error("The export worker sent a file instead of a preview.");
  return end.result;
}

/** For `useLiveQuery`: a new value whenever anything an export reads changes. */
export function watchExportInputs(projectId: string): Promise<number> {
  return watchProjectForExport(studio, projectId);
}
