import { FEW_SHOT_STOP, fewShotPrompt } from "../../core/few-shot";
import type { CompletionOptions } from "../../core/synthesis-engine";
import { readBlock } from "../../core/tags";
import type { CatalogModel } from "./catalog";

/** True when the model is a general instruct model standing in for the synthesizer. */
export function isApproximation(model: Pick<CatalogModel, "kind">): boolean {
  return model.kind === "approximation";
}

/**
 * The prompt for one text. The synthesizer (and a custom model, which is meant for the user's
 * own synthesizer build) reads the paper's exact input; approximation models get our few-shot
 * prompt so they write the same tagged pairs.
 */
export function buildPrompt(model: Pick<CatalogModel, "kind">, text: string): string {
  return isApproximation(model) ? fewShotPrompt(text) : readBlock(text);
}

/**
 * Completion options for the model. Approximations get stop strings so they end after the
 * pairs instead of inventing another text; the synthesizer stops on its own EOS token and is
 * left exactly as configured.
 */
export function completionOptionsFor(
  model: Pick<CatalogModel, "kind">,
  options: CompletionOptions,
): CompletionOptions {
  if (!isApproximation(model)) return options;
  const stop = [...new Set([...(options.stop ?? []), ...FEW_SHOT_STOP])];
  return { ...options, stop };
}
