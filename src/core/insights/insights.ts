/**
 * The statistics of the Insights page, as a fold over a project's pairs: `addPair` takes one
 * pair at a time, so a caller can read 100,000 pairs in batches and never hold them all, and
 * `summarize` turns the running totals into what the charts show.
 */
import { spaceParts } from "../budget";
import { FLAGS, type Flag } from "../quality/flags";
import { TASK_TYPES, type TaskType } from "../quality/task-type";
import type { PairRow, PairStatus } from "../rows";

/** The fields of a pair the statistics read. */
export type InsightsPair = Pick<
  PairRow,
  "chunkId" | "status" | "question" | "answer" | "taskType" | "quality" | "duplicate" | "stale"
>;

/** Pairs by review status. */
export type StatusCounts = Record<PairStatus, number>;

/** Grounding histogram: ten bins of width 0.1; a score of exactly 1 falls in the last one. */
export const GROUNDING_BINS = 10;
/** Pairs-per-chunk histogram: 0, 1, …, 9, and "10 or more" in the last bin. */
export const PAIRS_PER_CHUNK_BINS = 11;
/** Tokens-per-pair histogram: bins of {@link TOKEN_BIN_WIDTH}, the last one open-ended. */
export const TOKEN_BINS = 11;
export const TOKEN_BIN_WIDTH = 20;

/** The running totals of the fold. Mutable on purpose: a copy per pair would cost 100,000 copies. */
export interface InsightsAcc {
  pairs: number;
  status: StatusCounts;
  /** Without a current quality score (never scored, or edited since). */
  notScored: number;
  /** By shown task type (the curator's, else the classifier's); `null`: not scored yet. */
  taskTypes: Map<TaskType | null, StatusCounts>;
  grounding: number[];
  /** Scored pairs whose answer has no content word, so grounding has no value. */
  noContentWords: number;
  groundingSum: number;
  /** Scored pairs per flag, the duplicate marks included. */
  flags: Map<Flag, number>;
  /** Scored pairs with at least one flag. */
  flagged: number;
  perChunk: Map<string, number>;
  tokenSum: number;
  tokens: number[];
}

/** An empty fold. */
export function emptyInsights(): InsightsAcc {
  return {
    pairs: 0,
    status: { pending: 0, accepted: 0, rejected: 0 },
    notScored: 0,
    taskTypes: new Map(),
    grounding: new Array<number>(GROUNDING_BINS).fill(0),
    noContentWords: 0,
    groundingSum: 0,
    flags: new Map(),
    flagged: 0,
    perChunk: new Map(),
    tokenSum: 0,
    tokens: new Array<number>(TOKEN_BINS).fill(0),
  };
}

/** True when the pair carries a quality score for its current text. */
export const isScored = (p: Pick<InsightsPair, "quality" | "stale">): boolean =>
  p.quality !== undefined && p.stale !== 1;

/** The task type the studio shows: the curator's choice, else the classifier's (if current). */
export function shownTaskType(p: InsightsPair): TaskType | null {
  if (p.taskType !== undefined) return p.taskType;
  return isScored(p) && p.quality ? p.quality.taskType : null;
}

/**
 * The reference's length estimate (method spec 4) of a pair as the synthesizer writes it,
 * `wordEstimate(pairBlock(question, answer))`, counted without building the string: the tags
 * add three parts.
 */
export const pairTokenEstimate = (p: Pick<InsightsPair, "question" | "answer">): number =>
  (spaceParts(p.question) + spaceParts(p.answer) + 3) * 1.5;

const bump = <K>(m: Map<K, number>, k: K): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

/** Folds one pair into `acc` (mutating it) and returns `acc`. */
export function addPair(acc: InsightsAcc, p: InsightsPair): InsightsAcc {
  acc.pairs++;
  acc.status[p.status]++;
  const type = shownTaskType(p);
  let byType = acc.taskTypes.get(type);
  if (!byType) {
    byType = { pending: 0, accepted: 0, rejected: 0 };
    acc.taskTypes.set(type, byType);
  }
  byType[p.status]++;
  bump(acc.perChunk, p.chunkId);
  const tokens = pairTokenEstimate(p);
  acc.tokenSum += tokens;
  acc.tokens[Math.min(TOKEN_BINS - 1, Math.floor(tokens / TOKEN_BIN_WIDTH))]! += 1; // in range
  if (!isScored(p) || !p.quality) {
    acc.notScored++;
    return acc;
  }
  const g = p.quality.grounding;
  if (g === null) acc.noContentWords++;
  else {
    const clamped = Math.min(1, Math.max(0, g));
    acc.grounding[Math.min(GROUNDING_BINS - 1, Math.floor(clamped * GROUNDING_BINS))]! += 1; // in range
    acc.groundingSum += clamped;
  }
  const own = p.quality.flags;
  // Stored flags come deduplicated (orderFlags); the check keeps a hand-made row honest.
  own.forEach((f, i) => {
    if (own.indexOf(f) === i && f !== p.duplicate?.kind) bump(acc.flags, f);
  });
  if (p.duplicate) bump(acc.flags, p.duplicate.kind);
  if (own.length > 0 || p.duplicate) acc.flagged++;
  return acc;
}

