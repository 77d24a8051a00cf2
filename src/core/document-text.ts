/** The largest document the studio accepts in one piece (paste or upload). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

/**
 * Why a text cannot become a document, or null when it can. Kept in core so paste, upload and
 * the CLI give the same answer.
 */
export function documentTextProblem(text: string): string | null {
  if (text.trim() === "") {
    return "The document is empty (or only whitespace). Paste or upload some text to synthesize from.";
  }
  return null;
}

/** A title from the first line of a text, for pasted documents. */
export function titleFromText(text: string, max = 60): string {
  const firstLine = text.trim().split("\n")[0]?.trim() ?? "";
  if (firstLine === "") return "Untitled document";
  return firstLine.length > max ? firstLine.slice(0, max - 1).trimEnd() + "…" : firstLine;
}
