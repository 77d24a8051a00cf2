/**
 * How the length of synthesizer input is measured (method spec, section 4). Shared by the
 * rounds planner and the chunker so that both agree on what "fits" means.
 *
 * Core never imports a tokenizer (no WASM, no network in `src/core`). Callers that want real
 * token counts pass a {@link TokenCounter} built on the model's tokenizer (e.g. web-tokenizers
 * in the browser, or a server's tokenize endpoint in the CLI).
 */

/** Counts tokens the way the synthesizer's tokenizer does. Implemented outside core. */
export interface TokenCounter {
  /** The number of tokens `text` encodes to. Must be a pure function of `text`. */
  countTokens(text: string): number;
}

/**
 * `"words"` is the reference pipeline's estimate ({@link wordEstimate}); it keeps prompts
 * byte-identical to the reference. A {@link TokenCounter} counts real tokens: more accurate,
 * but prompts may then differ from the reference's.
 */
export type LengthBudget = "words" | TokenCounter;

/**
 * The number of parts `s.split(" ")` yields (spaces + 1), counted without building the parts,
 * so that measuring a multi-megabyte text does not allocate a million strings. JavaScript's and
 * Python's `split(" ")` agree here: both split on every single space and keep empty parts.
 */
export function spaceParts(s: string): number {
  let parts = 1;
  for (let i = s.indexOf(" "); i !== -1; i = s.indexOf(" ", i + 1)) parts++;
  return parts;
}

/**
 * The reference's length estimate: parts when split on the single space character, times 1.5.
 * It ignores newlines and tabs entirely; that is what the reference does, so we keep it.
 */
export function wordEstimate(s: string): number {
  return spaceParts(s) * 1.5;
}

/** The length of `s` under `budget`: the word estimate, or the counter's token count. */
export function measure(s: string, budget: LengthBudget): number {
  return budget === "words" ? wordEstimate(s) : budget.countTokens(s);
}

/** A human-readable name for the budget mode, for the UI and the CLI to show which is in use. */
export function budgetLabel(budget: LengthBudget): "words" | "tokens" {
  return budget === "words" ? "words" : "tokens";
}
