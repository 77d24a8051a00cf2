import { parseCollectionsLine, type InterchangeCollection } from "../core/export/collections-jsonl";
import { UsageError, openInput, readLines } from "./io";

/**
 * Streams a collections JSONL file. A bad line stops the run with its line number, or is
 * reported and skipped with --skip-bad-lines; `index` counts only the collections read.
 */
export async function* readCollections(
  path: string,
  skipBadLines: boolean,
): AsyncGenerator<{ collection: InterchangeCollection; index: number }> {
  let index = 0;
  for await (const { line, n } of readLines(await openInput(path))) {
    if (line.trim() === "") continue;
    const parsed = parseCollectionsLine(line, n);
    if (!parsed.ok) {
      if (!skipBadLines)
        throw new UsageError(`${path} ${parsed.error} (use --skip-bad-lines to skip such lines)`);
      process.stderr.write(`ipt: skipping ${path} ${parsed.error}\n`);
      continue;
    }
    yield { collection: parsed.value, index: index++ };
  }
}
