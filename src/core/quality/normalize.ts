/**
 * Word tokens for the quality signals: Unicode-aware, lower-cased, punctuation stripped, numbers
 * lightly normalized, with their UTF-16 offsets in the original string so matches can be
 * highlighted. Grounding, the length flags and the duplicate detector all read text through this
 * one tokenizer, so they agree on what a "word" is.
 */
import { STOPWORDS } from "./stopwords";

/** One word of a text: its normalized form and where it sits (UTF-16 offsets, end exclusive). */
export interface Token {
  norm: string;
  start: number;
  end: number;
}

/**
 * A run of letters, marks and digits. An apostrophe joins two runs ("don't"); "." and "," join
 * digits only ("3.5", "1,000"), so sentence punctuation never sticks to a word.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:(?:['\u2019]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{M}\p{N}]+)*/gu;
/** Scripts written without spaces: each character is a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** Outside printable ASCII: such words need Unicode normalization (the slow path). */
const NON_ASCII = /[^ -~]/;
/** Accents on Latin, Greek and Cyrillic letters, once decomposed ("café" matches "cafe"). */
const LATIN_ACCENTS = /[\u0300-\u036f]/g;

/** Spelled-out numbers, so "three legs" matches "3 legs". */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen " +
    "fifteen sixteen seventeen eighteen nineteen twenty"
  )
    .split(" ")
    .map((w, i) => [w, String(i)]),
);

/**
 * "1,000" -> "1000" (comma only as a thousands separator), "3.50" -> "3.5", "007" -> "7". Other
 * digit strings ("1,5", "192.168.0.1") are left as written rather than guessed at.
 */
function normalizeNumber(t: string): string {
  let n = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(t) ? t.replaceAll(",", "") : t;
  if (!/^\d+(?:\.\d+)?$/.test(n)) return n;
  if (n.includes(".")) n = n.replace(/0+$/, "").replace(/\.$/, "");
  return n.replace(/^0+(?=\d)/, "");
}

/** The normalized form of one raw word (as {@link tokenize} cut it). */
export function normalizeWord(raw: string): string {
  let t = raw.toLowerCase();
  if (NON_ASCII.test(t)) {
    t = t
      .normalize("NFKC")
      .toLowerCase()
      .replaceAll("\u2019", "'")
      .normalize("NFD")
      .replace(LATIN_ACCENTS, "")
      .normalize("NFC");
  }
  // Possessives name the same thing: "the cell's wall" matches "the cell wall".
  if (t.endsWith("'s")) t = t.slice(0, -2);
  if (t.charCodeAt(0) <= 0x39) return normalizeNumber(t);
  return NUMBER_WORDS.get(t) ?? t;
}

/** Cuts a text into normalized word tokens, in order. Never throws. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const start = m.index;
    if (!UNSPACED.test(raw)) {
      pushToken(out, raw, start);
      continue;
    }
    // Mixed runs such as "DNA複製": spaced-script stretches stay whole, the rest go one by one.
    let from = 0;
    let i = 0;
    for (const ch of raw) {
      if (UNSPACED.test(ch)) {
        if (from < i) pushToken(out, raw.slice(from, i), start + from);
        pushToken(out, ch, start + i);
        from = i + ch.length;
      }
      i += ch.length;
    }
    if (from < raw.length) pushToken(out, raw.slice(from), start + from);
  }
  return out;
}

function pushToken(out: Token[], raw: string, start: number): void {
  const norm = normalizeWord(raw);
  if (norm !== "") out.push({ norm, start, end: start + raw.length });
}

/** True for function words ({@link STOPWORDS}), which carry no content. */
export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

/**
 * The form used to compare content words: English plurals folded ("cells" -> "cell",
 * "studies" -> "study", "boxes" -> "box"). Deliberately crude, and applied on both sides of every
 * comparison, so a wrong fold ("news" -> "new") still matches itself.
 */
export function contentForm(norm: string): string {
  if (norm.length < 4 || !/^[a-z]+$/.test(norm)) return norm;
  if (norm.endsWith("ies")) return `${norm.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh)es$/.test(norm)) return norm.slice(0, -2);
  if (/[^su]s$/.test(norm) && !norm.endsWith("is")) return norm.slice(0, -1);
  return norm;
}

/** A content word: not a stopword, in {@link contentForm}. */
export interface ContentToken extends Token {
  term: string;
}

/** The content words of a text, in order. */
export function contentTokens(text: string): ContentToken[] {
  const out: ContentToken[] = [];
  for (const t of tokenize(text)) {
    if (!isStopword(t.norm)) out.push({ ...t, term: contentForm(t.norm) });
  }
  return out;
}

/** How many words a text has (stopwords included), for the length flags. */
export function countWords(text: string): number {
  return tokenize(text).length;
}
