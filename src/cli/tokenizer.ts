import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TokenCounter } from "../core/budget";
import { UsageError } from "./io";

interface WebTokenizers {
  Tokenizer: { fromJSON(json: ArrayBuffer): Promise<{ encode(text: string): Int32Array }> };
}

/**
 * Counts tokens with the model's own tokenizer.json through @mlc-ai/web-tokenizers, the
 * library WebLLM uses, so `--budget tokens` agrees with the studio. Its package declares ES
 * modules but ships a UMD file, which Node can only load through require() from a .cjs copy.
 */
export async function loadTokenCounter(path: string): Promise<TokenCounter> {
  let json: Buffer;
  try {
    json = readFileSync(path);
  } catch (err) {
    throw new UsageError(
      `--tokenizer: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
    );
  }
  const require = createRequire(import.meta.url);
  const copy = join(mkdtempSync(join(tmpdir(), "ipt-tokenizers-")), "index.cjs");
  copyFileSync(require.resolve("@mlc-ai/web-tokenizers"), copy);
  const { Tokenizer } = require(copy) as WebTokenizers;
  try {
    const tok = await Tokenizer.fromJSON(new Uint8Array(json).buffer);
    return { countTokens: (text) => tok.encode(text).length };
  } catch (err) {
    throw new UsageError(
      `--tokenizer: ${path} is not a tokenizer.json this library can read (${String(err)})`,
    );
  }
}
