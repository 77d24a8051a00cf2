import { parseCollectionsJsonl } from "../../core/export/collections-jsonl";
import { importEntries, type DocumentRow } from "../../db";
import { studio } from "../../db/studio";
import { readTextFile } from "../../lib/read-text-file";

/**
 * Imports the `ipt` CLI's collections JSONL for curation. The whole file is checked first: a
 * bad line refuses the import with its line number, and nothing is written.
 */
export async function importCollectionsFile(
  projectId: string,
  file: File,
): Promise<{ ok: true; documents: DocumentRow[] } | { ok: false; reason: string }> {
  const read = await readTextFile(file);
  if (!read.ok) return { ok: false, reason: read.reason };
  const parsed = parseCollectionsJsonl(read.text);
  if (!parsed.ok)
    return { ok: false, reason: `${file.name} ${parsed.error}. Nothing was imported.` };
  const entries = parsed.value.flat();
  if (entries.length === 0)
    return { ok: false, reason: `${file.name} has no collections. Nothing was imported.` };
  return {
    ok: true,
    documents: await importEntries(studio, projectId, entries, { name: file.name }),
  };
}
