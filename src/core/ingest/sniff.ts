/** Looks at a file's first bytes: binary or text, and whether it starts like the format it claims. */

/** How many bytes to read for a sniff. */
export const SNIFF_BYTES = 8192;

/**
 * True when `head` (a file's first bytes) is not text: it holds a NUL byte, or more than 10% of
 * it are control bytes that text never uses (anything below 0x20 but tab, newline, form feed,
 * carriage return and escape). UTF-8 and UTF-16 text are told apart elsewhere: UTF-16 has NUL
 * bytes and so counts as binary, which is what a UTF-8 reader needs to hear.
 */
export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
  }
  return head.length > 0 && control / head.length > 0.1;
}

const startsWith = (head: Uint8Array, magic: readonly number[], at = 0) =>
  magic.every((b, i) => head[at + i] === b);

/** "%PDF-", which readers accept anywhere in the first kilobyte. */
export function looksLikePdf(head: Uint8Array): boolean {
  const limit = Math.min(head.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d], i)) return true;
  }
  return false;
}

/** A ZIP archive, which every .docx is. */
export const looksLikeZip = (head: Uint8Array): boolean =>
  startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
