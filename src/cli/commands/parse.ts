import { parseSynthesizerOutput } from "../../core/parse";
import { parseFlags } from "../flags";
import { UsageError, readAll, readLines, write } from "../io";

export const PARSE_HELP = `ipt parse [--no-dedupe] [--jsonl]
  Reads synthesizer output from stdin and prints a JSON array of {question, answer}.
  --jsonl       each stdin line is {"raw": "..."}; each stdout line is that line's array
  --no-dedupe   keep pairs whose question repeats (case-insensitively)`;

export async function parseCommand(argv: string[]): Promise<number> {
  const values = parseFlags(argv, [], ["no-dedupe", "jsonl"]);
  const dedupe = !values["no-dedupe"];
  if (!values.jsonl) {
    const raw = await readAll(process.stdin);
    await write(process.stdout, JSON.stringify(parseSynthesizerOutput(raw, { dedupe })) + "\n");
    return 0;
  }
  for await (const { line, n } of readLines(process.stdin)) {
    let raw: unknown;
    try {
      raw = (JSON.parse(line) as { raw?: unknown }).raw;
    } catch {
      throw new UsageError(`line ${n}: not valid JSON`);
    }
    if (typeof raw !== "string")
      throw new UsageError(`line ${n}: expected an object with a string field "raw"`);
    await write(process.stdout, JSON.stringify(parseSynthesizerOutput(raw, { dedupe })) + "\n");
  }
  return 0;
}
