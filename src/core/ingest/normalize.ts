/** Text clean-up shared by every format, so the same text from two formats hashes the same. */

/** CRLF and CR line breaks to LF, and a leading byte-order mark dropped. */
export function normalizeNewlines(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.includes("\r") ? t.replace(/\r\n?/g, "\n") : t;
}

/**
 * For text pulled out of a layout (HTML, PDF, Word): newlines normalized, control characters
 * dropped, spaces at line ends removed, at most one blank line between paragraphs, and the
 * whole trimmed. A text typed by hand (.txt, .md, a JSON field) keeps its spacing instead.
 */
export function tidyExtracted(text: string): string {
  return (
    normalizeNewlines(text)
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, "")
      .replace(/\f/g, "\n\n")
      .replace(/[ \t\u00a0]+$/gm, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}
