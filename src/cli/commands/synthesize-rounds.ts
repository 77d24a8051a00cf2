import { completeRound, planRound, roundSlices, type Collection } from "../../core/rounds";
import type { SynthesisEngine } from "../../core/synthesis-engine";
import { readDocs, type InputDoc } from "../docs-input";
import { close, openOutput, write } from "../io";
import { Journal, type JournalRecord } from "../journal";
import { orderedPool } from "../ordered-pool";
import type { Progress } from "../progress";
import { loadTokenCounter } from "../tokenizer";
import { entryLine, recordPairs, requestRecord } from "./synthesize-request";
import { resumeKey, type SynthesizeOptions } from "./synthesize-options";

/**
 * Several rounds (method spec, section 4). Each round needs the previous round's collections,
 * so the documents and collections are held in memory (about the size of the input plus its
 * pairs); requests within a round run concurrently, rounds run in order. Every finished request
 * is journaled, so --resume after a kill replays finished requests and runs only the rest. The
 * output is written once, at the end, in collection order.
 */
export async function runRounds(
  opts: SynthesizeOptions,
  engine: SynthesisEngine,
  progress: Progress,
): Promise<number> {
  const docs: InputDoc[] = [];
  for await (const doc of readDocs(opts.input, {
    shard: opts.shard,
    skipBadLines: opts.skipBadLines,
  }))
    docs.push(doc);
  const budget =
    opts.budget === "tokens" && opts.tokenizer ? await loadTokenCounter(opts.tokenizer) : "words";
  const journal = Journal.open(`${opts.output}.ckpt`, resumeKey(opts), opts.resume);
  const records = new Map<number, JournalRecord>();
  let collections: Collection[] = [];

  for (const slice of roundSlices(docs.length, opts.rounds)) {
    const roundDocs = docs.slice(slice.start, slice.end);
    const planned = planRound(
      collections,
      roundDocs.map((d) => d.text),
      { maxModelLen: opts.maxModelLen, maxNewTokens: opts.maxNewTokens, budget },
      roundDocs.map((d) => d.index),
    );
    const results: JournalRecord[] = [];
    await orderedPool(
      planned.prompts.map((prompt, i) => ({ prompt, doc: roundDocs[i] as InputDoc })),
      { concurrency: opts.concurrency, window: opts.concurrency * 4 },
      async ({ prompt, doc }) => {
        const known = journal.get(slice.round, doc.index);
        if (known) return known;
        progress.inFlight++;
        progress.update();
        const rec = await requestRecord(engine, opts, slice.round, doc.index, prompt);
        progress.inFlight--;
        journal.append(rec);
        return rec;
      },
      (rec) => {
        results.push(rec);
        records.set(rec.i, rec);
        if (rec.error !== undefined) progress.failed++;
        progress.addTokens(rec.tokens ?? 0);
        progress.done++;
        progress.update();
      },
    );
    collections = completeRound(planned, results.map(recordPairs));
  }

  const out = openOutput(opts.output);
  try {
    for (const collection of collections) {
      await write(
        out,
        entryLine(
          collection.map((entry) => {
            const doc = docs[entry.source ?? -1];
            const rec = records.get(entry.source ?? -1);
            if (!doc || !rec) throw new Error("internal: an entry lost its source document");
            return {
              doc,
              rec,
              inheritsFromPrevious: entry.inheritsFromPrevious,
              followedByNext: entry.followedByNext,
            };
          }),
        ),
      );
    }
  } finally {
    await close(out);
  }
  return [...records.values()].filter((r) => r.error !== undefined).length;
}
