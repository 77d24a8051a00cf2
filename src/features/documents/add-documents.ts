import { documentTextProblem, titleFromText } from "../../core/document-text";
import { createDocument, type DocumentRow } from "../../db";
import { studio } from "../../db/studio";

// Files (uploads, drops, folders) are read by the ingest worker: see features/documents/ingest.

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
