import { MAX_DOCUMENT_BYTES, documentTextProblem } from "../core/document-text";

export type ReadTextResult =
  | { ok: true; name: string; text: string; size: number; mime: string }
  | { ok: false; name: string; reason: string };

const MB = 1024 * 1024;
const SNIFF_BYTES = 8192;

/**
 * Reads an uploaded file as UTF-8 text, refusing what would silently corrupt a document:
 * files over the size limit (checked before reading a byte), binary files (NUL bytes in the
 * first 8 KB), invalid UTF-8, and empty text. Each refusal names the file and the reason.
 */
export async function readTextFile(file: File): Promise<ReadTextResult> {
  const name = file.name;
  if (file.size > MAX_DOCUMENT_BYTES) {
    return {
      ok: false,
      name,
      reason: `${name} is ${(file.size / MB).toFixed(1)} MB; the limit is ${MAX_DOCUMENT_BYTES / MB} MB per document. Split it into smaller files.`,
    };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) {
    return {
      ok: false,
      name,
      reason: `${name} looks like a binary file, not text. Upload .txt or .md files.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      name,
      reason: `${name} is not valid UTF-8 text. Re-save it as UTF-8 and upload it again.`,
    };
  }
  const problem = documentTextProblem(text);
  if (problem) return { ok: false, name, reason: `${name}: ${problem}` };
  return { ok: true, name, text, size: file.size, mime: file.type || "text/plain" };
}
