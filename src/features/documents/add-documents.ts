import { documentTextProblem, titleFromText } from "../../core/document-text";
import { createDocument, type DocumentRow } from "../../db";
import { studio } from "../../db/studio";
import { readTextFile } from "../../lib/read-text-file";

export type AddOutcome =
  | { ok: true; documents: DocumentRow[]; skipped: { name: string; reason: string }[] }
  | { ok: false; reason: string; skipped: { name: string; reason: string }[] };

export async function addPastedDocument(
  projectId: string,
  text: string,
  title?: string,
): Promise<DocumentRow> {
  const problem = documentTextProblem(text);
  if (problem) throw new Error(problem);
  return createDocument(studio, {
    projectId,
    title: title?.trim() || titleFromText(text),
    text,
    source: { kind: "paste" },
  });
}

/** Adds every readable file; each unreadable one is reported with its reason, not fatal. */
export async function addFiles(projectId: string, files: readonly File[]): Promise<AddOutcome> {
  const documents: DocumentRow[] = [];
  const skipped: { name: string; reason: string }[] = [];
  for (const file of files) {
    const read = await readTextFile(file);
    if (!read.ok) {
      skipped.push({ name: read.name, reason: read.reason });
      continue;
    }
    documents.push(
      await createDocument(studio, {
        projectId,
        title: read.name.replace(/\.(txt|md|markdown)$/i, ""),
        text: read.text,
        source: { kind: "file", name: read.name, mime: read.mime, size: read.size },
      }),
    );
  }
  if (documents.length === 0) {
    return {
      ok: false,
      reason: skipped.map((s) => s.reason).join("\n") || "No files were chosen.",
      skipped,
    };
  }
  return { ok: true, documents, skipped };
}

interface SampleManifest {
  version: number;
  samples: { file: string; title: string }[];
}

/** Loads the built-in sample documents shipped in public/samples. */
export async function addSampleDocuments(projectId: string): Promise<DocumentRow[]> {
  const base = import.meta.env.BASE_URL;
  const manifest = (await (await fetch(`${base}samples/manifest.json`)).json()) as SampleManifest;
  const docs: DocumentRow[] = [];
  for (const s of manifest.samples) {
    const res = await fetch(`${base}samples/${s.file}`);
    if (!res.ok) throw new Error(`Sample ${s.file} could not be loaded (HTTP ${res.status}).`);
    const text = await res.text();
    docs.push(
      await createDocument(studio, {
        projectId,
        title: s.title,
        text,
        source: { kind: "sample", name: s.file },
      }),
    );
  }
  return docs;
}
