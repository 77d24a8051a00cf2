/**
 * The pre-training mix (method spec, section 6): cooked collections, texts kept raw, and general
 * instructions, merged into one deterministic stream with every text tagged by its part so the
 * export page can show exact token counts of what it writes.
 */
import type { Entry } from "../collection";
import { cookCollectionDetailed } from "../cook/cook";
import { keepsRaw } from "../cook/mix";
import type { TemplatePack } from "../cook/template-pack";

/** What the pre-training mix is made of. */
export interface MixOptions {
  /** Base seed: collection `j` is cooked with `seed + j` (method spec, section 5). */
  seed: number;
  pack: TemplatePack;
  /** Share of collections (0..1) written as their raw texts; the paper's from-scratch mix: 0.8. */
  rawRatio: number;
  /** Extra documents written un-augmented, e.g. the part of a corpus that was never synthesized. */
  rawDocuments?: readonly string[];
  /** General-instruction texts, already written as "{question} {response}". */
  general?: readonly string[];
}

/**
 * Which part of the mix a text belongs to, by its content: `cooked` texts hold rendered Q/A
 * items; `raw` texts are documents without any (kept raw by the ratio, left without pairs by the
 * filter or by pair conversion, or passed as `rawDocuments`); `general` texts are instructions.
 */
export type MixPart = "cooked" | "raw" | "general";

/** One text of the mix. */
export interface MixText {
  part: MixPart;
  text: string;
}

/** Throws a RangeError for a seed or ratio that would silently produce a wrong mix. */
export function checkMixOptions(options: Pick<MixOptions, "seed" | "rawRatio">): void {
  if (!Number.isSafeInteger(options.seed)) {
    throw new RangeError(`seed must be an integer, got ${options.seed}`);
  }
  if (!(options.rawRatio >= 0 && options.rawRatio <= 1)) {
    throw new RangeError(`rawRatio must be between 0 and 1, got ${options.rawRatio}`);
  }
}

/**
 * Merges streams of `sizes[s]` units each so that every stream is spread evenly over the whole
 * output: unit `k` of stream `s` sits at relative position (k + ½) / sizes[s], and the stream
 * whose next unit sits earliest goes next (ties: lower stream index). Yields stream indexes.
 *
 * Chosen over a seeded shuffle because it streams (no text is held back), keeps the collections
 * in their own order (with nothing to mix in, the output is exactly `ipt cook`'s), and any
 * prefix of the file already has the requested proportions.
 */
export function* evenInterleave(sizes: readonly number[]): Generator<number> {
  const taken = sizes.map(() => 0);
  for (;;) {
    let best = -1;
    for (let s = 0; s < sizes.length; s++) {
      const n = sizes[s] as number;
      const k = taken[s] as number;
      if (k >= n) continue;
      if (best < 0) {
        best = s;
        continue;
      }
      // (2k+1)/n < (2k'+1)/n', cross-multiplied to stay in exact integer arithmetic.
      const kb = taken[best] as number;
      const nb = sizes[best] as number;
      if ((2 * k + 1) * nb < (2 * kb + 1) * n) best = s;
    }
    if (best < 0) return;
    taken[best] = (taken[best] as number) + 1;
    yield best;
  }
}

/** The texts of collection `j`: its raw texts when the ratio keeps it raw, else cooked. */
function collectionTexts(collection: readonly Entry[], j: number, options: MixOptions): MixText[] {
  if (keepsRaw(options.seed, j, options.rawRatio)) {
    // Same rule as `ipt cook`: blank documents are dropped, never written as empty texts.
    return collection
      .filter((e) => e.text.trim() !== "")
      .map((e) => ({ part: "raw", text: e.text }));
  }
  return cookCollectionDetailed(collection, options.pack, options.seed + j).map((c) => ({
    part: c.kind === "group" ? "cooked" : "raw",
    text: c.text,
  }));
}

/**
 * The pre-training mix fed one collection at a time, for callers that stream a project in
 * batches: `push` returns the texts up to and including that collection's (the extra raw
 * documents and general instructions {@link evenInterleave} puts before it), `end` the rest.
 */
export interface Mixer {
  push(collection: readonly Entry[]): MixText[];
  end(): MixText[];
}

/**
 * A {@link Mixer} for `collectionCount` collections; the count fixes where the other parts go,
 * so it must be known before the first collection. Pushing more collections than that throws;
 * pushing fewer (a document deleted while streaming) just leaves their places empty.
 */
