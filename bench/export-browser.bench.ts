// The Export page in headless Chromium: restore a 20,000-document project with 100,000 pairs,
// export the pre-training corpus through the worker, and time click -> download. The page
// streams the project from IndexedDB to the worker in batches, so the time includes reading it.
// Memory is the growth of Chromium's summed RSS while exporting: an upper bound on the export's
// heap growth (the worker's heap is not visible to the page on its own), counting only the
// processes of the benchmark's own browser. Needs the app built (npm run bench).
import { execFileSync, spawn } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { bench, describe } from "vitest";
import { BACKUP_FORMAT, BACKUP_VERSION } from "../src/core/backup-format";
import { contentHash } from "../src/core/content-hash";
import { tempDir } from "../src/cli/cli-harness";

const PORT = 4319;
/** The project's size: EXPORT_BENCH_DOCS documents with 5 pairs each (20,000 by default). */
const DOCS = Number(process.env.EXPORT_BENCH_DOCS ?? 20_000);
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

/** A backup of the current format: every document one chunk, its pairs on that chunk. */
function backupFile(docs: number, pairsPerDoc: number): string {
  const projectId = "p";
  const documents = [];
  const chunks = [];
  const pairs = [];
  for (let d = 0; d < docs; d++) {
    const text = `Document ${d} reports that the river rose ${d % 50} centimetres after the storm of day ${d % 365}, flooding ${d % 13} streets near the old mill.`;
    documents.push({
      id: `d${d}`,
      projectId,
      title: `Doc ${d}`,
      source: { kind: "paste" },
      text,
      contentHash: contentHash(text),
      createdAt: d,
      updatedAt: d,
    });
    chunks.push({
      id: `d${d}c0`,
      projectId,
      documentId: `d${d}`,
      index: 0,
      start: 0,
      end: text.length,
      tokens: Math.ceil(text.split(" ").length * 1.5),
      budgetMode: "words",
    });
    for (let p = 0; p < pairsPerDoc; p++) {
      pairs.push({
        id: `d${d}p${p}`,
        projectId,
        documentId: `d${d}`,
        chunkId: `d${d}c0`,
        index: p,
        question: `Question ${p} about document ${d}: how far did the river rise?`,
        answer: `${d % 50} centimetres, according to report ${d}.`,
        status: "accepted",
        edited: false,
        origin: "model",
        createdAt: d,
        updatedAt: d,
      });
    }
  }
  const backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: "2026-01-01T00:00:00.000Z",
    app: { name: "IPT Studio", version: "bench" },
    project: { id: projectId, name: "Bench", createdAt: 0, updatedAt: 0 },
    documents,
    chunks,
    results: [],
    pairs,
    jobs: [],
    tasks: [],
    settings: [],
  };
  const path = join(tempDir(), "bench.ipt-backup.json");
  writeFileSync(path, JSON.stringify(backup));
  return path;
}

/**
 * The summed RSS of a process and all its descendants (Chromium's browser, renderer, GPU and
 * utility processes), so other Chromiums on the machine are not counted.
 */
function treeRssKB(root: number): number {
  try {
    const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" })
      .trim()
      .split("\n")
      .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
    const tree = new Set([root]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of rows) {
        if (tree.has(ppid) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
      }
    }
    return rows.reduce((n, [pid, , rss]) => n + (tree.has(pid) ? rss : 0), 0);
  } catch {
    return 0;
  }
}

async function serverAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no server at ${url}`);
}

describe("Export page in headless Chromium", () => {
  bench(
    `${(DOCS * 5).toLocaleString("en")} pairs across ${DOCS.toLocaleString("en")} documents to the pre-training corpus`,
    async () => {
      // A server already on the port (say, left by an interrupted run) would serve another build.
      if (await serverAnswers(`http://localhost:${PORT}/`)) {
        throw new Error(`port ${PORT} is already in use; stop that server first`);
      }
      // Vite itself, not through npx, so that killing it stops the server (npx leaves it running).
      const server = spawn(
        process.execPath,
        ["node_modules/vite/bin/vite.js", "preview", "--port", String(PORT), "--strictPort"],
        { stdio: "ignore" },
      );
      // A switch Chromium ignores marks this browser's main process, to find its process tree.
      const marker = `--ipt-export-bench=${process.pid}`;
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: [
          "--no-sandbox",
          "--disable-background-networking",
          "--disable-component-update",
          marker,
        ],
      });
      const browserPid = Number(
        execFileSync("pgrep", ["-o", "-f", "--", marker], { encoding: "utf8" }).trim(),
      );
      const chromiumRssKB = () => treeRssKB(browserPid);
      try {
        await waitForServer(`http://localhost:${PORT}/`);
        const page = await browser.newPage();
        await page.goto(`http://localhost:${PORT}/`);
        const nav = page.getByRole("navigation", { name: "Pages" });
        await nav.getByRole("button", { name: "Export" }).click();
        await page.getByLabel("Restore as a new project…").setInputFiles(backupFile(DOCS, 5));
        await page
          .getByText(`Restored ${DOCS} documents and ${DOCS * 5} pairs`)
          .waitFor({ timeout: 180_000 + DOCS * 10 });
        await nav.getByRole("button", { name: "Export" }).click();
        await page
          .getByRole("table", { name: "Mix counts" })
          .waitFor({ timeout: 120_000 + DOCS * 5 });

        const baseline = chromiumRssKB();
        let peak = baseline;
        const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssKB())), 100);
        const start = performance.now();
        const [download] = await Promise.all([
          page.waitForEvent("download", { timeout: 120_000 + DOCS * 5 }),
          page.getByRole("button", { name: /^Export file/ }).click(),
        ]);
        const path = await download.path();
        const seconds = (performance.now() - start) / 1000;
        clearInterval(sampler);
        const outputMB = statSync(path).size / 1e6;
        const growthMB = (peak - baseline) / 1024;
        console.log(
          `  click -> download ${seconds.toFixed(2)} s (budget 10 s); output ${outputMB.toFixed(1)} MB; Chromium RSS grew ${growthMB.toFixed(0)} MB = ${(growthMB / outputMB).toFixed(2)}x the output (budget 2x)`,
        );
      } finally {
        await browser.close();
        server.kill();
      }
    },
    once,
  );
});
