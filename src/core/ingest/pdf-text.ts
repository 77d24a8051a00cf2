/**
 * A PDF's text layer to paragraphs. A PDF has no paragraphs, only positioned runs of text: a
 * run that ends a line says so (`hasEOL`), and a line that starts well below the previous one
 * starts a new paragraph. Pages are separated by a blank line.
 */
import { tidyExtracted } from "./normalize";

/** The part of a PDF text item this module reads (pdf.js's TextItem has these). */
export interface PdfTextRun {
  str: string;
  hasEOL?: boolean;
  /** [a, b, c, d, x, y]: the run's position; y grows upwards. */
  transform?: readonly number[];
  height?: number;
}

/** One page's runs as text: lines as they are laid out, a blank line at a wide vertical gap. */
export function pageText(runs: readonly PdfTextRun[]): string {
  let text = "";
  let lastY: number | null = null;
  let lineHeight = 0;
  let lineStart = true;
  for (const run of runs) {
    const y = run.transform?.[5];
    const h = run.height ?? 0;
    if (lineStart && y !== undefined && lastY !== null && lineHeight > 0) {
      // A gap of more than 1.6 line heights is a paragraph break (or a heading's margin).
      if (lastY - y > lineHeight * 1.6) text += "\n";
    }
    text += run.str;
    if (y !== undefined && run.str.trim() !== "") {
      lastY = y;
      if (h > 0) lineHeight = h;
    }
    lineStart = run.hasEOL === true;
    if (lineStart) text += "\n";
  }
  return tidyExtracted(text);
}

/** Pages to one text, a paragraph break at each page break; empty pages are skipped. */
export function joinPages(pages: readonly string[]): string {
  return pages
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .join("\n\n");
}
