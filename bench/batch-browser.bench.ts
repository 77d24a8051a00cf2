// The batch queue in headless Chromium, driven through the UI against the fixture server (in
// this process, as in the e2e tests): the per-chunk cost of the pipeline with an instant
// server (plan, claim, parse, commit, render), and throughput with 100 ms of latency at
// 8 at once. Also the longest main-thread task seen while the batch ran. Needs the app built.
//
// The pipeline's cost per chunk is read from the app itself: with `window.__iptBatchTimings`
// set to an array, the runner records each chunk's timeline there (taken from the queue,
// engine call started and ended, commit stored). The runner stores a chunk's commit while the
// next chunk is requested, so at 1 at once the overhead per chunk is the time the engine
// waits between two requests: from the end of one engine call to the start of the next
// (planning, claiming, parsing, committing when it is not overlapped, and any rendering that
// delays them). The engine call itself (request, stream, SSE parsing; with the instant server,
// the browser's HTTP round trip) is model time. Also printed: the renderer main thread's busy
// time per chunk (Chrome's TaskDuration, everything the page did: scripts, IndexedDB events,
// rendering), and end to end per chunk.
//
// The throughput run is repeated against the fixture server over HTTP/2 (TLS, a throwaway
// certificate): over HTTP/1.1 a browser opens at most 6 connections to one server, so 8 at once
// can never reach 80 requests/s there. Beside each, the same page's bare fetch loop (8 at once,
// reading each stream to its end, nothing else) shows what the machine allows.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type CDPSession, type Page } from "@playwright/test";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { startFixtureServer, type FixtureServer } from "../e2e/fixture-server";
import { BACKUP_FORMAT } from "../src/core/backup-format";
import { contentHash } from "../src/core/content-hash";
import { tempDir } from "../src/cli/cli-harness";
import { startPreview } from "./preview";
import { selfSignedCert } from "./tls";
import { plural } from "../src/core/plural";

const PORT = 4323;
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

let fixture: FixtureServer;
let fixtureH2: FixtureServer;
beforeAll(async () => {
  fixture = await startFixtureServer();
  fixtureH2 = await startFixtureServer({ tls: selfSignedCert() });
});
afterAll(async () => {
  await fixture.close();
  await fixtureH2.close();
});

/** A version-1 backup (documents only): restoring it gives one pending chunk per document. */
function backupFile(docs: number): string {
  const projectId = "p";
  const documents = Array.from({ length: docs }, (_, d) => {
    const text = `Document ${d}. The committee met on day ${d % 365} and approved item ${d % 97} after a short debate.`;
    return {
      id: `d${d}`,
      projectId,
      title: `Doc ${d}`,
      source: { kind: "paste" },
      text,
      contentHash: contentHash(text),
      createdAt: d,
      updatedAt: d,
    };
  });
  const backup = {
    format: BACKUP_FORMAT,
    version: 1,
    exportedAt: "2026-01-01T00:00:00.000Z",
    app: { name: "IPT Studio", version: "bench" },
    project: { id: projectId, name: `Bench ${docs}`, createdAt: 0, updatedAt: 0 },
    documents,
    results: [],
    pairs: [],
    settings: [],
  };
  const path = join(tempDir(), `batch-${docs}.ipt-backup.json`);
  writeFileSync(path, JSON.stringify(backup));
  return path;
}

/** Restores `docs` documents, connects the fixture server, and sets the concurrency. */
async function prepare(
  page: Page,
  docs: number,
  concurrency: number,
  server: FixtureServer = fixture,
): Promise<void> {
  await page.goto(`http://localhost:${PORT}/`);
  const nav = page.getByRole("navigation", { name: "Pages" });
  await nav.getByRole("button", { name: "Export" }).click();
  await page.getByLabel("Restore as a new project…").setInputFiles(backupFile(docs));
  await page.getByText(`Restored ${plural(docs, "document")}`).waitFor({ timeout: 120_000 });
  await nav.getByRole("button", { name: "Models" }).click();
  const form = page.getByRole("form", { name: "OpenAI-compatible server" });
  await form.getByLabel("Base URL").fill(server.url);
  await form.getByLabel("Model name").fill("fixture-model");
  await form.getByRole("button", { name: "Use this server" }).click();
  await page.getByTestId("engine-status").getByText("fixture-model").waitFor();
  await nav.getByRole("button", { name: "Studio" }).click();
  const batch = page.getByRole("region", { name: "Batch queue" });
  await batch.getByRole("button", { name: "Settings" }).click();
  const settings = page.getByRole("form", { name: "Synthesis settings" });
  await settings.getByLabel("Chunks at once", { exact: true }).fill(String(concurrency));
  await settings.getByRole("button", { name: "Save" }).click();
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: "longtask", buffered: false });
  });
}

interface TaskTiming {
  taken: number;
  modelStart: number;
  modelEnd: number;
  committed: number;
}

interface BatchRun {
  /** From the click to "Every chunk is synthesized.". */
  seconds: number;
  longest: number;
  timings: TaskTiming[];
  /** Milliseconds the renderer's main thread spent in tasks during the run. */
  busyMs: number;
}

/** Chrome's cumulative main-thread task time, in milliseconds. */
async function taskDuration(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  return (metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN) * 1000;
}

