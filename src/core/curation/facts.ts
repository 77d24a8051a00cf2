import type { Flag } from "../quality/flags";
import type { TaskType } from "../quality/task-type";
import type { PairRow, PairStatus } from "../rows";

/**
 * What the curation table knows of one pair: the fields it shows, filters, sorts and searches,
 * and nothing else (no chunk, no result, no evidence spans). A compact projection of a
 * {@link PairRow}, small enough to hold 100,000 of them in a worker.
 */
export interface PairFacts {
  id: string;
  documentId: string;
  /** Order within the document. */
  index: number;
  question: string;
  answer: string;
  status: PairStatus;
  /** The grounding score in [0, 1]; null when there is none (no content word, or not scored). */
  grounding: number | null;
  /** False while the quality signals are missing or out of date. */
  scored: boolean;
  /** The task type shown: the curator's choice, else the classifier's; null when neither. */
  taskType: TaskType | null;
  /** True when the curator chose the task type. */
  taskTypeSet: boolean;
  /** The quality flags plus the duplicate kind, in no particular order. */
  flags: Flag[];
  /** The duplicate group, when other pairs ask the same or almost the same. */
  group: string | null;
  edited: boolean;
  createdAt: number;
  updatedAt: number;
}

/** The table's projection of a stored pair. */
export function pairFacts(row: PairRow): PairFacts {
  const quality = row.quality;
  const flags: Flag[] = quality ? [...quality.flags] : [];
  if (row.duplicate) flags.push(row.duplicate.kind);
  return {
    id: row.id,
    documentId: row.documentId,
    index: row.index,
    question: row.question,
    answer: row.answer,
    status: row.status,
    grounding: quality?.grounding ?? null,
    scored: quality !== undefined && row.stale !== 1,
    taskType: row.taskType ?? quality?.taskType ?? null,
    taskTypeSet: row.taskType !== undefined,
    flags,
    group: row.duplicate?.group ?? null,
    edited: row.edited,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
