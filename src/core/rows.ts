import type { Flag } from "./quality/flags";
import type { TaskType } from "./quality/task-type";
import type { RowChange } from "./history";
import type { FinishReason, Usage } from "./types";

/*
 * The studio's stored rows, shared by the database (src/db) and the workspace backup format.
 * DO NOT CHANGE a stored field's meaning without a Dexie version bump and an
 * upgrade function: users' curated pairs live in these tables and nowhere else.
 */

export interface ProjectRow {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

export type DocumentSourceKind = "paste" | "file" | "sample";

export interface DocumentRow {
  id: string;
  projectId: string;
  title: string;
  source: { kind: DocumentSourceKind; name?: string; mime?: string; size?: number };
  text: string;
  contentHash: string;
  createdAt: number;
  updatedAt: number;
}

/** running: in flight; done: finished; incomplete: stopped or cut off with partial output kept;
 * failed: the engine failed before writing anything useful. */
export type ResultState = "running" | "done" | "incomplete" | "failed";

/**
 * A piece of a document that fits the synthesizer's input budget (see core/chunk.ts). The text
 * is NOT stored twice: it is `document.text.slice(start, end)`, so a 100 MB import costs 100 MB.
 */
export interface ChunkRow {
  id: string;
  projectId: string;
  documentId: string;
  /** Order within the document, from 0. */
  index: number;
  start: number;
  end: number;
  /** The cost of the chunk's prompt `readBlock(text)` under `budgetMode`. */
  tokens: number;
  budgetMode: "words" | "tokens";
  /** A hard-cut piece of one word longer than the budget (see core/chunk.ts). */
  oversized?: true;
}

/**
 * Where a result sits in its collection (method spec, section 4), so cooking can group chained
 * entries and the collections JSONL can be rebuilt. A collection is the chain of chunks linked
 * by `previousChunkId`; it is never stored as such.
 */
export interface EntryLink {
  /** The chunk of the collection's previous entry, if any (a demonstration or an extra). */
  previousChunkId?: string;
  /** How many finished entries were put in front of the prompt as demonstrations. */
  demonstrations: number;
  inheritsFromPrevious: boolean;
  /** Set when the next round used this entry as a demonstration. */
  followedByNext: boolean;
}

export interface ResultRow {
  id: string;
  projectId: string;
  documentId: string;
  chunkId: string;
  /** The job and its 0-based round, for results made by the batch queue. */
  jobId?: string;
  round?: number;
  link?: EntryLink;
  prompt: string;
  rawOutput: string;
  finishReason: FinishReason | null;
  usage?: Usage;
  engineId: string;
  modelId: string;
  settings: { maxTokens: number; temperature: number };
  state: ResultState;
  error?: { kind: string; message: string; detail: string };
  startedAt: number;
  finishedAt?: number;
}

export type PairStatus = "pending" | "accepted" | "rejected";

export interface PairRow {
  id: string;
  projectId: string;
  documentId: string;
  chunkId: string;
  /** The result that produced this pair; absent for manual pairs. */
  resultId?: string;
  /** Order within the document: model pairs in output order, manual pairs after them. */
  index: number;
  question: string;
  answer: string;
  status: PairStatus;
  edited: boolean;
  origin: "model" | "manual";
  createdAt: number;
  updatedAt: number;
  /** The task type a curator set by hand; it wins over the classifier's `quality.taskType`. */
  taskType?: TaskType;
  /** The pair's own quality signals, scored against its chunk (core/quality/quality.ts). */
  quality?: StoredQuality;
  /**
   * Its duplicate group when other pairs of the project ask the same or almost the same. Stored
   * apart, in the marks table (db/marks.ts), and attached by the reads that show it.
   */
  duplicate?: DuplicateMark;
  /**
   * Present (always 1) while `quality` is missing or out of date: set when the pair is created
   * or its text changes, removed when it is scored. Indexed sparsely, so finding the pairs to
   * score reads only those.
   */
  stale?: 1;
  /**
   * The newest status sweep (db/sweeps.ts) this row's `status` already accounts for. A pending
   * sweep with a higher `seq` that lists the pair decides its status instead.
   */
  statusSeq?: number;
}

/**
 * A status change over many pairs stored as one record, so a bulk accept or reject of 50,000
 * pairs is one write instead of 50,000 (db/sweeps.ts). It is pending until folded into the rows
 * in the background; until then every read of a status applies it.
 */
export interface SweepRow {
  seq?: number;
  projectId: string;
  status: PairStatus;
  /** The pairs it sets; only those whose status it changes. */
  ids: string[];
  /** How many of `ids` are already folded into their rows (in order). */
  folded: number;
  at: number;
}

/** A status sweep's undo history: `ids[i]` had status `before[i]` and got `status`. */
export interface SweepPart {
  status: PairStatus;
  ids: string[];
  before: PairStatus[];
}

/** What `qualityOf` found. */
export interface StoredQuality {
  grounding: number | null;
  flags: Flag[];
  taskType: TaskType;
  /**
   * The evidence spans in the chunk's text, flat: start, end, start, end… (one array, not an
   * object per span, so loading 100,000 pairs decodes one more value each). Absent in pairs
   * scored before spans were stored: those are found again when shown.
   */
  spans?: number[];
}

/**
 * A pair's duplicate mark, stored apart from the pair: loading a project's near-duplicate index
 * marks tens of thousands of pairs, and a small row in its own table is several times cheaper to
 * write than the whole pair row with its indexes, and does not hold up reads of the pairs.
 */
export interface MarkRow {
  /** The pair's id. */
  id: string;
  projectId: string;
  /** null once the pair left its group: kept, so the pairs table's sync sees the change. */
  duplicate: DuplicateMark | null;
  /** When it was written (ms): the pairs table syncs on it. */
  at: number;
}

export interface DuplicateMark {
  kind: "duplicate" | "nearDuplicate";
  /** The group id from the near-duplicate index, shared by every member. */
  group: string;
}

/**
 * One part of an undoable curation step (core/history.ts). A bulk action over many pairs writes
 * one part per batch it applies, so an interrupted action leaves history that matches exactly
 * what was written.
 */
export interface HistoryRow {
  seq?: number;
  projectId: string;
  /** The browser session (tab) that wrote it: history survives a reload, not a new session. */
  session: string;
  /** The step this part belongs to; steps count up per project. */
  step: number;
  label: string;
  at: number;
  changes: RowChange<PairRow>[];
  /**
   * Set when the part is a status sweep (then `changes` is empty): undo and redo write sweeps
   * too instead of rewriting every row. Two flat arrays instead of a change object per pair
   * keep a 50,000-pair part quick to store.
   */
  sweep?: SweepPart;
  /** 1 once undone (the step is on the redo side). */
  undone: 0 | 1;
}

/** queued: waiting for the runner; paused and cancelled: by the user; done: no task left. */
export type JobState = "queued" | "running" | "paused" | "done" | "cancelled";

/** The settings a job runs with, fixed when it is queued and shown before the run. */
export interface JobSettings {
  maxModelLen: number;
  maxNewTokens: number;
  temperature: number;
  rounds: number;
  budgetMode: "words" | "tokens";
  /** Prompts in flight at once within a round (WebLLM always runs one). */
  concurrency: number;
}

/** A persisted batch run over chunks. Rounds run in order; see core/rounds.ts. */
export interface JobRow {
  id: string;
  projectId: string;
  /** The chunks in planner order; round r synthesizes `roundSlices(chunkIds.length, rounds)[r]`. */
  chunkIds: string[];
  settings: JobSettings;
  state: JobState;
  /** Why the runner paused it on its own (e.g. the server is unreachable). */
  pauseReason?: string;
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
}

export type TaskState = "queued" | "running" | "done" | "failed";

/** One chunk of one round of a job: the unit the queue runs, retries and commits. */
export interface TaskRow {
  id: string;
  jobId: string;
  projectId: string;
  round: number;
  /** Position in the job's chunk order (the planner's text index). */
  position: number;
  chunkId: string;
  documentId: string;
  state: TaskState;
  /** Attempts started, counting the automatic retry. */
  attempts: number;
  error?: { kind: string; message: string };
  resultId?: string;
  updatedAt: number;
}

export interface SettingRow {
  key: string;
  value: unknown;
}