/** Clicks "Synthesize all pending" and waits until every chunk is synthesized. */
async function runBatch(page: Page, docs: number): Promise<BatchRun> {
  const batch = page.getByRole("region", { name: "Batch queue" });
  await page.evaluate(() => {
    (window as unknown as { __iptBatchTimings: unknown[] }).__iptBatchTimings = [];
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const busy0 = await taskDuration(cdp);
  const start = performance.now();
  await batch
    .getByRole("button", {
      name: new RegExp(`Synthesize all pending \\(${docs.toLocaleString("en-US")} chunks\\)`),
    })
    .click();
  await batch.getByText("Every chunk is synthesized.").waitFor({ timeout: 300_000 });
  const seconds = (performance.now() - start) / 1000;
  const busyMs = (await taskDuration(cdp)) - busy0;
  const { longest, timings } = await page.evaluate(() => {
    const w = window as unknown as { longest: number; __iptBatchTimings: TaskTiming[] };
    return { longest: w.longest, timings: w.__iptBatchTimings };
  });
  if (timings.length !== docs) throw new Error(`${timings.length} timings for ${docs} chunks`);
  return { seconds, longest, timings, busyMs };
}

/** Requests per second of a bare fetch loop in the page: `concurrency` at once, `n` in all. */
async function bareFetchRate(page: Page, url: string, concurrency: number, n: number) {
  const ms = await page.evaluate(
    async ({ url, concurrency, n }) => {
      let left = n;
      const body = JSON.stringify({
        model: "fixture-model",
        prompt: "<CON> The committee met on day 3 and approved item 4. </CON>",
        stream: true,
        max_tokens: 400,
      });
      const loop = async () => {
        while (left-- > 0) {
          const res = await fetch(`${url}/completions`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body,
          });
          const reader = res.body?.getReader();
          while (reader && !(await reader.read()).done);
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: concurrency }, loop));
      return performance.now() - t0;
    },
    { url, concurrency, n },
  );
  return n / (ms / 1000);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? NaN;
}

/** Per-chunk figures from the app's own timeline. */
function perChunk(timings: TaskTiming[]) {
  const byStart = [...timings].sort((a, b) => a.modelStart - b.modelStart);
  // At 1 at once: how long the engine waited for the pipeline between two requests.
  const gaps = byStart.slice(1).map((t, i) => t.modelStart - (byStart[i]?.modelEnd ?? NaN));
  const model = timings.map((t) => t.modelEnd - t.modelStart);
  const span =
    Math.max(...timings.map((t) => t.committed)) - Math.min(...timings.map((t) => t.taken));
  return { gaps, model, spanMs: span };
}

function loadavg(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    return "n/a";
  }
}

describe("batch queue in headless Chromium", () => {
  bench(
    "per-chunk pipeline cost and concurrency, through the UI",
    async () => {
      const preview = await startPreview(PORT);
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: [
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-component-update",
          // The HTTP/2 fixture's throwaway certificate.
          "--ignore-certificate-errors",
        ],
      });
      try {
        {
          fixture.reset();
          const page = await browser.newPage();
          await prepare(page, 300, 1);
          const load = loadavg();
          const { seconds, longest, timings, busyMs } = await runBatch(page, 300);
          const { gaps, model, spanMs } = perChunk(timings);
          const m = median(gaps);
          console.log(
            `  instant server, 1 at once, 300 chunks (load average ${load}):\n` +
              `    pipeline overhead per chunk (engine idle between two requests): median ${m.toFixed(2)} ms, p90 ${quantile(gaps, 0.9).toFixed(2)} ms; budget 5 ms median -> ratio ${(m / 5).toFixed(2)}\n` +
              `    engine call (HTTP round trip to the instant server, stream, SSE parse): median ${median(model).toFixed(2)} ms\n` +
              `    renderer main thread busy: ${(busyMs / 300).toFixed(2)} ms per chunk\n` +
              `    end to end: ${(spanMs / 300).toFixed(2)} ms per chunk from the first chunk taken to the last committed; ` +
              `${((seconds * 1000) / 300).toFixed(2)} ms per chunk from the click to "Every chunk is synthesized."\n` +
              `    longest main-thread task ${longest.toFixed(0)} ms`,
          );
          await page.close();
        }
        for (const [transport, server] of [
          ["HTTP/1.1", fixture],
          ["HTTP/2", fixtureH2],
        ] as const) {
          server.reset();
          const page = await browser.newPage();
          await prepare(page, 160, 8, server);
          server.setLatency(100);
          const bare = await bareFetchRate(page, server.url, 8, 160);
          const load = loadavg();
          const { seconds, longest, timings, busyMs } = await runBatch(page, 160);
          const { spanMs } = perChunk(timings);
          const rate = 160 / (spanMs / 1000);
          const clickRate = 160 / seconds;
          console.log(
            `  100 ms latency, 8 at once, 160 chunks, ${transport} (load average ${load}):\n` +
              `    ${rate.toFixed(1)} requests/s of an ideal 80 = ${((rate / 80) * 100).toFixed(1)}% (budget >= 85%), first chunk taken to last committed; ` +
              `${clickRate.toFixed(1)} requests/s = ${((clickRate / 80) * 100).toFixed(1)}% from the click to "Every chunk is synthesized."\n` +
              `    a bare fetch loop in the same page, 8 at once: ${bare.toFixed(1)} requests/s = ${((bare / 80) * 100).toFixed(1)}% of ideal; the batch reaches ${((rate / bare) * 100).toFixed(1)}% of it\n` +
              `    renderer main thread busy: ${(busyMs / 160).toFixed(2)} ms per chunk; longest main-thread task ${longest.toFixed(0)} ms`,
          );
          server.setLatency(0);
          await page.close();
        }
      } finally {
        await browser.close();
        preview.stop();
      }
    },
    once,
  );
});
