/**
 * Grounding (method spec, section 7): how much of an answer's content appears in the chunk of text
 * it was synthesized from, and where, so the curator can see the evidence. Pure word overlap: it
 * says "these words are in the text", not "the answer is right".
 */
import { contentTokens, type ContentToken } from "./normalize";

/** A passage of the source text: UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A source chunk prepared once for scoring many answers against it. */
export interface SourceIndex {
  readonly text: string;
  /** The content words of the text, in order. */
  readonly tokens: readonly IndexedToken[];
  /** Each content term's positions in {@link tokens}, ascending. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

/** A content word with its clause: words of different clauses never form one matched run. */
export interface IndexedToken extends ContentToken {
  clause: number;
}

/** How grounded one answer is. */
export interface Grounding {
  /**
   * The share of the answer's content words (occurrences, stopwords excluded) that occur anywhere
   * in the source, in [0, 1]. `null` when the answer has no content word at all ("Yes.", "No",
   * "None of them."): overlap cannot say anything about such an answer, so it is neither
   * grounded (1) nor ungrounded (0), and no grounding flag is raised for it.
   */
  score: number | null;
  /** Passages of the source that back the answer: sorted, merged, never overlapping. */
  spans: Span[];
  /** How many content words the answer has. */
  contentWords: number;
  /** How many of them occur in the source. */
  matchedWords: number;
}

/**
 * Content words further apart than this (in UTF-16 units), or separated by sentence punctuation
 * or a line break, are in different clauses. It keeps one highlight from bridging two sentences
 * that merely end and start with the answer's words.
 */
export const MAX_CLAUSE_GAP = 40;
/** A run of 2+ content words is specific evidence; highlight at most this many occurrences. */
export const MAX_RUN_OCCURRENCES = 8;
/** A lone matched word is highlighted only if it is this rare in the source (else it is noise). */
export const MAX_LONE_WORD_OCCURRENCES = 2;

const CLAUSE_BREAK = /[.!?;\n\u3002\uff01\uff1f]/;

function withClauses(text: string, tokens: readonly ContentToken[]): IndexedToken[] {
  let clause = 0;
  return tokens.map((t, i) => {
    const prev = tokens[i - 1];
    if (prev !== undefined) {
      const gap = text.slice(prev.end, t.start);
      if (gap.length > MAX_CLAUSE_GAP || CLAUSE_BREAK.test(gap)) clause++;
    }
    return { ...t, clause };
  });
}

/** Prepares a source chunk; O(length of the text). */
export function indexSource(text: string): SourceIndex {
  const tokens = withClauses(text, contentTokens(text));
  const positions = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = positions.get(t.term);
    if (list === undefined) positions.set(t.term, [i]);
    else list.push(i);
  });
  return { text, tokens, positions };
}

/** Length of the common run of content words at answer[i..] and source[p..], within clauses. */
function runLength(answer: readonly IndexedToken[], i: number, source: SourceIndex, p: number) {
  const a0 = answer[i];
  const s0 = source.tokens[p];
  if (a0 === undefined || s0 === undefined) return 0;
  let k = 0;
  for (;;) {
    const a = answer[i + k];
    const s = source.tokens[p + k];
    if (a === undefined || s === undefined || a.term !== s.term) return k;
    if (a.clause !== a0.clause || s.clause !== s0.clause) return k;
    k++;
  }
}

/**
 * Scores one answer against a prepared source. The answer is read left to right; at each word the
 * longest run of consecutive content words that also occurs in the source is taken. Runs of two
 * or more words are highlighted wherever they occur; a lone word only when it is rare in the
 * source, because a common word matched alone ("cell" in a text about cells) is not evidence.
 */
export function groundingIn(source: SourceIndex, answer: string): Grounding {
  const words = withClauses(answer, contentTokens(answer));
  const spans: Span[] = [];
  let matched = 0;
  let i = 0;
  while (i < words.length) {
    const word = words[i] as IndexedToken;
    const starts = source.positions.get(word.term) ?? [];
    let best = 0;
    let at: number[] = [];
    for (const p of starts) {
      const len = runLength(words, i, source, p);
      if (len > best) [best, at] = [len, [p]];
      else if (len === best) at.push(p);
    }
    if (best === 0) {
      i++;
      continue;
    }
    matched += best;
    const highlight = best >= 2 || starts.length <= MAX_LONE_WORD_OCCURRENCES;
    if (highlight) {
      for (const p of at.slice(0, MAX_RUN_OCCURRENCES)) {
        const first = source.tokens[p] as IndexedToken;
        const last = source.tokens[p + best - 1] as IndexedToken;
        spans.push({ start: first.start, end: last.end });
      }
    }
    i += best;
  }
  return {
    score: words.length === 0 ? null : matched / words.length,
    spans: mergeSpans(spans),
    contentWords: words.length,
    matchedWords: matched,
  };
}

/** Scores one answer against a source text. Prefer {@link indexSource} + {@link groundingIn}. */
export function groundingOf(answer: string, sourceText: string): Grounding {
  return groundingIn(indexSource(sourceText), answer);
}

/** Sorts spans and merges the ones that overlap or touch. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Spans as one flat list of offsets (start, end, start, end…), the way pairs store them. */
export function flattenSpans(spans: readonly Span[]): number[] {
  return spans.flatMap((s) => [s.start, s.end]);
}

/** Spans from their flat stored form ({@link flattenSpans}). */
export function unflattenSpans(flat: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2)
    spans.push({ start: flat[i] as number, end: flat[i + 1] as number });
  return spans;
}