export function createMixer(collectionCount: number, options: MixOptions): Mixer {
  checkMixOptions(options);
  const rawDocuments = (options.rawDocuments ?? []).filter((t) => t.trim() !== "");
  const general = (options.general ?? []).filter((t) => t.trim() !== "");
  const order = evenInterleave([collectionCount, rawDocuments.length, general.length]);
  const next = [0, 0, 0];
  /** Takes the interleave's steps up to the next collection's place (or to the end). */
  const until = (collection: readonly Entry[] | null): MixText[] => {
    const out: MixText[] = [];
    for (let step = order.next(); !step.done; step = order.next()) {
      const stream = step.value;
      const k = next[stream] as number;
      next[stream] = k + 1;
      if (stream === 0) {
        if (collection === null) continue;
        out.push(...collectionTexts(collection, k, options));
        return out;
      }
      out.push(
        stream === 1
          ? { part: "raw", text: rawDocuments[k] as string }
          : { part: "general", text: general[k] as string },
      );
    }
    if (collection !== null) {
      throw new RangeError(`more collections than the ${collectionCount} announced`);
    }
    return out;
  };
  return { push: (collection) => until(collection), end: () => until(null) };
}

/**
 * The whole pre-training mix, lazily: collections in order (each cooked or kept raw), with the
 * extra raw documents and the general instructions spread evenly through them by
 * {@link evenInterleave}. Blank extra documents and blank instructions are skipped. Each
 * collection is cooked only when its turn comes, so a worker can stream the file.
 */
export function* mixTexts(
  collections: readonly (readonly Entry[])[],
  options: MixOptions,
): Generator<MixText> {
  const mixer = createMixer(collections.length, options);
  for (const collection of collections) yield* mixer.push(collection);
  yield* mixer.end();
}

/** How many texts and tokens one part of the mix holds. */
export interface PartCount {
  texts: number;
  tokens: number;
}

/** Counts per part of the mix, and their sum. */
export type MixCounts = Record<MixPart | "total", PartCount>;

/** Counts with nothing counted yet. */
export function emptyMixCounts(): MixCounts {
  return {
    cooked: { texts: 0, tokens: 0 },
    raw: { texts: 0, tokens: 0 },
    general: { texts: 0, tokens: 0 },
    total: { texts: 0, tokens: 0 },
  };
}

/** Adds `texts` to `counts` (in place), for callers that count a stream batch by batch. */
export function addToMixCounts(
  counts: MixCounts,
  texts: Iterable<MixText>,
  countTokens: (text: string) => number,
): MixCounts {
  for (const { part, text } of texts) {
    const tokens = countTokens(text);
    counts[part].texts++;
    counts[part].tokens += tokens;
    counts.total.texts++;
    counts.total.tokens += tokens;
  }
  return counts;
}

/**
 * Counts texts and tokens per part. `countTokens` comes from the caller: the model's tokenizer
 * for exact counts, or a words estimate, which the caller must label as such.
 */
export function countMix(
  texts: Iterable<MixText>,
  countTokens: (text: string) => number,
): MixCounts {
  return addToMixCounts(emptyMixCounts(), texts, countTokens);
}

/** Counts of exactly the texts the "pretraining" export writes with the same options. */
export function mixCounts(
  collections: readonly (readonly Entry[])[],
  options: MixOptions,
  countTokens: (text: string) => number,
): MixCounts {
  return countMix(mixTexts(collections, options), countTokens);
}

/**
 * The general-instruction tokens that give `ratio` general tokens per domain (cooked + raw)
 * token, rounded up; the paper's domain-adaptive mix uses 1:1, i.e. `ratio` 1.
 */
export function generalTokenTarget(counts: MixCounts, ratio: number): number {
  return Math.ceil((counts.cooked.tokens + counts.raw.tokens) * ratio);
}

/** The general-instruction texts picked for a token target. */
export interface GeneralSelection {
  texts: string[];
  tokens: number;
  /** False when the whole file holds fewer tokens than the target. */
  reached: boolean;
}

/**
 * Takes general-instruction texts in file order until `targetTokens` is reached. The text that
 * crosses the target is kept whole (a cut instruction teaches nothing), so the total may exceed
 * it by less than one text. File order rather than a sample, so that the same file and target
 * always select the same texts and the user can predict which ones.
 */
export function selectGeneralForRatio(
  general: readonly string[],
  targetTokens: number,
  countTokens: (text: string) => number,
): GeneralSelection {
  const texts: string[] = [];
  let tokens = 0;
  for (const text of general) {
    if (tokens >= targetTokens) break;
    texts.push(text);
    tokens += countTokens(text);
  }
  return { texts, tokens, reached: tokens >= targetTokens };
}
