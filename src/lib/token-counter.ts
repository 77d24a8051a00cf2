import type { TokenCounter } from "../core/budget";

/**
 * A token counter built on a model's tokenizer.json with @mlc-ai/web-tokenizers (WASM, loaded
 * on first use). Counts are exact for that model; chunking and the rounds planner use them in
 * "tokens" budget mode.
 */
export async function tokenCounterFromJson(json: ArrayBuffer): Promise<TokenCounter> {
  const { Tokenizer } = await import("@mlc-ai/web-tokenizers");
  // fromJSON takes ownership of the buffer; keep the caller's copy intact.
  const tok = await Tokenizer.fromJSON(json.slice(0));
  return { countTokens: (text) => tok.encode(text).length };
}
