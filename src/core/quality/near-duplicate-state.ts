/**
 * The serialized form of a {@link NearDuplicateIndex}, so a worker can persist it and start again
 * without re-reading every question. Signatures are not stored (they are 128 numbers per
 * question); they are recomputed from the normalized question keys, which is cheap.
 */
import type { MinHashParams } from "./minhash";

/** The format's version. DO NOT CHANGE the shape without bumping it and reading the old one. */
export const NEAR_DUPLICATE_STATE_VERSION = 1;

/** A serialized index: plain JSON. */
export interface NearDuplicateState {
  version: typeof NEAR_DUPLICATE_STATE_VERSION;
  params: MinHashParams;
  /** The number the next new group gets (group ids are `g<number>`). */
  nextGroup: number;
  /** One row per distinct question key, oldest first: the key, its pair ids, its group number. */
  keys: [key: string, ids: string[], group: number][];
}

const isInt = (v: unknown, min: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min;

/** Checks detector parameters; throws an Error naming the first bad one. */
export function checkMinHashParams(p: unknown): MinHashParams {
  if (typeof p !== "object" || p === null) throw new Error("params: not an object");
  const { numHashes, bands, threshold, shingleSize, maxBucket } = p as Record<string, unknown>;
  if (!isInt(numHashes, 1) || numHashes > 1024) throw new Error("params.numHashes: 1..1024");
  if (!isInt(bands, 1) || numHashes % bands !== 0) {
    throw new Error("params.bands: a positive divisor of numHashes");
  }
  if (typeof threshold !== "number" || !(threshold > 0 && threshold <= 1)) {
    throw new Error("params.threshold: a number in (0, 1]");
  }
  if (!isInt(shingleSize, 1) || shingleSize > 5) throw new Error("params.shingleSize: 1..5");
  if (!isInt(maxBucket, 1)) throw new Error("params.maxBucket: a positive integer");
  return { numHashes, bands, threshold, shingleSize, maxBucket };
}

/**
 * Checks a value read back from storage. Throws an Error naming the first problem; the caller
 * then rebuilds the index from the pairs themselves.
 */
export function validateNearDuplicateState(value: unknown): NearDuplicateState {
  if (typeof value !== "object" || value === null) throw new Error("state: not an object");
  const v = value as Record<string, unknown>;
  if (v.version !== NEAR_DUPLICATE_STATE_VERSION) {
    throw new Error(`version: expected ${NEAR_DUPLICATE_STATE_VERSION}`);
  }
  const params = checkMinHashParams(v.params);
  if (!isInt(v.nextGroup, 0)) throw new Error("nextGroup: a non-negative integer");
  const nextGroup = v.nextGroup;
  if (!Array.isArray(v.keys)) throw new Error("keys: not an array");
  const seenKeys = new Set<string>();
  const seenIds = new Set<string>();
  const keys = (v.keys as unknown[]).map((row, i): [string, string[], number] => {
    const at = `keys[${i}]`;
    if (!Array.isArray(row) || row.length !== 3) throw new Error(`${at}: not [key, ids, group]`);
    const [key, ids, group] = row as unknown[];
    if (typeof key !== "string" || seenKeys.has(key)) throw new Error(`${at}[0]: bad or repeated`);
    if (!Array.isArray(ids) || ids.length === 0) throw new Error(`${at}[1]: no ids`);
    for (const id of ids as unknown[]) {
      if (typeof id !== "string" || seenIds.has(id))
        throw new Error(`${at}[1]: bad or repeated id`);
      seenIds.add(id);
    }
    if (!isInt(group, 0) || group >= nextGroup) throw new Error(`${at}[2]: bad group number`);
    seenKeys.add(key);
    return [key, [...(ids as string[])], group];
  });
  return { version: NEAR_DUPLICATE_STATE_VERSION, params, nextGroup, keys };
}
