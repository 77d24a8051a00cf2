/**
 * Multi-round ("M-shot") synthesis over many texts (method spec, section 4).
 *
 * The planner is split into pure steps so that the browser job queue and the CLI can drive it
 * their own way (persisting between steps, running a round's prompts concurrently, resuming):
 *
 *   for each slice of {@link roundSlices}:
 *     planned = {@link planRound}(collections, slice texts)  -> prompts to synthesize
 *     pairs   = synthesize + parse (dedupe on) every prompt
 *     collections = {@link completeRound}(planned, pairs)
 *
 * {@link runRounds} is that loop for callers that need nothing more. No step mutates its
 * inputs: each returns fresh entries, so earlier states can be kept (undo, journals, tests).
 */
import { measure, type LengthBudget } from "./budget";
import { demo, readBlock } from "./tags";
import type { Pair } from "./types";

import type { Collection, Entry } from "./collection";

export type { Collection, Entry } from "./collection";

/** The texts one round synthesizes: `texts.slice(start, end)`. `round` is 0-based. */
export interface RoundSlice {
  round: number;
  start: number;
  end: number;
}

/** Limits for one synthesizer call. The reference uses 4096 and 400. */
export interface RoundOptions {
  maxModelLen: number;
  maxNewTokens: number;
  /** How a candidate prompt is measured. `"words"` reproduces the reference byte for byte. */
  budget: LengthBudget;
}

/** The output of {@link planRound}, to be passed to {@link completeRound} with the pairs. */
export interface PlannedRound {
  /** This round's texts, in slice order. */
  texts: string[];
  /** The callers' identifiers of the texts, when given; they become the entries' `source`. */
  sources?: number[];
  /** One prompt per text: demonstrations (if any fit) followed by `readBlock(text)`. */
  prompts: string[];
  /** How many finished entries are in front of each prompt as demonstrations (0 = none). */
  demonstrations: number[];
  /**
   * `C_0..C_{k-1}` before this round's entries are appended: `followedByNext` set on the last
   * entry of each continued collection, extras redistributed in front. When the slice is empty
   * the round is skipped and these are the previous collections unchanged.
   */
  collections: Collection[];
}

/**
 * The index ranges of the texts each round synthesizes. Round size is `B = ceil(n / rounds)`
 * and round `r` takes `[r*B, min((r+1)*B, n))`. Empty slices (e.g. n=4, rounds=3 gives 2, 2, 0)
 * are left out: the reference crashes on them, and skipping keeps the collections unchanged.
 */
export function roundSlices(n: number, rounds: number): RoundSlice[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`text count must be >= 0, got ${n}`);
  if (!Number.isInteger(rounds) || rounds < 1) {
    throw new RangeError(`rounds must be an integer >= 1, got ${rounds}`);
  }
  const size = Math.ceil(n / rounds);
  const slices: RoundSlice[] = [];
  for (let round = 0; round < rounds; round++) {
    const start = round * size;
    const end = Math.min(start + size, n);
    if (end > start) slices.push({ round, start, end });
  }
  return slices;
}

const copyPairs = (pairs: readonly Pair[]): Pair[] =>
  pairs.map((p) => ({ question: p.question, answer: p.answer }));

const copyEntry = (e: Entry): Entry => {
  const copy: Entry = {
    text: e.text,
    pairs: copyPairs(e.pairs),
    inheritsFromPrevious: e.inheritsFromPrevious,
    followedByNext: e.followedByNext,
  };
  if (e.source !== undefined) copy.source = e.source;
  return copy;
};

/** A fresh copy of a collection whose last entry gets the given `followedByNext`. */
function withLastFlag(collection: readonly Entry[], followedByNext: boolean): Collection {
  const copy = collection.map(copyEntry);
  const last = copy[copy.length - 1];
  if (last) last.followedByNext = followedByNext;
  return copy;
}

/**
 * The demonstrations in front of a new text: the collection's last entry, preceded by every
 * entry it inherits from, walking back while `inheritsFromPrevious` holds. The chain is what a
 * later cooking step joins into one few-shot text, so the model sees it the same way here.
 */
function demonstrationChain(collection: readonly Entry[]): Entry[] {
  let i = collection.length - 1;
  while (i > 0 && collection[i]?.inheritsFromPrevious === true) i--;
  return collection.slice(i);
}

/**
 * Plans one round: the prompt for each text of the slice and the collections they continue.
 * `previous` holds the collections after the last round (empty before round 0).
 *
 * A text continues collection `i` with that collection's demonstration chain in front of it
 * when its last entry has pairs and the whole prompt fits `maxModelLen - maxNewTokens` under
 * `opts.budget`; otherwise its prompt is plain `readBlock(text)`. Collections beyond the slice
 * ("extras") are not continued: extra `t` is moved in front of `C_(t mod k)`. Wrapping with
 * `mod k` is our fix for the reference's crash when extras outnumber texts (e.g. N=7, M=3).
 *
 * `sources`, if given, has one identifier per text; {@link completeRound} stores it on the new
 * entries as `source`.
 */
