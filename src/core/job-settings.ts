/**
 * The settings a synthesis run uses (method spec, section 4), their defaults, and the chunk
 * budget they imply. Shared by the studio's settings form, the ingest worker and the job queue.
 */
import type { ChunkOptions, LengthBudget } from "./chunk";
import type { JobSettings } from "./rows";

export type { JobSettings } from "./rows";

/** The reference's limits (4096 and 400), greedy decoding, one round, eight requests at once. */
export const DEFAULT_JOB_SETTINGS: JobSettings = {
  maxModelLen: 4096,
  maxNewTokens: 400,
  temperature: 0,
  rounds: 1,
  budgetMode: "words",
  concurrency: 8,
};

/** Why settings cannot run, or null. The form shows these next to the field. */
export function jobSettingsProblem(s: JobSettings): string | null {
  const whole = (v: number) => Number.isInteger(v) && v > 0;
  if (!whole(s.maxModelLen)) return "The context length must be a whole number above 0.";
  if (!whole(s.maxNewTokens)) return "Max new tokens must be a whole number above 0.";
  if (s.maxNewTokens >= s.maxModelLen) {
    return `Max new tokens (${s.maxNewTokens}) must be below the context length (${s.maxModelLen}), or no text fits.`;
  }
  if (!(s.temperature >= 0 && s.temperature <= 2)) return "Temperature must be between 0 and 2.";
  if (!whole(s.rounds) || s.rounds > 10) return "Rounds must be a whole number from 1 to 10.";
  if (!whole(s.concurrency) || s.concurrency > 64) {
    return "Concurrency must be a whole number from 1 to 64.";
  }
  return null;
}

/**
 * How documents are chunked for these settings. With M rounds a prompt can carry up to M - 1
 * demonstrations, each a previous chunk plus its pairs (at most `maxNewTokens` of output), so
 * chunks are cut to `(limit - (M - 1) × maxNewTokens) / M` to leave them room; the planner
 * still drops demonstrations that do not fit. One round uses the whole limit.
 */
export function chunkOptionsFor(s: JobSettings, budget: LengthBudget): ChunkOptions {
  const limit = s.maxModelLen - s.maxNewTokens;
  const perChunk = Math.floor((limit - (s.rounds - 1) * s.maxNewTokens) / s.rounds);
  return {
    maxModelLen: s.maxModelLen,
    maxNewTokens: s.maxNewTokens,
    reserveTokens: Math.max(0, limit - Math.max(perChunk, 0)),
    budget,
  };
}
