// Corpus-scale throughput and memory of the built `ipt synthesize` against the fixture server.
// Needs `npm run build:cli` first (npm ci runs it).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { startFixtureServer, type FixtureServer } from "../e2e/fixture-server";
import { runIpt, tempDir } from "../src/cli/cli-harness";

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server.close();
});

function corpus(n: number): string {
  const dir = tempDir();
  const path = join(dir, "docs.jsonl");
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(
      JSON.stringify({
        text: `Document ${i}. The committee met on day ${i % 365} and approved item ${i % 97}.`,
        id: i,
      }),
    );
  }
  writeFileSync(path, lines.join("\n") + "\n");
  return path;
}

async function synthesize(n: number, latencyMs: number, concurrency: number) {
  const input = corpus(n);
  server.reset();
  server.setLatency(latencyMs);
  const r = await runIpt(
    [
      "synthesize",
      "--input",
      input,
      "--output",
      input + ".out",
      "--endpoint",
      server.url,
      "--model",
      "m",
      "--concurrency",
      String(concurrency),
    ],
    undefined,
    { IPT_STATS: "1" },
  );
  if (r.code !== 0) throw new Error(`ipt failed: ${r.stderr}`);
  const line = r.stderr.split("\n").find((l) => l.startsWith("ipt-stats "));
  if (!line) throw new Error("no stats line");
  return JSON.parse(line.slice("ipt-stats ".length)) as {
    documents: number;
    seconds: number;
    maxRssMB: number;
  };
}

const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

describe("ipt synthesize at corpus scale", () => {
  bench(
    "5,000 documents, 50 ms per request, concurrency 16 (ideal 320 requests/s)",
    async () => {
      const s = await synthesize(5000, 50, 16);
      const rate = s.documents / s.seconds;
      console.log(
        `  throughput ${rate.toFixed(1)} requests/s = ${((100 * rate) / 320).toFixed(1)}% of ideal; peak RSS ${s.maxRssMB.toFixed(0)} MB`,
      );
    },
    once,
  );
  bench(
    "100,000 documents, no added latency, concurrency 16 (peak memory)",
    async () => {
      const s = await synthesize(100_000, 0, 16);
      console.log(
        `  ${s.documents} documents in ${s.seconds.toFixed(1)} s (${(s.documents / s.seconds).toFixed(0)}/s); peak RSS ${s.maxRssMB.toFixed(0)} MB`,
      );
    },
    once,
  );
});
