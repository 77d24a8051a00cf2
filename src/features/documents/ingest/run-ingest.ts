/**
 * Runs one import: the worker reads the files and sends documents in batches; each batch is
 * stored here in one transaction (documents and chunks), credited to its files for the report,
 * then acknowledged so the worker sends the next. Cancel stops the worker at once; what was
 * stored stays stored.
 */
import type { IngestedDocument } from "../../../core/ingest/documents";
import {
  creditBatch,
  fileReport,
  type FileReport,
  type StoredTally,
} from "../../../core/ingest/report";
import { addChunkedDocuments, readJobSettings, readTokenizer, type DbContext } from "../../../db";
import { studio } from "../../../db/studio";
import type {
  IngestAck,
  IngestBatch,
  IngestEvent,
  IngestFile,
  IngestRequest,
  IngestResult,
  InspectRequest,
  InspectResult,
} from "../../../workers/ingest-job";
import { callWorker, startWorkerJob } from "../../../workers/rpc";

export interface IngestCounters {
  filesRead: number;
  bytesRead: number;
  /** Documents stored so far, and skipped as duplicates so far. */
  documents: number;
  duplicates: number;
  current: string | null;
}

export interface IngestRunResult {
  /** Reports of the files the worker finished. */
  reports: Map<number, FileReport>;
  /** What was stored from each file, finished or not. */
  tallies: Map<number, StoredTally>;
  cancelled: boolean;
  /** Why the import stopped early (storage full, the worker failed), or null. */
  error: string | null;
  firstDocumentId: string | null;
}

export interface IngestRun {
  done: Promise<IngestRunResult>;
  cancel(): void;
}

const newWorker = () =>
  new Worker(new URL("../../../workers/ingest.worker.ts", import.meta.url), { type: "module" });

/** Lists a record file's fields in a short-lived worker. */
export async function inspectRecordFile(
  request: Omit<InspectRequest, "kind">,
): Promise<InspectResult> {
  const worker = newWorker();
  try {
    return await callWorker<InspectRequest, never, InspectResult>(worker, {
      kind: "inspect",
      ...request,
    });
  } finally {
    worker.terminate();
  }
}

/**
 * A database context whose clock never runs backwards across batches: each batch's documents
 * take creation times t, t+1, …, so the next batch must start after them, or the list (in
 * creation order) would interleave two batches stored within the same few milliseconds.
 */
function orderedContext(): DbContext & { reserve(n: number): void } {
  let next = 0;
  let pending = 0;
  return {
    ...studio,
    now: () => {
      const t = Math.max(Date.now(), next);
      next = t + pending;
      return t;
    },
    reserve: (n) => {
      pending = n;
    },
  };
}

const stripFile = ({ file: _file, ...doc }: IngestedDocument) => doc;

/**
 * Finds a batch's exact duplicates with one read instead of one per document: the project's
 * content hashes are read once (index keys only) and kept up to date through the import; a
 * hash found there is confirmed (and its title read) inside the batch's transaction, so a
 * document deleted meanwhile is not taken for an original. Returns what to add (with
 * keepDuplicates, as it has been checked) and what was skipped.
 */
function duplicateFinder(projectId: string) {
  let known: Set<string> | null = null;
  return async (ctx: DbContext, docs: IngestedDocument[]) => {
    const { db } = ctx;
    const byHash = db.documents.where("[projectId+contentHash]");
    known ??= new Set(
      (await byHash.between([projectId, ""], [projectId, "\uffff"]).keys()).map((k) =>
        Array.isArray(k) ? String(k[1]) : "",
      ),
    );
    const keep: IngestedDocument[] = [];
    const duplicates: { title: string; duplicateOf: string }[] = [];
    const inBatch = new Map<string, string>();
    for (const d of docs) {
      let of = inBatch.get(d.contentHash);
      if (of === undefined && known.has(d.contentHash)) {
        of = (await byHash.equals([projectId, d.contentHash]).first())?.title;
      }
      if (of !== undefined) {
        duplicates.push({ title: d.title, duplicateOf: of });
        continue;
      }
      inBatch.set(d.contentHash, d.title);
      keep.push(d);
    }
    for (const hash of inBatch.keys()) known.add(hash);
    return { keep, duplicates };
  };
}

