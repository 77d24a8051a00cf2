/**
 * Splits long documents into chunks that each fit the synthesizer's input budget. The
 * synthesizer reads one `readBlock(chunk)` within `maxModelLen - maxNewTokens` (method spec,
 * sections 2 and 4), and later rounds may put demonstrations in front, for which callers keep a
 * reserve.
 *
 * Cuts prefer, in order: paragraph ends (blank lines), sentence ends, line ends, then any
 * whitespace (CJK sentence ends count as sentence ends even with no space after them). A word
 * is never split, with one exception: a single word longer than the whole budget (a huge URL,
 * base64, a CJK sentence longer than the budget in tokens mode) is cut hard, and every piece of
 * it is flagged `oversized`. Offsets refer to the original string, so the UI can
 * show the boundaries, and everything between chunks is whitespace.
 */
import { measure, type LengthBudget } from "./budget";
import { PROBE, type ChunkMeter, tokenMeter, wordMeter } from "./chunk-meter";
import {
  SENTENCE,
  WORD,
  alignCut,
  codePointEnd,
  preferredCut,
  scanUnits,
  type Unit,
} from "./chunk-scan";
import { readBlock } from "./tags";

export type { LengthBudget, TokenCounter } from "./budget";

/** Limits for chunking. */
export interface ChunkOptions {
  maxModelLen: number;
  maxNewTokens: number;
  /** Room kept free for demonstrations a later round puts in front of the chunk. Default 0. */
  reserveTokens?: number;
  /** `"words"` (the reference's estimate) or a real token counter. */
  budget: LengthBudget;
}

/** One chunk: `text === original.slice(start, end)`; offsets are UTF-16 indices. */
export interface Chunk {
  index: number;
  text: string;
  start: number;
  end: number;
  /**
   * The cost of the chunk's whole prompt, `readBlock(text)`, in the budget's unit (the word
   * estimate, or exact tokens). At most `chunkBudget(opts).promptLimit` unless `oversized`.
   */
  tokens: number;
  /**
   * Set only on a hard-cut piece of a single word longer than the budget: it may start or end
   * mid-word. It can still exceed the limit when not even one character fits (a limit smaller
   * than the prompt wrapping itself; in words mode any limit below 6).
   */
  oversized?: true;
}

/** The numbers behind chunking, for the UI to show. */
export interface ChunkBudget {
  /** The most a chunk's whole prompt may cost: `maxModelLen - maxNewTokens - reserveTokens`. */
  promptLimit: number;
  /** What `readBlock` adds around a text: the cost of `readBlock(t)` minus that of `t`. */
  overhead: number;
  /** The most the chunk text itself may cost: `promptLimit - overhead`. */
  textBudget: number;
}

