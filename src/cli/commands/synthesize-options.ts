import { parseFlags, requireFlags } from "../flags";
import { UsageError } from "../io";
import { parseShard, type Shard } from "../docs-input";

export const SYNTHESIZE_HELP = `ipt synthesize --input docs.jsonl --output collections.jsonl --endpoint URL --model NAME
  Synthesizes instruction-response pairs for every {"text": …} line (other fields are kept as
  metadata) on an OpenAI-compatible server (POST {endpoint}/completions), with the studio's
  prompts and parser. Writes one {"entries":[…]} line per collection, in collection order.
  --rounds M              multi-round synthesis rounds (default 1; the paper uses 2 or 3)
  --max-model-len N       the synthesizer's context window (default 4096)
  --max-new-tokens N      tokens to generate per document (default 400)
  --budget words|tokens   demonstration budget estimate (default words, byte-identical to the
                          reference); tokens needs --tokenizer tokenizer.json
  --tokenizer FILE        the model's tokenizer.json, for --budget tokens
  --concurrency N         requests in flight (default 16)
  --api-key-env VAR       read the API key from environment variable VAR
  --shard i/n             handle only documents i, i+n, i+2n, … (0-based i)
  --resume                continue after an interruption from <output>.ckpt
  --temperature T         sampling temperature (default 0, greedy like the reference)
  --max-retries N         retries per request on 429, 5xx, timeouts, resets (default 5)
  --timeout SECONDS       per-request timeout (default 300)
  --skip-bad-lines        skip (and report) input lines that are not {"text": …}
  Exit code 0 when every document succeeded, 1 when some failed (their errors are recorded in
  the output), 2 on bad flags or unreadable input.`;

export interface SynthesizeOptions {
  input: string;
  output: string;
  endpoint: string;
  model: string;
  rounds: number;
  maxModelLen: number;
  maxNewTokens: number;
  budget: "words" | "tokens";
  tokenizer?: string;
  concurrency: number;
  apiKey?: string;
  shard: Shard;
  resume: boolean;
  temperature: number;
  maxRetries: number;
  timeoutMs: number;
  skipBadLines: boolean;
}

function intFlag(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be an integer >= ${min}, got "${value}"`);
  return n;
}

export function parseSynthesizeOptions(argv: string[], env: NodeJS.ProcessEnv): SynthesizeOptions {
  const values = parseFlags(
    argv,
    [
      "input",
      "output",
      "endpoint",
      "model",
      "rounds",
      "max-model-len",
      "max-new-tokens",
      "budget",
      "tokenizer",
      "concurrency",
      "api-key-env",
      "shard",
      "temperature",
      "max-retries",
      "timeout",
    ],
    ["resume", "skip-bad-lines"],
  );
  requireFlags(values, ["input", "output", "endpoint", "model"]);
  const budget = values.budget ?? "words";
  if (budget !== "words" && budget !== "tokens")
    throw new UsageError(`--budget must be words or tokens, got "${budget}"`);
  if (budget === "tokens" && !values.tokenizer)
    throw new UsageError("--budget tokens needs --tokenizer tokenizer.json");
  const temperature = values.temperature === undefined ? 0 : Number(values.temperature);
  if (!Number.isFinite(temperature) || temperature < 0)
    throw new UsageError(`--temperature must be >= 0`);
  let apiKey: string | undefined;
  if (values["api-key-env"]) {
    apiKey = env[values["api-key-env"]];
    if (!apiKey)
      throw new UsageError(
        `--api-key-env: environment variable ${values["api-key-env"]} is not set`,
      );
  }
  const maxModelLen = intFlag("max-model-len", values["max-model-len"], 4096, 1);
  const maxNewTokens = intFlag("max-new-tokens", values["max-new-tokens"], 400, 1);
  if (maxNewTokens >= maxModelLen)
    throw new UsageError("--max-new-tokens must be smaller than --max-model-len");
  return {
    input: values.input,
    output: values.output,
    endpoint: values.endpoint.replace(/\/+$/, ""),
    model: values.model,
    rounds: intFlag("rounds", values.rounds, 1, 1),
    maxModelLen,
    maxNewTokens,
    budget,
    tokenizer: values.tokenizer,
    concurrency: intFlag("concurrency", values.concurrency, 16, 1),
    apiKey,
    shard: parseShard(values.shard),
    resume: values.resume ?? false,
    temperature,
    maxRetries: intFlag("max-retries", values["max-retries"], 5, 0),
    timeoutMs: intFlag("timeout", values.timeout, 300, 1) * 1000,
    skipBadLines: values["skip-bad-lines"] ?? false,
  };
}

/** What must match for --resume to continue a run (the endpoint and concurrency may change). */
export function resumeKey(o: SynthesizeOptions): Record<string, unknown> {
  return {
    input: o.input,
    model: o.model,
    rounds: o.rounds,
    maxModelLen: o.maxModelLen,
    maxNewTokens: o.maxNewTokens,
    budget: o.budget,
    temperature: o.temperature,
    shard: `${o.shard.i}/${o.shard.n}`,
  };
}
