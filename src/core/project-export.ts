import type { Pair } from "./types";

/** DO NOT CHANGE without bumping: readers of exported files rely on this version. */
export const PROJECT_EXPORT_VERSION = 1;

export type ExportedPairStatus = "pending" | "accepted" | "rejected";

export interface ExportDocument {
  title: string;
  text: string;
  pairs: Array<Pair & { status: ExportedPairStatus }>;
}

/**
 * One JSONL line per document: `{version, title, text, pairs:[{question, answer, status}]}`.
 * Pairs keep their review status so a trainer can filter to accepted ones.
 */
export function projectExportLine(doc: ExportDocument): string {
  return JSON.stringify({
    version: PROJECT_EXPORT_VERSION,
    title: doc.title,
    text: doc.text,
    pairs: doc.pairs.map((p) => ({ question: p.question, answer: p.answer, status: p.status })),
  });
}

export function projectExportJsonl(docs: readonly ExportDocument[]): string {
  return docs.map((d) => projectExportLine(d) + "\n").join("");
}
