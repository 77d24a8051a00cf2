import { Dexie, type Table } from "dexie";
import { measure } from "../core/budget";
import type {
  ChunkRow,
  DocumentRow,
  HistoryRow,
  JobRow,
  MarkRow,
  PairRow,
  ProjectRow,
  ResultRow,
  SettingRow,
  SweepRow,
  TaskRow,
} from "../core/rows";
import { readBlock } from "../core/tags";

export type {
  ChunkRow,
  DuplicateMark,
  EntryLink,
  HistoryRow,
  JobRow,
  JobSettings,
  JobState,
  MarkRow,
  TaskRow,
  TaskState,
  DocumentRow,
  DocumentSourceKind,
  PairRow,
  PairStatus,
  ProjectRow,
  ResultRow,
  ResultState,
  SettingRow,
  StoredQuality,
  SweepRow,
} from "../core/rows";

export class StudioDB extends Dexie {
  projects!: Table<ProjectRow, string>;
  documents!: Table<DocumentRow, string>;
  results!: Table<ResultRow, string>;
  pairs!: Table<PairRow, string>;
  settings!: Table<SettingRow, string>;
  chunks!: Table<ChunkRow, string>;
  jobs!: Table<JobRow, string>;
  tasks!: Table<TaskRow, string>;
  history!: Table<HistoryRow, number>;
  sweeps!: Table<SweepRow, number>;
  marks!: Table<MarkRow, string>;

  constructor(name = "ipt-studio") {
    super(name);
    // Version 1. Keep every version declared here forever; add new ones below it.
    this.version(1).stores({
      projects: "id, createdAt",
      documents: "id, projectId, [projectId+createdAt], contentHash",
      results: "id, projectId, documentId, state, [documentId+startedAt]",
      pairs: "id, projectId, documentId, resultId, [documentId+index], status",
      settings: "key",
    });
    // Version 2: chunks, the persisted job queue, and chunk ids on results and pairs. Every v1
    // document becomes one chunk covering its whole text, which is what v1 synthesized.
    this.version(2)
      .stores({
        documents: "id, projectId, [projectId+createdAt], [projectId+contentHash]",
        chunks: "id, projectId, [documentId+index]",
        results:
          "id, projectId, documentId, chunkId, state, [documentId+startedAt], jobId, [projectId+state+chunkId]",
        pairs: "id, projectId, documentId, chunkId, resultId, [documentId+index], status",
        jobs: "id, projectId, state, [projectId+createdAt]",
        tasks: "id, jobId, [jobId+round], [jobId+state], [jobId+state+chunkId], state, chunkId",
      })
      .upgrade(async (tx) => {
        await tx.table<DocumentRow, string>("documents").each(async (d) => {
          await tx.table<ChunkRow, string>("chunks").add(wholeDocumentChunk(d));
        });
        await tx
          .table<ResultRow, string>("results")
          .toCollection()
          .modify((r) => {
            r.chunkId = firstChunkId(r.documentId);
          });
        await tx
          .table<PairRow, string>("pairs")
          .toCollection()
          .modify((p) => {
            p.chunkId = firstChunkId(p.documentId);
          });
      });
    // Version 3: quality signals on pairs (scored in the background from the sparse `stale`
    // index), `[projectId+updatedAt]` for syncing the pairs table, and the undo history. Every
    // existing pair is marked stale so it gets scored.
    this.version(3)
      .stores({
        pairs:
          "id, projectId, documentId, chunkId, resultId, [documentId+index], status, stale, [projectId+updatedAt]",
        history: "++seq, [projectId+step], session",
      })
      .upgrade(async (tx) => {
        await tx
          .table<PairRow, string>("pairs")
          .toCollection()
          .modify((p) => {
            p.stale = 1;
          });
      });
    // Version 4: status sweeps, bulk status changes stored as one record each (db/sweeps.ts),
    // whose `seq` only grows, even across deletions, which is what `statusSeq` relies on; and
    // duplicate marks in a table of their own (db/marks.ts), moved out of the pairs.
    this.version(4)
      .stores({ sweeps: "++seq, projectId", marks: "id, [projectId+at]" })
      .upgrade(async (tx) => {
        const marks: MarkRow[] = [];
        await tx
          .table<PairRow, string>("pairs")
          .toCollection()
          .modify((p) => {
            if (!p.duplicate) return;
            marks.push({ id: p.id, projectId: p.projectId, duplicate: p.duplicate, at: 0 });
            delete p.duplicate;
          });
        await tx.table<MarkRow, string>("marks").bulkAdd(marks);
      });
    // Version 5: indexes only, for reading a large project in pages. `[projectId+id]` lets one
    // request read the next page of a project's pairs after a given pair (the `projectId` index
    // can only be walked row by row from there), and `[projectId+title]` gives the titles of a
    // project's documents without reading their texts.
    this.version(5).stores({
      documents: "id, projectId, [projectId+createdAt], [projectId+contentHash], [projectId+title]",
      pairs:
        "id, projectId, documentId, chunkId, resultId, [documentId+index], status, stale, [projectId+updatedAt], [projectId+id]",
    });
    // Version 6: `[projectId+status+id]` replaces `status`, so a bulk status change reads the
    // project's pairs of a status in pages, after the last id of the page before (db/sweeps.ts):
    // the `status` index held every project's pairs of a status under one key, read at once.
    // `projectId` and `documentId` go, as `[projectId+id]` and `[documentId+index]` answer the
    // same reads, and `resultId`, which nothing read: each index is work on every pair written,
    // and a bulk edit of 54,545 pairs writes every one of them.
    this.version(6).stores({
      pairs:
        "id, chunkId, [documentId+index], [projectId+status+id], stale, [projectId+updatedAt], [projectId+id]",
    });
  }
}

/** The id of a document's first chunk when it was made by the v1 → v2 upgrade. */
export const firstChunkId = (documentId: string): string => `${documentId}:0`;

/** One chunk covering a whole document, measured in words (the v1 → v2 upgrade). */
export function wholeDocumentChunk(d: DocumentRow): ChunkRow {
  return {
    id: firstChunkId(d.id),
    projectId: d.projectId,
    documentId: d.id,
    index: 0,
    start: 0,
    end: d.text.length,
    tokens: measure(readBlock(d.text), "words"),
    budgetMode: "words",
  };
}
