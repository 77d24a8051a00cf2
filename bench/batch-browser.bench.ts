// The batch queue in headless Chromium, driven through the UI against the fixture server (in
// this process, as in the e2e tests): the per-chunk cost of the pipeline with an instant
// server (plan, request, parse, commit, render), and throughput with 100 ms of latency at
// 8 at once. Also the longest main-thread task seen while the batch ran. Needs the app built.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Page } from "@playwright/test";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { startFixtureServer, type FixtureServer } from "../e2e/fixture-server";
import { BACKUP_FORMAT } from "../src/core/backup-format";
import { contentHash } from "../src/core/content-hash";
import { tempDir } from "../src/cli/cli-harness";
import { startPreview } from "./preview";

const PORT = 4323;
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

let fixture: FixtureServer;
beforeAll(async () => {
  fixture = await startFixtureServer();
});
afterAll(async () => {
  await fixture.close();
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
async function prepare(page: Page, docs: number, concurrency: number): Promise<void> {
  await page.goto(`http://localhost:${PORT}/`);
  const nav = page.getByRole("navigation", { name: "Pages" });
  await nav.getByRole("button", { name: "Export" }).click();
  await page.getByLabel("Restore as a new project…").setInputFiles(backupFile(docs));
  await page.getByText(new RegExp(`Restored ${docs} documents`)).waitFor({ timeout: 120_000 });
  await nav.getByRole("button", { name: "Models" }).click();
  const form = page.getByRole("form", { name: "OpenAI-compatible server" });
  await form.getByLabel("Base URL").fill(fixture.url);
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

/** Clicks "Synthesize all pending" and returns seconds until every chunk is synthesized. */
async function runBatch(page: Page, docs: number): Promise<{ seconds: number; longest: number }> {
  const batch = page.getByRole("region", { name: "Batch queue" });
  const start = performance.now();
  await batch
    .getByRole("button", {
      name: new RegExp(`Synthesize all pending \\(${docs.toLocaleString("en-US")} chunks\\)`),
    })
    .click();
  await batch.getByText("Every chunk is synthesized.").waitFor({ timeout: 300_000 });
  const seconds = (performance.now() - start) / 1000;
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  return { seconds, longest };
}

describe("batch queue in headless Chromium", () => {
  bench(
    "per-chunk pipeline cost and concurrency, through the UI",
    async () => {
      const preview = await startPreview(PORT);
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
      });
      try {
        {
          fixture.reset();
          const page = await browser.newPage();
          await prepare(page, 300, 1);
          const { seconds, longest } = await runBatch(page, 300);
          const perChunk = (seconds * 1000) / 300;
          console.log(
            `  instant server, 1 at once: 300 chunks in ${seconds.toFixed(2)} s = ${perChunk.toFixed(1)} ms per chunk end to end ` +
              `(request, stream, parse, commit, render; budget 5 ms of pipeline overhead -> ratio ${(perChunk / 5).toFixed(2)}); longest main-thread task ${longest.toFixed(0)} ms`,
          );
          await page.close();
        }
        {
          fixture.reset();
          const page = await browser.newPage();
          await prepare(page, 160, 8);
          fixture.setLatency(100);
          const { seconds, longest } = await runBatch(page, 160);
          const rate = 160 / seconds;
          console.log(
            `  100 ms latency, 8 at once: ${rate.toFixed(1)} requests/s of an ideal 80 = ${((rate / 80) * 100).toFixed(1)}% (budget >= 85%); longest main-thread task ${longest.toFixed(0)} ms`,
          );
          fixture.setLatency(0);
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
