/**
 * Full-text search over the pairs' questions and answers: an inverted index from normalized
 * words to the slots (small integers the owner assigns) of the pairs that contain them. Every
 * word of a query must match (AND); the last one also matches as a prefix while it is being
 * typed ("cell divi" finds "cell division"), so results follow each keystroke.
 *
 * Slots are never re-used for new text: the owner gives a changed pair a new slot and rebuilds
 * the index when too many old slots have piled up (see `pairs-index.ts`).
 */

/** Scripts written without spaces: each character is searched as a word of its own. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[^ -~]/;
const MARKS = /\p{M}/gu;
/** Longer "words" (hashes, URLs run together) are cut: nobody types more to find them. */
const MAX_WORD = 40;

/** The words of a text as search sees them: lower-cased, accents dropped, punctuation gone. */
export function searchWords(text: string): string[] {
  let t = text.toLowerCase();
  if (NON_ASCII.test(t)) t = t.normalize("NFKD").replace(MARKS, "").replace(UNSPACED, " $& ");
  const words = t.match(WORD) ?? [];
  return words.map((w) => (w.length > MAX_WORD ? w.slice(0, MAX_WORD) : w));
}

/** The parsed query: exact words, and whether the last one matches as a prefix. */
export interface SearchQuery {
  words: string[];
  lastIsPrefix: boolean;
}

/** A query is "typed so far": a trailing space means its last word is finished. */
export function parseSearch(query: string): SearchQuery {
  const words = searchWords(query);
  return { words, lastIsPrefix: words.length > 0 && !/\s$/.test(query) };
}

/** A search's answer: slot `s` matches when `hits[s] === need`. */
export interface SearchHits {
  hits: Uint16Array;
  need: number;
}

export class SearchIndex {
  private readonly postings = new Map<string, number[]>();
  /** Every word, sorted, for prefix ranges; `fresh` holds words not sorted in yet. */
  private sorted: string[] = [];
  private fresh: string[] = [];

  /** Indexes the texts of the pair at `slot`. Call once per slot. */
  add(slot: number, ...texts: string[]): void {
    const seen = new Set<string>();
    for (const text of texts) for (const w of searchWords(text)) seen.add(w);
    for (const w of seen) {
      const list = this.postings.get(w);
      if (list) list.push(slot);
      else {
        this.postings.set(w, [slot]);
        this.fresh.push(w);
      }
    }
  }

  /**
   * Sorts the words added since the last call into the prefix list. The owner calls it after
   * each batch of `add`s, so the first search after a load does not pay for sorting every word
   * (about 100 ms for a project's worth); a search calls it too.
   */
  sortNewWords(): void {
    if (this.fresh.length === 0) return;
    const fresh = this.fresh.sort();
    const old = this.sorted;
    const merged: string[] = [];
    let i = 0;
    let j = 0;
    while (i < old.length && j < fresh.length) {
      const a = old[i] ?? "";
      const b = fresh[j] ?? "";
      if (a < b) {
        merged.push(a);
        i++;
      } else {
        merged.push(b);
        j++;
      }
    }
    for (; i < old.length; i++) merged.push(old[i] ?? "");
    for (; j < fresh.length; j++) merged.push(fresh[j] ?? "");
    this.sorted = merged;
    this.fresh = [];
  }

  /** How many distinct words are indexed. */
  get size(): number {
    return this.postings.size;
  }

  /**
   * The slots (below `capacity`) whose texts hold every word of `query`: those whose count in
   * `hits` reached `need`. Null when the query has no words (nothing to search for).
   */
  search(query: string, capacity: number): SearchHits | null {
    const { words, lastIsPrefix } = parseSearch(query);
    if (words.length === 0) return null;
    // hits[slot] counts the words matched so far; a slot matches when it reached them all.
    // Uint16: a query of more than 65,535 words is not typed by anyone.
    const hits = new Uint16Array(capacity);
    const n = Math.min(words.length, 65535);
    for (let i = 0; i < n; i++) {
      const word = words[i] ?? "";
      const prefix = lastIsPrefix && i === words.length - 1;
      for (const list of prefix ? this.withPrefix(word) : [this.postings.get(word) ?? []]) {
        for (const slot of list) if (slot < capacity && hits[slot] === i) hits[slot] = i + 1;
      }
    }
    return { hits, need: n };
  }

  /** The posting lists of every word starting with `prefix`. */
  private *withPrefix(prefix: string): Generator<number[]> {
    this.sortNewWords();
    const sorted = this.sorted;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] ?? "") < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
      const w = sorted[i] ?? "";
      if (!w.startsWith(prefix)) break;
      const list = this.postings.get(w);
      if (list) yield list;
    }
  }
}
