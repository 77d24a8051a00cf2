import {
  alpacaLine,
  entryRecords,
  openAiChatLine,
  shareGptLine,
  synthesizerTrainingChunk,
  synthesizerTrainingLine,
} from "../../core/export/export-formats";
import type { InterchangeEntry } from "../../core/export/collections-jsonl";
import { readCollections } from "../collections-input";
import { parseFlags, requireFlags } from "../flags";
import { UsageError, close, openOutput, write } from "../io";

export const EXPORT_HELP = `ipt export --input collections.jsonl --format FORMAT --output FILE
  Writes instruction-tuning or synthesizer fine-tuning data from collections.
  --format messages      OpenAI chat JSONL: user = text + question, assistant = answer
           sharegpt      {"conversations":[{"from":"human"…},{"from":"gpt"…}]}
           alpaca        {"instruction": question, "input": text, "output": answer}
           synthesizer   the synthesizer's own tagged format as {"text": …} JSONL, one line
                         per document, to fine-tune a synthesizer on curated pairs
           synthesizer-text   the same as plain text
  --question-only        messages/sharegpt: the user turn is the question alone
  --skip-bad-lines       skip (and report) malformed input lines`;

type Format = "messages" | "sharegpt" | "alpaca" | "synthesizer" | "synthesizer-text";
const FORMATS: readonly Format[] = [
  "messages",
  "sharegpt",
  "alpaca",
  "synthesizer",
  "synthesizer-text",
];

function linesFor(entry: InterchangeEntry, format: Format, questionOnly: boolean): string[] {
  switch (format) {
    case "messages":
      return entryRecords(entry).map((r) => openAiChatLine(r, { questionOnly }) + "\n");
    case "sharegpt":
      return entryRecords(entry).map((r) => shareGptLine(r, { questionOnly }) + "\n");
    case "alpaca":
      return entryRecords(entry).map((r) => alpacaLine(r) + "\n");
    case "synthesizer":
      // A document without pairs teaches the synthesizer nothing; failed ones are left out too.
      return entry.pairs.length > 0 ? [synthesizerTrainingLine(entry) + "\n"] : [];
    case "synthesizer-text":
      return entry.pairs.length > 0 ? [synthesizerTrainingChunk(entry)] : [];
  }
}

export async function exportCommand(argv: string[]): Promise<number> {
  const values = parseFlags(
    argv,
    ["input", "output", "format"],
    ["question-only", "skip-bad-lines"],
  );
  requireFlags(values, ["input", "output"]);
  const format = values.format as Format | undefined;
  if (!format || !FORMATS.includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  const out = openOutput(values.output);
  let records = 0;
  try {
    for await (const { collection } of readCollections(
      values.input,
      values["skip-bad-lines"] ?? false,
    )) {
      for (const entry of collection) {
        for (const line of linesFor(entry, format, values["question-only"] ?? false)) {
          await write(out, line);
          records++;
        }
      }
    }
  } finally {
    await close(out);
  }
  process.stderr.write(`ipt export: wrote ${records} records to ${values.output}\n`);
  return 0;
}