/** Folds a batch of pairs into `acc`. */
export function addPairs(acc: InsightsAcc, pairs: Iterable<InsightsPair>): InsightsAcc {
  for (const p of pairs) addPair(acc, p);
  return acc;
}

/** The chunks of the project, so chunks without pairs count too. */
export interface ChunkCensus {
  /** Every chunk id of the project. */
  chunkIds: Iterable<string>;
  /** Chunks the synthesizer has read (a finished result); the others are not synthesized yet. */
  synthesized: ReadonlySet<string>;
}

export interface TaskTypeRow extends StatusCounts {
  /** `null`: not scored yet, so the classifier has not spoken. */
  type: TaskType | null;
  count: number;
}

/** What the Insights page shows. Shares are fractions in [0, 1]. */
export interface Insights {
  pairs: number;
  status: StatusCounts;
  scored: number;
  notScored: number;
  /** Every task type in display order (zeros included), then "not scored yet" if any. */
  taskTypes: TaskTypeRow[];
  /** Task types with at least one pair. */
  typesPresent: number;
  /**
   * The effective number of task types: e to the Shannon entropy of the typed pairs' shares.
   * It equals the number of types when they are used equally, and falls toward 1 when one
   * dominates. Null without typed pairs.
   */
  effectiveTypes: number | null;
  pairsPerChunk: {
    /** Chunks with 0, 1, …, 9 and 10 or more pairs; the 0 bin counts synthesized chunks only. */
    bins: number[];
    chunks: number;
    /** Chunks never synthesized and without pairs: left out of the histogram. */
    notSynthesized: number;
    /** Mean pairs per chunk in the histogram (the paper's "pairs per text"). */
    mean: number | null;
  };
  grounding: {
    bins: number[];
    noContentWords: number;
    /** Mean over scored pairs with a grounding value. */
    mean: number | null;
    /** Pairs with grounding of at least one half, of those with a value. */
    atLeastHalf: number;
  };
  /** Every flag with its count among scored pairs, in badge order. */
  flags: { flag: Flag; count: number }[];
  flagged: number;
  tokens: { mean: number | null; bins: number[] };
}

const statusTotal = (s: StatusCounts): number => s.pending + s.accepted + s.rejected;

/** The effective number of categories, e^H, of counts (zeros ignored). */
export function effectiveNumber(counts: readonly number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let h = 0;
  for (const c of counts) {
    if (c > 0) h -= (c / total) * Math.log(c / total);
  }
  return Math.exp(h);
}

/** Turns the running totals into the page's figures. Does not change `acc`. */
export function summarize(acc: InsightsAcc, census: ChunkCensus): Insights {
  const taskTypes: TaskTypeRow[] = TASK_TYPES.map((type) => {
    const s = acc.taskTypes.get(type) ?? { pending: 0, accepted: 0, rejected: 0 };
    return { type, count: statusTotal(s), ...s };
  });
  const unscored = acc.taskTypes.get(null);
  if (unscored) taskTypes.push({ type: null, count: statusTotal(unscored), ...unscored });
  const typed = taskTypes.filter((t) => t.type !== null).map((t) => t.count);

  const bins = new Array<number>(PAIRS_PER_CHUNK_BINS).fill(0);
  let chunks = 0;
  let notSynthesized = 0;
  let inHistogram = 0;
  const seen = new Set<string>();
  const place = (n: number) => {
    bins[Math.min(PAIRS_PER_CHUNK_BINS - 1, n)]! += 1; // in range
    inHistogram++;
  };
  for (const id of census.chunkIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    chunks++;
    const n = acc.perChunk.get(id) ?? 0;
    if (n === 0 && !census.synthesized.has(id)) notSynthesized++;
    else place(n);
  }
  // Pairs of a chunk the census does not list still count where they are.
  for (const [id, n] of acc.perChunk) if (!seen.has(id)) place(n);

  const graded = acc.grounding.reduce((a, b) => a + b, 0);
  const scored = acc.pairs - acc.notScored;
  return {
    pairs: acc.pairs,
    status: { ...acc.status },
    scored,
    notScored: acc.notScored,
    taskTypes,
    typesPresent: typed.filter((c) => c > 0).length,
    effectiveTypes: effectiveNumber(typed),
    pairsPerChunk: {
      bins,
      chunks,
      notSynthesized,
      mean: inHistogram === 0 ? null : acc.pairs / inHistogram,
    },
    grounding: {
      bins: [...acc.grounding],
      noContentWords: acc.noContentWords,
      mean: graded === 0 ? null : acc.groundingSum / graded,
      atLeastHalf: acc.grounding.slice(GROUNDING_BINS / 2).reduce((a, b) => a + b, 0),
    },
    flags: FLAGS.map((flag) => ({ flag, count: acc.flags.get(flag) ?? 0 })),
    flagged: acc.flagged,
    tokens: { mean: acc.pairs === 0 ? null : acc.tokenSum / acc.pairs, bins: [...acc.tokens] },
  };
}

/** The figures of `pairs` in one go (tests, small projects). */
export function insightsOf(pairs: Iterable<InsightsPair>, census: ChunkCensus): Insights {
  return summarize(addPairs(emptyInsights(), pairs), census);
}
