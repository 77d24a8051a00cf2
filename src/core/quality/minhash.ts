/**
 * MinHash signatures of questions, for the near-duplicate index. Deterministic: fixed seeds, no
 * `Math.random()`, so a signature computed in a worker today equals one computed tomorrow.
 */
import { contentForm, isStopword, tokenize } from "./normalize";

/** The detector's parameters. Stored with a serialized index: they decide what it found. */
export interface MinHashParams {
  /** Hash functions per MinHash signature, split into `bands` bands of equal rows. */
  numHashes: number;
  /** LSH bands: two questions become candidates when all rows of a band agree (see below). */
  bands: number;
  /** Jaccard similarity of the shingle sets at or above which candidates are near-duplicates. */
  threshold: number;
  /** Shingles are runs of 1 to `shingleSize` consecutive content words (1: single words). */
  shingleSize: number;
  /**
   * A band bucket holding more questions than this is a "stop band" and is not scanned for
   * candidates (see `SignatureStore.similar`).
   */
  maxBucket: number;
}

/**
 * The defaults, and why:
 *
 * - **Shingles: single content words (size 1).** Stopwords and reading-comprehension scaffolding
 *   ("according to the text", "the author says") are dropped, plurals folded. Questions are short,
 *   and their near-duplicates are mostly rewordings that move words around: "What are the main
 *   causes of the economic decline in the region?" and "What are the main causes of the region's
 *   economic decline?" share every content word (Jaccard 1.0) but only 2 of 6 distinct content
 *   bigrams, so word 2-grams would miss them. The price is word order: "Did Rome defeat
 *   Carthage?" and "Did Carthage defeat Rome?" are grouped. Set `shingleSize: 2` (1- and 2-grams)
 *   to trade the first kind of miss for the second kind of catch.
 * - **Threshold 0.75**, on the exact Jaccard similarity of the shingle sets (LSH only proposes
 *   candidates). One word added to three or more passes (3/4); one word swapped for another
 *   passes only in questions of seven or more content words (6/8), because "What is the boiling
 *   point of water at sea level?" and "… freezing point …" (4/6 = 0.67) ask different things, as
 *   do "What is the capital of France?" and "… of Germany?" (1/3). Lower it to catch looser
 *   rewordings at the cost of grouping merely related questions; raise it for the opposite.
 * - **128 hashes, 32 bands × 4 rows, candidates must share 2 bands.** Two questions with
 *   Jaccard J share a band with probability J⁴ each; they are verified when at least 2 of the 32
 *   bands agree: almost surely at J = 0.75 (1 in 10,000 missed), 1 time in 5 at J = 0.4, rarely
 *   below. So the banding causes almost no false negatives, and verifying costs little.
 * - **Stop bands: `maxBucket` 64.** A band value shared by more than 64 questions is made of
 *   words nearly every question uses; it is not scanned, or indexing would turn quadratic.
 *   Near-duplicates almost always also share a band that holds a rarer word, so little is lost;
 *   questions made only of very common words are grouped only when their shingle sets are equal.
 */
export const DEFAULT_MINHASH_PARAMS: Readonly<MinHashParams> = {
  numHashes: 128,
  bands: 32,
  threshold: 0.75,
  shingleSize: 1,
  maxBucket: 64,
};

/** Murmur3's 32-bit finalizer: every input bit affects every output bit. */
export function mix32(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over UTF-16 code units, then mixed: a 32-bit hash of a string. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/**
 * The hash family: h_i(x) = (a_i × mix(x) + b_i) mod 2^32, with odd multipliers a_i and offsets
 * b_i drawn from a fixed Weyl sequence. One multiply-add per hash (the shingle is mixed once);
 * good enough to propose candidates, which are then checked exactly.
 */
function coefficientsFor(n: number): Uint32Array {
  const c = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    c[2 * i] = (mix32(Math.imul(2 * i + 1, 0x9e3779b9)) | 1) >>> 0;
    c[2 * i + 1] = mix32(Math.imul(2 * i + 2, 0x9e3779b9));
  }
  return c;
}