function promptLimit(opts: ChunkOptions): number {
  const reserve = opts.reserveTokens ?? 0;
  for (const [name, v] of [
    ["maxModelLen", opts.maxModelLen],
    ["maxNewTokens", opts.maxNewTokens],
    ["reserveTokens", reserve],
  ] as const) {
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be >= 0, got ${v}`);
  }
  return opts.maxModelLen - opts.maxNewTokens - reserve;
}

/** The chunk budget for these options (see {@link ChunkBudget}). */
export function chunkBudget(opts: ChunkOptions): ChunkBudget {
  const limit = promptLimit(opts);
  // Any non-empty probe gives the word estimate's exact overhead; for tokens it is approximate,
  // which is why chunkText counts every tokens-mode chunk exactly.
  const overhead = Math.max(
    0,
    measure(readBlock(PROBE), opts.budget) - measure(PROBE, opts.budget),
  );
  return { promptLimit: limit, overhead, textBudget: limit - overhead };
}

interface Run {
  text: string;
  meter: ChunkMeter;
  limit: number;
  chunks: Chunk[];
}

function emit(run: Run, start: number, end: number, tokens: number, oversized = false): void {
  const chunk: Chunk = {
    index: run.chunks.length,
    text: run.text.slice(start, end),
    start,
    end,
    tokens,
  };
  if (oversized) chunk.oversized = true;
  run.chunks.push(chunk);
}

/**
 * Splits `text` into chunks whose prompts fit the budget. Empty or whitespace-only text gives
 * no chunks; a text that fits gives one chunk equal to the text with whitespace trimmed.
 *
 * Runs in roughly linear time: each sentence is measured once and the costs are added up
 * (exact for the word estimate). In tokens mode, where token counts are not exactly additive,
 * each finished chunk is counted once more in full and shrunk if that count is over the limit.
 */
export function chunkText(text: string, opts: ChunkOptions): Chunk[] {
  const limit = promptLimit(opts);
  const meter = opts.budget === "words" ? wordMeter(text) : tokenMeter(text, opts.budget);
  const run: Run = { text, meter, limit, chunks: [] };
  packUnits(run, scanUnits(text, 0, text.length, SENTENCE), SENTENCE);
  return run.chunks;
}

/**
 * Greedy packing with boundary preference: from unit `a`, find the units that fit, then cut at
 * the strongest boundary that still fills at least half the budget (so a heading is not left
 * alone in a chunk), falling back to the strongest boundary at all. A unit that alone does not
 * fit is split one level finer: sentences into words, words by a hard cut.
 */
function packUnits(run: Run, units: Unit[], level: number): void {
  const { meter, limit } = run;
  const unitCost = new Float64Array(units.length).fill(NaN);
  const gapCost = new Float64Array(units.length).fill(NaN);
  const costAt = (j: number): number => {
    const u = units[j] as Unit;
    if (Number.isNaN(unitCost[j])) unitCost[j] = meter.unit(u.start, u.end);
    return unitCost[j] as number;
  };
  const gapAt = (j: number): number => {
    if (Number.isNaN(gapCost[j]))
      gapCost[j] = meter.gap((units[j - 1] as Unit).end, (units[j] as Unit).start);
    return gapCost[j] as number;
  };
  /** The last unit of the chunk starting at `a` under `lim`, and its additive estimate. */
  const choose = (a: number, lim: number): [number, number] => {
    let estimate = meter.base + costAt(a);
    const half = meter.base + (lim - meter.base) / 2;
    let any: [number, number, number] = [a, estimate, -1];
    let full: [number, number, number] = [a, estimate, -1];
    for (let j = a + 1; j < units.length; j++) {
      const strength = (units[j] as Unit).strength;
      if (strength >= any[2]) any = [j - 1, estimate, strength];
      if (estimate >= half && strength >= full[2]) full = [j - 1, estimate, strength];
      const next = estimate + gapAt(j) + costAt(j);
      if (next > lim) return full[2] >= 0 ? [full[0], full[1]] : [any[0], any[1]];
      estimate = next;
    }
    return [units.length - 1, estimate];
  };

  // Tokens mode only: non-additive counters can make the estimate of what is left exceed the
  // limit although the exact count fits. Near-fits (within 2x) are checked exactly, so a text
  // that fits stays one chunk. `left` tracks the estimate of units a.. as chunks are emitted.
  let left = Infinity;
  if (!meter.exact) {
    left = meter.base;
    for (let j = 0; j < units.length; j++) left += costAt(j) + (j > 0 ? gapAt(j) : 0);
  }
  const gapAfter = (j: number) => (j + 1 < units.length ? gapAt(j + 1) : 0);
  let a = 0;
  while (a < units.length) {
    const unit = units[a] as Unit;
    if (left > limit && left <= 2 * limit) {
      const end = (units[units.length - 1] as Unit).end;
      const cost = meter.prompt(unit.start, end);
      if (cost <= limit) {
        emit(run, unit.start, end, cost);
        return;
      }
    }
    if (meter.base + costAt(a) > limit) {
      splitUnit(run, unit, level);
      left -= costAt(a) + gapAfter(a);
      a++;
      continue;
    }
    for (let lim = limit; ;) {
      const [last, estimate] = choose(a, lim);
      const end = (units[last] as Unit).end;
      const cost = meter.exact ? estimate : meter.prompt(unit.start, end);
      if (cost <= limit || last === a) {
        if (cost <= limit) emit(run, unit.start, end, cost);
        else splitUnit(run, unit, level);
        left -= estimate - meter.base + gapAfter(last);
        a = last + 1;
        break;
      }
      // Aim lower by the overshoot; this strictly shrinks the chunk, so the loop ends.
      lim = estimate - Math.max(1, cost - limit);
    }
  }
}

/** A unit that does not fit alone: a sentence becomes words, a word is cut hard. */
function splitUnit(run: Run, unit: Unit, level: number): void {
  if (level > WORD) packUnits(run, scanUnits(run.text, unit.start, unit.end, WORD), WORD);
  else hardCut(run, unit.start, unit.end);
}

/**
 * Cuts one over-long word into the longest pieces that fit, found by doubling then bisecting
 * the piece length, so the counter sees O(piece × log piece) characters rather than O(word²).
 */
function hardCut(run: Run, from: number, to: number): void {
  const { meter, limit, text } = run;
  const fits = (p: number, q: number) => meter.prompt(p, q) <= limit;
  let p = from;
  while (p < to) {
    let lo = codePointEnd(text, p);
    if (!fits(p, lo)) {
      // Not even one character fits: give up on cutting and flag the rest as it is.
      emit(run, p, to, meter.prompt(p, to), true);
      return;
    }
    let hi = -1;
    for (let step = 64; hi < 0 && lo < to; step *= 2) {
      const q = Math.min(to, p + step);
      if (q <= lo) continue;
      if (fits(p, q)) lo = q;
      else hi = q;
    }
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (fits(p, mid)) lo = mid;
      else hi = mid;
    }
    const q = lo < to ? preferredCut(text, p, alignCut(text, lo)) : to;
    emit(run, p, q, meter.prompt(p, q), true);
    p = q;
  }
}
