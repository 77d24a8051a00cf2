/**
 * Cooking: collections of synthesized entries become pre-training texts (method spec, section 5).
 * Pure and seeded: the same collections, pack and seed give byte-identical texts.
 */
import type { Entry } from "../collection";
import { createRng, type Rng } from "../random";
import { pyStrip } from "../strip";
import type { Pair } from "../types";
import { convertPairs } from "./convert";
import { renderGroup, type CookMode, type RenderableEntry } from "./render";
import { sampleGroupStyle } from "./style";
import type { TemplatePack } from "./template-pack";

export type { CookMode } from "./render";

/** The modes in the order of the weight tables below. */
export const COOK_MODES: readonly CookMode[] = [
  "classic",
  "dialog",
  "numbered",
  "inlineFewShot",
  "nextTurnDialog",
];

/** Mode weights when the group's smallest pair count is 1 (multi-pair modes need two pairs). */
export const MODE_WEIGHTS_SINGLE: Readonly<Record<CookMode, number>> = {
  classic: 95,
  dialog: 5,
  numbered: 0,
  inlineFewShot: 0,
  nextTurnDialog: 0,
};

/** Mode weights when every entry of the group has at least two pairs. */
export const MODE_WEIGHTS_MULTI: Readonly<Record<CookMode, number>> = {
  classic: 80,
  dialog: 5,
  numbered: 5,
  inlineFewShot: 5,
  nextTurnDialog: 5,
};

/** Chance that a group puts its Q/A items before its text. */
export const INVERSION_PROBABILITY = 0.05;

/** One cooked text and how it was made (for previews and statistics). */
export type CookedText =
  | { kind: "raw"; text: string; entries: number[] }
  | { kind: "group"; text: string; entries: number[]; mode: CookMode; inverted: boolean };

/**
 * Groups entry indexes: an entry that inherits from the previous one joins its group, any other
 * entry starts a new group (a first entry marked as inheriting starts one too).
 */
export function groupEntries(collection: readonly Entry[]): number[][] {
  const groups: number[][] = [];
  collection.forEach((entry, i) => {
    const last = groups[groups.length - 1];
    if (entry.inheritsFromPrevious && last !== undefined) last.push(i);
    else groups.push([i]);
  });
  return groups;
}

/** Samples a mode from the weight table that fits the group's smallest pair count. */
export function sampleMode(rng: Rng, smallestPairCount: number): CookMode {
  const table = smallestPairCount >= 2 ? MODE_WEIGHTS_MULTI : MODE_WEIGHTS_SINGLE;
  return COOK_MODES[rng.weighted(COOK_MODES.map((m) => table[m]))] as CookMode;
}

/**
 * Cooks one collection and says, for each text, which entries it holds and how it was rendered.
 * Texts come in entry order: a raw-only entry at its own place, a group's rendered text at the
 * place of its first entry that kept pairs. Never returns an empty (or blank) text.
 */
export function cookCollectionDetailed(
  collection: readonly Entry[],
  pack: TemplatePack,
  seed: number,
): CookedText[] {
  const rng = createRng(seed);
  const out: CookedText[] = [];
  for (const group of groupEntries(collection)) {
    const style = sampleGroupStyle(pack, rng);
    const kept: RenderableEntry[] = [];
    const keptIndexes: number[] = [];
    let slot = -1;
    for (const i of group) {
      const entry = collection[i];
      if (entry === undefined) continue;
      const pairs: Pair[] = convertPairs(entry.pairs, style, pack.noneOfTheAbove.recognize, rng);
      if (pairs.length > 0) {
        if (slot < 0) slot = out.length;
        kept.push({ text: entry.text, pairs });
        keptIndexes.push(i);
      } else if (pyStrip(entry.text) !== "") {
        // No pairs left: the raw text is still good pre-training data on its own.
        out.push({ kind: "raw", text: entry.text, entries: [i] });
      }
    }
    if (kept.length === 0) continue;
    const smallest = kept.reduce((m, e) => Math.min(m, e.pairs.length), Number.POSITIVE_INFINITY);
    const mode = sampleMode(rng, smallest);
    const inverted = rng.next() < INVERSION_PROBABILITY;
    const text = renderGroup(kept, mode, style, inverted);
    if (pyStrip(text) === "") continue;
    out.splice(slot, 0, { kind: "group", text, entries: keptIndexes, mode, inverted });
  }
  return out;
}

/** Cooks one collection into pre-training texts (method spec, section 5). */
export function cookCollection(
  collection: readonly Entry[],
  pack: TemplatePack,
  seed: number,
): string[] {
  return cookCollectionDetailed(collection, pack, seed).map((c) => c.text);
}

/**
 * Cooks many collections. Collection `j` uses seed `baseSeed + j`, so inserting or removing a
 * collection does not reshuffle the others.
 */
export function cookCollections(
  collections: readonly (readonly Entry[])[],
  pack: TemplatePack,
  baseSeed: number,
): string[] {
  return collections.flatMap((c, j) => cookCollection(c, pack, baseSeed + j));
}