const coefficientCache = new Map<number, Uint32Array>();

function coefficients(n: number): Uint32Array {
  let c = coefficientCache.get(n);
  if (c === undefined) coefficientCache.set(n, (c = coefficientsFor(n)));
  return c;
}

/**
 * The exact-duplicate key of a question: its normalized words joined by single spaces. "What is
 * DNA?" and "what is dna" share a key. The key is also all the index needs to rebuild shingles.
 */
export function questionKey(question: string): string {
  return tokenize(question)
    .map((t) => t.norm)
    .join(" ");
}

/**
 * Words that frame reading-comprehension questions without saying what they ask about ("According
 * to the text, what does the author say about …"). Left in, they make every framed question look
 * alike, and questions that differ in their one real subject pass for near-duplicates.
 */
const SCAFFOLDING: ReadonlySet<string> = new Set(
  (
    "according text passage article paragraph context document excerpt story author writer " +
    "say said mention mentioned describe described state stated based given following question " +
    "answer"
  ).split(" "),
);

/**
 * The shingle hashes of a question key, sorted and unique: content-word n-grams of size
 * 1..`shingleSize`, without the {@link SCAFFOLDING} words. A question with no such word ("What is
 * it?") uses all its words instead, so it still has shingles; only an empty key has none.
 */
export function shingleHashes(key: string, shingleSize: number): number[] {
  if (key === "") return [];
  const words = key.split(" ");
  const content = words
    .filter((w) => !isStopword(w))
    .map(contentForm)
    .filter((w) => !SCAFFOLDING.has(w));
  const terms = content.length > 0 ? content : words;
  const out = new Set<number>();
  for (let n = 1; n <= shingleSize; n++) {
    for (let i = 0; i + n <= terms.length; i++)
      out.add(hashString(terms.slice(i, i + n).join(" ")));
  }
  return [...out].sort((a, b) => a - b);
}

/** The Jaccard similarity of two sorted, unique lists; 0 when both are empty. */
export function exactJaccard(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) shared++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/** The MinHash signature: per hash function, the minimum over the shingles. */
export function signatureOf(shingles: readonly number[], numHashes: number): Uint32Array {
  const sig = new Uint32Array(numHashes).fill(0xffffffff);
  const c = coefficients(numHashes);
  for (const shingle of shingles) {
    const x = mix32(shingle ^ 0x5bd1e995);
    for (let i = 0; i < numHashes; i++) {
      const h = (Math.imul(x, c[2 * i] as number) + (c[2 * i + 1] as number)) >>> 0;
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/**
 * The share of equal positions: the MinHash estimate of the shingle sets' Jaccard similarity.
 * The index verifies on the exact sets instead; this checks the signatures (in tests).
 */
export function estimatedJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/**
 * Map keys are kept to 30 bits: V8 stores such integers inline, while larger ones are boxed,
 * which costs memory and time when millions of band keys are live. A collision only adds a
 * candidate, which is then verified.
 */
const SMALL_INT_SHIFT = 2;

/** A 30-bit hash of a whole shingle list (or signature). */
export function hashShingles(values: ArrayLike<number>): number {
  let h = 0x2545f491;
  for (let i = 0; i < values.length; i++) h = mix32(h ^ (values[i] as number));
  return h >>> SMALL_INT_SHIFT;
}

/** One 30-bit key per band: the band's rows hashed together. Collisions only add candidates. */
export function bandKeys(sig: Uint32Array, bands: number): number[] {
  const rows = Math.floor(sig.length / bands);
  const keys: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = mix32(b + 1);
    for (let r = 0; r < rows; r++)
      h = mix32(h ^ Math.imul(sig[b * rows + r] as number, 0x9e3779b1));
    keys.push(h >>> SMALL_INT_SHIFT);
  }
  return keys;
}
