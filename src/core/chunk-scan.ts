/**
 * Low-level text scanning for the chunker (`chunk.ts`): where words, lines, sentences and
 * paragraphs end, as character offsets into the original string. Nothing here measures length.
 * A "word" is a run of non-whitespace, except that a CJK sentence end also ends a word.
 */

/** Boundary strengths, weakest first. The chunker prefers cutting at the strongest. */
export const WORD = 0;
export const LINE = 1;
export const SENTENCE = 2;
export const PARAGRAPH = 3;

/** A span of the text, `text.slice(start, end)`, that never begins or ends with whitespace. */
export interface Unit {
  start: number;
  end: number;
  /** The strength of the boundary in front of this unit (meaningless for the first unit). */
  strength: number;
}

/**
 * Whitespace as Python's `str.strip()` defines it (the same set as `strip.ts`), so that a short
 * document's single chunk is exactly `pyStrip(text)`, the project's one meaning of "trim".
 * Checked by char code because the chunker calls this for every character of megabyte texts.
 */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return (code >= 0x09 && code <= 0x0d) || code >= 0x1c;
  if (code < 0x85) return false;
  if (code === 0x85 || code === 0xa0 || code === 0x1680 || code === 0x3000) return true;
  if (code >= 0x2000 && code <= 0x200a) return true;
  return code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f;
}

/** Marks that end a sentence, and the closing marks that may follow them ("end." or end.") */
const TERMINALS = ".!?…‼⁇⁈⁉。！？";
const CLOSERS = "\"')]}»”’›」』）〕】";
/**
 * Chinese and Japanese write no spaces, not even between sentences, so after one of these (and
 * any closers) a sentence ends even when the next character follows directly. Without this a
 * whole CJK document would be one "word" and could only be cut hard.
 */
const CJK_TERMINALS = "。！？";
/** A lower-case start means the "." was probably an abbreviation ("e.g. the"), not an end. */
const LOWER_START = /\p{Ll}/uy;

/** Line breaks in `text[from, to)`, capped at 2; a paragraph separator or form feed counts 2. */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to && n < 2; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0b || c === 0x85 || c === 0x2028) n++;
    else if (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a) n++;
    else if (c === 0x0c || c === 0x2029) n += 2;
  }
  return n;
}

/** How strong the boundary is between the word ending at `prevEnd` and the one at `next`. */
function boundaryStrength(text: string, prevStart: number, prevEnd: number, next: number): number {
  const breaks = lineBreaks(text, prevEnd, next);
  // A blank line (two line breaks, possibly with spaces between) ends a paragraph.
  if (breaks >= 2) return PARAGRAPH;
  let i = prevEnd - 1;
  while (i > prevStart && CLOSERS.includes(text.charAt(i))) i--;
  if (TERMINALS.includes(text.charAt(i))) {
    LOWER_START.lastIndex = next;
    if (!LOWER_START.test(text)) return SENTENCE;
  }
  return breaks > 0 ? LINE : WORD;
}

/**
 * The end of the word starting at `i`: the next whitespace, or just after a CJK sentence end
 * (with its closers) that is followed directly by more text.
 */
function endOfWord(text: string, i: number, to: number): number {
  while (i < to && !isSpace(text.charCodeAt(i))) {
    const terminal = CJK_TERMINALS.includes(text.charAt(i));
    i++;
    if (terminal) {
      while (i < to && CLOSERS.includes(text.charAt(i))) i++;
      if (i < to && !isSpace(text.charCodeAt(i))) return i;
    }
  }
  return i;
}

/**
 * Splits `text[from, to)` into units separated by whitespace boundaries of at least
 * `minStrength`: sentences (and paragraphs) with `SENTENCE`, single words with `WORD`. One
 * linear pass; boundaries weaker than `minStrength` stay inside a unit.
 */
export function scanUnits(text: string, from: number, to: number, minStrength: number): Unit[] {
  const units: Unit[] = [];
  let unitStart = -1;
  let unitStrength = PARAGRAPH;
  let wordStart = -1;
  let wordEnd = -1;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    i = endOfWord(text, i, to);
    if (unitStart < 0) {
      unitStart = start;
    } else {
      const strength = boundaryStrength(text, wordStart, wordEnd, start);
      if (strength >= minStrength) {
        units.push({ start: unitStart, end: wordEnd, strength: unitStrength });
        unitStart = start;
        unitStrength = strength;
      }
    }
    wordStart = start;
    wordEnd = i;
  }
  if (unitStart >= 0) units.push({ start: unitStart, end: wordEnd, strength: unitStrength });
  return units;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The end of the code point starting at `p`, so a hard cut never splits a surrogate pair. */
export function codePointEnd(text: string, p: number): number {
  return isHigh(text.charCodeAt(p)) && isLow(text.charCodeAt(p + 1)) ? p + 2 : p + 1;
}

/** Moves a cut at `q` back by one if it would fall inside a surrogate pair. */
export function alignCut(text: string, q: number): number {
  return isLow(text.charCodeAt(q)) && isHigh(text.charCodeAt(q - 1)) ? q - 1 : q;
}

/** Characters after which a hard cut reads better (URLs, CJK text without spaces, lists). */
const BREAK_AFTER = "。！？；，、：.,;:!?/-_)]}」』|";

/**
 * Inside an over-long word, moves a cut at `q` back to just after punctuation if there is some
 * in the second half of `[p, q)`; otherwise keeps `q`. CJK text has no spaces, so without this
 * it would be cut at arbitrary characters.
 */
export function preferredCut(text: string, p: number, q: number): number {
  const floor = p + Math.ceil((q - p) / 2);
  for (let i = q; i > floor; i--) {
    if (BREAK_AFTER.includes(text.charAt(i - 1))) return i;
  }
  return q;
}
