import { createOpenAIEngine } from "../../engine/openai/openai-engine";
import type { SynthesisEngine } from "../../core/synthesis-engine";
import { plural } from "../../core/plural";
import { readBlock } from "../../core/tags";
import { readDocs, type InputDoc } from "../docs-input";
import { close, openOutput, write } from "../io";
import { Journal, type JournalRecord } from "../journal";
import { orderedPool } from "../ordered-pool";
import { trimToCompleteLines } from "../output-file";
import { Progress } from "../progress";
import { entryLine, requestRecord } from "./synthesize-request";
import { parseSynthesizeOptions, resumeKey, type SynthesizeOptions } from "./synthesize-options";
import { runRounds } from "./synthesize-rounds";

export { SYNTHESIZE_HELP } from "./synthesize-options";

export async function synthesizeCommand(argv: string[]): Promise<number> {
  const opts = parseSynthesizeOptions(argv, process.env);
  const engine = createOpenAIEngine({
    baseUrl: opts.endpoint,
    model: opts.model,
    apiKey: opts.apiKey,
    concurrency: opts.concurrency,
    maxRetries: opts.maxRetries,
    timeoutMs: opts.timeoutMs,
    // The reference reads whole answers (choices[0].text); streaming buys nothing in batch.
    stream: false,
  });
  // Say which budget is in use: "words" keeps prompts byte-identical to the reference.
  process.stderr.write(
    `ipt synthesize: budget ${opts.budget}${opts.budget === "tokens" ? ` (${opts.tokenizer ?? ""})` : " (reference estimate)"}, ${plural(opts.rounds, "round")}\n`,
  );
  const total = await countDocs(opts);
  const progress = new Progress(total);
  const failed =
    opts.rounds === 1
      ? await runSingleRound(opts, engine, progress)
      : await runRounds(opts, engine, progress);
  progress.finish();
  if (process.env.IPT_STATS) {
    // For benchmarks: the whole run's peak memory, which only the process itself can report.
    const stats = {
      documents: progress.done,
      seconds: progress.elapsedSeconds(),
      maxRssMB: process.resourceUsage().maxRSS / 1024,
    };
    process.stderr.write(`ipt-stats ${JSON.stringify(stats)}\n`);
  }
  if (failed > 0) {
    process.stderr.write(
      `ipt synthesize: ${plural(failed, "document")} failed; their errors are recorded in ${opts.output}\n`,
    );
    return 1;
  }
  return 0;
}

async function countDocs(opts: SynthesizeOptions): Promise<number> {
  let n = 0;
  const skipped: number[] = [];
  for await (const _doc of readDocs(opts.input, {
    shard: opts.shard,
    skipBadLines: opts.skipBadLines,
    onSkip: (line) => skipped.push(line),
  })) {
    n++;
  }
  if (skipped.length > 0) {
    const shown = skipped.slice(0, 10).join(", ") + (skipped.length > 10 ? ", …" : "");
    process.stderr.write(
      `ipt synthesize: skipping ${plural(skipped.length, "bad input line")}: ${shown}\n`,
    );
  }
  return n;
}

/**
 * One round: every document is its own collection, so the output streams in input order and
 * memory stays bounded. On --resume, complete output lines are kept and their documents skipped.
 */
async function runSingleRound(
  opts: SynthesizeOptions,
  engine: SynthesisEngine,
  progress: Progress,
): Promise<number> {
  const written = opts.resume ? trimToCompleteLines(opts.output) : 0;
  const journal = Journal.open(
    `${opts.output}.ckpt`,
    resumeKey(opts),
    opts.resume,
    (rec) => rec.i >= written,
  );
  const out = openOutput(opts.output, opts.resume);
  let failed = 0;
  progress.done = written;

  async function* remaining(): AsyncGenerator<InputDoc> {
    for await (const doc of readDocs(opts.input, {
      shard: opts.shard,
      skipBadLines: opts.skipBadLines,
    })) {
      if (doc.index >= written) yield doc;
    }
  }

  try {
    await orderedPool(
      remaining(),
      { concurrency: opts.concurrency, window: opts.concurrency * 4 },
      async (doc): Promise<JournalRecord> => {
        const known = journal.get(0, doc.index);
        if (known) return known;
        progress.inFlight++;
        progress.update();
        const rec = await requestRecord(engine, opts, 0, doc.index, readBlock(doc.text));
        progress.inFlight--;
        journal.append(rec);
        return rec;
      },
      async (rec, doc) => {
        await write(
          out,
          entryLine([{ doc, rec, inheritsFromPrevious: false, followedByNext: false }]),
        );
        journal.forget(rec.r, rec.i);
        if (rec.error !== undefined) {
          failed++;
          progress.failed++;
        }
        progress.addTokens(rec.tokens ?? 0);
        progress.done++;
        progress.update();
      },
    );
  } finally {
    await close(out);
  }
  return failed;
}
