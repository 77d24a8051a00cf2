import { projectExportJsonl } from "../../core/project-export";
import { readProjectForExport } from "../../db";
import { studio } from "../../db/studio";
import { downloadText } from "../../lib/download";

/** Downloads the project as JSONL, one document per line; returns what was written. */
export async function exportProject(
  projectId: string,
  projectName: string,
): Promise<{ documents: number; pairs: number }> {
  const docs = await readProjectForExport(studio, projectId);
  const slug =
    projectName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "project";
  const date = new Date().toISOString().slice(0, 10);
  downloadText(`${slug}-${date}.jsonl`, projectExportJsonl(docs));
  return { documents: docs.length, pairs: docs.reduce((n, d) => n + d.pairs.length, 0) };
}