export function planRound(
  previous: readonly (readonly Entry[])[],
  texts: readonly string[],
  opts: RoundOptions,
  sources?: readonly number[],
): PlannedRound {
  const k = texts.length;
  if (sources && sources.length !== k) {
    throw new RangeError(`expected ${k} sources, got ${sources.length}`);
  }
  if (k === 0) {
    // An empty slice is skipped; see roundSlices.
    return {
      texts: [],
      prompts: [],
      demonstrations: [],
      collections: previous.map((c) => c.map(copyEntry)),
    };
  }
  const limit = opts.maxModelLen - opts.maxNewTokens;
  const prompts: string[] = [];
  const demonstrations: number[] = [];
  const own: Collection[] = [];
  for (let i = 0; i < k; i++) {
    const text = texts[i] ?? "";
    const read = readBlock(text);
    const prior = previous[i];
    const last = prior?.[prior.length - 1];
    if (!prior || !last) {
      own.push([]);
      prompts.push(read);
      demonstrations.push(0);
      continue;
    }
    let prompt = read;
    let chain: Entry[] = [];
    if (last.pairs.length > 0) {
      chain = demonstrationChain(prior);
      const candidate = chain.map(demo).join("") + read;
      if (measure(candidate, opts.budget) <= limit) prompt = candidate;
      else chain = [];
    }
    own.push(withLastFlag(prior, chain.length > 0));
    prompts.push(prompt);
    demonstrations.push(chain.length);
  }
  // Extras go in front, in increasing extra order: C_j = extras j, j+k, j+2k, …, then C_j.
  const front: Entry[][] = own.map(() => []);
  for (let t = 0; k + t < previous.length; t++) {
    // A loop, not push(...entries): spreading a long collection could overflow the stack.
    for (const e of withLastFlag(previous[k + t] ?? [], false)) front[t % k]?.push(e);
  }
  const collections = own.map((c, j) => [...(front[j] ?? []), ...c]);
  const planned: PlannedRound = { texts: [...texts], prompts, demonstrations, collections };
  if (sources) planned.sources = [...sources];
  return planned;
}

/**
 * Appends this round's results: `pairsPerPrompt[i]` are the parsed pairs (dedupe on) of
 * `planned.prompts[i]`. The new entry inherits from the previous one only when that entry was
 * used as its demonstration (`followedByNext`) and the new text got pairs; an entry without
 * pairs breaks the chain, since a demonstration chain of one text with no pairs says nothing.
 */
export function completeRound(
  planned: PlannedRound,
  pairsPerPrompt: readonly (readonly Pair[])[],
): Collection[] {
  const k = planned.texts.length;
  if (pairsPerPrompt.length !== k) {
    throw new RangeError(`expected pairs for ${k} prompts, got ${pairsPerPrompt.length}`);
  }
  if (k === 0) return planned.collections.map((c) => c.map(copyEntry));
  return planned.collections.map((collection, i) => {
    const pairs = copyPairs(pairsPerPrompt[i] ?? []);
    const previousEntry = collection[collection.length - 1];
    const entry: Entry = {
      text: planned.texts[i] ?? "",
      pairs,
      inheritsFromPrevious: previousEntry?.followedByNext === true && pairs.length > 0,
      followedByNext: false,
    };
    const source = planned.sources?.[i];
    if (source !== undefined) entry.source = source;
    return [...collection.map(copyEntry), entry];
  });
}

/**
 * Synthesizes pairs for one round's prompts, in order. `round` is the 0-based round number
 * (skipped empty rounds are never called). Prompts within a round are independent, so an
 * implementation may run them concurrently.
 */
export type RoundSynthesizer = (prompts: string[], round: number) => Promise<Pair[][]>;

/**
 * Runs every round in sequence and returns the final collections. Rounds cannot overlap: each
 * round's prompts depend on the previous round's pairs.
 */
export async function runRounds(
  texts: readonly string[],
  rounds: number,
  opts: RoundOptions,
  synthesize: RoundSynthesizer,
): Promise<Collection[]> {
  let collections: Collection[] = [];
  for (const slice of roundSlices(texts.length, rounds)) {
    const planned = planRound(collections, texts.slice(slice.start, slice.end), opts);
    const pairs = await synthesize([...planned.prompts], slice.round);
    collections = completeRound(planned, pairs);
  }
  return collections;
}
