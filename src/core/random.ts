/**
 * A small seeded pseudo-random generator. Cooking must be byte-for-byte reproducible from a seed
 * (method spec, section 5), so nothing in core may use `Math.random()`.
 */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). `n` must be a positive integer. */
  int(n: number): number;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** An index drawn with probability proportional to its weight. Zero weights are never drawn. */
  weighted(weights: readonly number[]): number;
  /** A shuffled copy (Fisher–Yates); the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
}

const TWO_32 = 4294967296;

/** Murmur3's 32-bit finalizer: spreads every input bit over the whole output. */
function avalanche(x: number): number {
  let z = x >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Creates a generator from any finite number (fractions are truncated). The state walks a Weyl
 * sequence (step: the golden-ratio constant) and each output is that state avalanched, so
 * neighbouring seeds such as `baseSeed + j` still give unrelated streams.
 */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  // Fold the high bits in too, so seeds 2^32 apart do not collide.
  let state = (whole >>> 0) ^ avalanche(Math.floor(whole / TWO_32) >>> 0);

  const nextUint32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    return avalanche(state);
  };

  const next = (): number => nextUint32() / TWO_32;

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > TWO_32) {
      throw new RangeError(`int(n) needs an integer 1..2^32, got ${n}`);
    }
    // Multiply-shift: the bias is below n / 2^32, far too small to matter for template choices.
    return Math.floor(next() * n);
  };

  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick() needs a non-empty array");
    return items[int(items.length)] as T;
  };

  const weighted = (weights: readonly number[]): number => {
    let total = 0;
    for (const w of weights) {
      if (!Number.isFinite(w) || w < 0) throw new RangeError(`bad weight ${w}`);
      total += w;
    }
    if (total <= 0) throw new RangeError("weighted() needs at least one positive weight");
    const r = next() * total;
    let cumulative = 0;
    let lastPositive = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i] ?? 0;
      if (w === 0) continue;
      lastPositive = i;
      cumulative += w;
      if (r < cumulative) return i;
    }
    // Only reachable through floating-point rounding at the very top of the range.
    return lastPositive;
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  };

  return { next, int, pick, weighted, shuffle };
}
