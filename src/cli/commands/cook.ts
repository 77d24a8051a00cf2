import { readFileSync } from "node:fs";
import { cookCollection } from "../../core/cook/cook";
import { DEFAULT_TEMPLATE_PACK } from "../../core/cook/default-pack";
import { keepsRaw } from "../../core/cook/mix";
import type { TemplatePack } from "../../core/cook/template-pack";
import { validateTemplatePack } from "../../core/cook/validate-pack";
import { pretrainingLine } from "../../core/export/export-formats";
import { readCollections } from "../collections-input";
import { parseFlags, requireFlags } from "../flags";
import { UsageError, close, openOutput, write } from "../io";

export const COOK_HELP = `ipt cook --input collections.jsonl --output pretrain.jsonl [--seed 12345] [--pack FILE] [--raw-ratio R]
  Turns collections into instruction-augmented pre-training text, one {"text": …} line per
  cooked text, in collection order. Collection j is cooked with seed + j, so output is
  reproducible and inserting a collection does not reshuffle the others.
  --seed N          base seed (default 12345)
  --pack FILE       a template pack JSON file (default: the built-in pack)
  --raw-ratio R     share of collections (0..1) written as their raw texts, un-augmented;
                    the paper's from-scratch mix keeps 0.8 raw (default 0)
  --skip-bad-lines  skip (and report) malformed input lines`;

function loadPack(path: string | undefined): TemplatePack {
  if (!path) return DEFAULT_TEMPLATE_PACK;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new UsageError(`--pack ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const checked = validateTemplatePack(json);
  if (!checked.ok)
    throw new UsageError(`--pack ${path}: ${checked.path || "(root)"}: ${checked.message}`);
  return checked.pack;
}

export async function cookCommand(argv: string[]): Promise<number> {
  const values = parseFlags(
    argv,
    ["input", "output", "seed", "pack", "raw-ratio"],
    ["skip-bad-lines"],
  );
  requireFlags(values, ["input", "output"]);
  const seed = values.seed === undefined ? 12345 : Number(values.seed);
  if (!Number.isSafeInteger(seed))
    throw new UsageError(`--seed must be an integer, got "${values.seed}"`);
  const rawRatio = values["raw-ratio"] === undefined ? 0 : Number(values["raw-ratio"]);
  if (!(rawRatio >= 0 && rawRatio <= 1))
    throw new UsageError("--raw-ratio must be between 0 and 1");
  const pack = loadPack(values.pack);

  const out = openOutput(values.output);
  let texts = 0;
  try {
    for await (const { collection, index } of readCollections(
      values.input,
      values["skip-bad-lines"] ?? false,
    )) {
      const cooked = keepsRaw(seed, index, rawRatio)
        ? collection.map((e) => e.text).filter((t) => t.trim() !== "")
        : cookCollection(collection, pack, seed + index);
      for (const text of cooked) {
        await write(out, pretrainingLine(text) + "\n");
        texts++;
      }
    }
  } finally {
    await close(out);
  }
  process.stderr.write(`ipt cook: wrote ${texts} texts to ${values.output}\n`);
  return 0;
}