export function runIngest(options: {
  projectId: string;
  files: IngestFile[];
  paths: Map<number, string>;
  keepDuplicates: boolean;
  onCounters: (c: IngestCounters) => void;
}): IngestRun {
  const { projectId, files, paths, keepDuplicates, onCounters } = options;
  const worker = newWorker();
  const ctx = orderedContext();
  const findDuplicates = duplicateFinder(projectId);
  const tallies = new Map<number, StoredTally>();
  const reports = new Map<number, FileReport>();
  const counters: IngestCounters = {
    filesRead: 0,
    bytesRead: 0,
    documents: 0,
    duplicates: 0,
    current: null,
  };
  let firstDocumentId: string | null = null;
  let stopped = false;
  let stop: (reason: { cancelled: boolean; error: string | null }) => void = () => undefined;
  const stoppedEarly = new Promise<{ cancelled: boolean; error: string | null }>((resolve) => {
    stop = (reason) => {
      if (stopped) return;
      stopped = true;
      worker.terminate();
      resolve(reason);
    };
  });
  worker.addEventListener("error", (e) =>
    stop({ cancelled: false, error: `The import worker failed: ${e.message || "unknown error"}` }),
  );

  let job: { send(m: IngestAck): void } | null = null;
  // Batches are stored one after another, in the order the worker sent them.
  let chain: Promise<void> = Promise.resolve();

  const store = async (batch: IngestBatch) => {
    if (stopped) return;
    if (batch.docs.length > 0) {
      // Receiving the batch was one task; storing it (serializing it for IndexedDB) is another.
      await new Promise((resolve) => setTimeout(resolve, 0));
      ctx.reserve(batch.docs.length);
      const { db } = ctx;
      const { added, duplicates } = await db.transaction(
        "rw",
        db.documents,
        db.chunks,
        async () => {
          const found = keepDuplicates
            ? { keep: batch.docs, duplicates: [] }
            : await findDuplicates(ctx, batch.docs);
          const stored = await addChunkedDocuments(ctx, projectId, found.keep.map(stripFile), {
            keepDuplicates: true,
          });
          return { added: stored.added, duplicates: found.duplicates };
        },
      );
      firstDocumentId ??= added[0]?.id ?? null;
      creditBatch(tallies, batch.docs, added, duplicates);
      counters.documents += added.length;
      counters.duplicates += duplicates.length;
      job?.send({ ack: batch.seq });
    }
    for (const outcome of batch.outcomes) {
      const tally = tallies.get(outcome.file) ?? { added: 0, duplicates: { items: [], total: 0 } };
      reports.set(outcome.file, fileReport(paths.get(outcome.file) ?? "", outcome, tally));
    }
    onCounters({ ...counters });
  };

  const onEvent = (e: IngestEvent) => {
    if (e.kind === "read") {
      Object.assign(counters, {
        filesRead: e.filesRead,
        bytesRead: e.bytesRead,
        current: e.current,
      });
      onCounters({ ...counters });
      return;
    }
    chain = chain.then(() =>
      store(e).catch((err: unknown) =>
        stop({ cancelled: false, error: err instanceof Error ? err.message : String(err) }),
      ),
    );
  };

  const done = (async (): Promise<IngestRunResult> => {
    const settings = await readJobSettings(studio, projectId);
    const tokenizer =
      settings.budgetMode === "tokens" ? await readTokenizer(studio, projectId) : null;
    const request: IngestRequest = {
      kind: "ingest",
      files,
      settings,
      tokenizerJson: tokenizer ? tokenizer.json.slice(0) : null,
    };
    const started = startWorkerJob<IngestRequest, IngestEvent, IngestResult, IngestAck>(
      worker,
      request,
      onEvent,
    );
    job = started;
    const finished = started.result.then(
      async () => {
        await chain;
        return { cancelled: false, error: null };
      },
      (err: unknown) => ({
        cancelled: false,
        error: `The import stopped: ${err instanceof Error ? err.message : String(err)}`,
      }),
    );
    const end = await Promise.race([finished, stoppedEarly]);
    if (!stopped) {
      stopped = true;
      worker.terminate();
    }
    // A batch being stored when Cancel was pressed finishes its transaction: count it.
    await chain;
    return { reports, tallies, firstDocumentId, ...end };
  })();

  return { done, cancel: () => stop({ cancelled: true, error: null }) };
}
