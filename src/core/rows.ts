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

export interface ResultRow {
  id: string;
  projectId: string;
  documentId: string;
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
}

export interface SettingRow {
  key: string;
  value: unknown;
}
