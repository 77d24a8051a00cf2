/**
 * Which path adds the BOS token. WebLLM's completions.create encodes the raw prompt with
 * @mlc-ai/web-tokenizers (Encode without special tokens) and adds nothing. Our prompts start
 * with the literal "<s>", which the tokenizer maps to the BOS id, so the synthesizer sees exactly
 * one BOS even though this tokenizer's post-processor would prepend one in HF's default mode.
 * The OpenAI-compatible path sends the same prompt string the reference sends to vLLM; the e2e
 * main flow checks that string byte for byte.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readBlock } from "../../core/tags";

interface TokenizerModule {
  Tokenizer: { fromJSON(json: ArrayBuffer): Promise<{ encode(text: string): Int32Array }> };
}

// web-tokenizers 0.1.6 declares "type": "module" but ships a UMD file, so Node can only load it
// through require() from a .cjs copy.
function loadWebTokenizers(): TokenizerModule {
  const require = createRequire(import.meta.url);
  const copy = join(mkdtempSync(join(tmpdir(), "web-tokenizers-")), "index.cjs");
  copyFileSync(require.resolve("@mlc-ai/web-tokenizers"), copy);
  return require(copy) as TokenizerModule;
}

describe("BOS handling on the WebLLM path", () => {
  it("adds no BOS itself and maps the prompt's literal <s> to the BOS id once", async () => {
    const { Tokenizer } = loadWebTokenizers();
    const json = readFileSync(new URL("./testdata/bos-tokenizer.json", import.meta.url));
    const tok = await Tokenizer.fromJSON(new Uint8Array(json).buffer);
    expect(Array.from(tok.encode("cells divide."))).toEqual([5, 6]);
    expect(Array.from(tok.encode(readBlock("cells divide.")))).toEqual([1, 3, 5, 6, 4]);
  });
});
