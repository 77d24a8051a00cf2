// Export of a large project (20,000 documents, 100,000 pairs) through the same code the export
// worker runs. Node, not the browser: it measures our formatting and cooking, not Blob I/O or
// IndexedDB. "streamed" feeds the project in batches of 2,000 chunks as the Export page does.
import { bench, describe } from "vitest";
import { DEFAULT_TEMPLATE_PACK } from "../src/core/cook/default-pack";
import { StreamedExport, type StreamSettings } from "../src/core/export/export-stream";
import { exportLines, type ExportFormat } from "../src/core/export/formats";
import { toCollections, type StudioDocument } from "../src/core/export/studio-dataset";

const docs: StudioDocument[] = Array.from({ length: 20_000 }, (_, d) => ({
  title: `Doc ${d}`,
  text: `Document ${d} reports that the river rose ${d % 50} centimetres after the storm of day ${d % 365}, flooding ${d % 13} streets near the old mill.`,
  pairs: Array.from({ length: 5 }, (_, p) => ({
    question: `Question ${p} about document ${d}: how far did the river rise?`,
    answer: `${d % 50} centimetres, according to report ${d}.`,
    status: "accepted" as const,
  })),
}));
const collections = toCollections(docs, "accepted");
const options = { seed: 12345, pack: DEFAULT_TEMPLATE_PACK, rawRatio: 0 };
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

function report(label: string, lines: number, chars: number, start: number, grew: number): void {
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `  ${label}: ${lines.toLocaleString()} lines, ${(chars / 1e6).toFixed(1)} M chars in ${seconds.toFixed(2)} s; heap grew ${(grew / 1e6).toFixed(0)} MB while streaming`,
  );
}

function run(format: ExportFormat): void {
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  let chars = 0;
  let lines = 0;
  let peak = before;
  for (const line of exportLines(collections, format, options)) {
    chars += line.length;
    if (++lines % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  report(format, lines, chars, start, peak - before);
}

function streamed(format: ExportFormat): void {
  const settings: StreamSettings = {
    ...options,
    filter: "accepted",
    questionOnly: false,
    general: [],
    generalRatio: null,
  };
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  let chars = 0;
  let lines = 0;
  let peak = before;
  const sink = {
    write: (line: string) => {
      chars += line.length;
      if (++lines % 5000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
    close: () => undefined,
  };
  const run = new StreamedExport(
    settings,
    [format],
    docs.length,
    () => 0,
    () => sink,
  );
  do {
    for (let at = 0; at < docs.length; at += 2000) {
      run.push(docs.slice(at, at + 2000).map((d) => [d]));
    }
  } while (run.endPass());
  report(`${format}, streamed in batches of 2,000`, lines, chars, start, peak - before);
}

describe("export 100,000 pairs across 20,000 documents", () => {
  bench("pre-training corpus (cooked)", () => run("pretraining"), once);
  bench("OpenAI chat messages", () => run("messages"), once);
  bench("pre-training corpus, streamed", () => streamed("pretraining"), once);
});
