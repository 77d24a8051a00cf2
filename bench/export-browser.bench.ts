// The Export page in headless Chromium: restore a 20,000-document project with 100,000 pairs,
// export the pre-training corpus through the worker, and time click -> download. Memory is the
// growth of Chromium's summed RSS while exporting: an upper bound on the export's heap growth
// (the worker's heap is not visible to the page on its own). Needs the app built (npm run bench).
import { execFileSync, spawn } from "node:child_process";
import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { bench, describe } from "vitest";
import { BACKUP_FORMAT, BACKUP_VERSION } from "../src/core/backup-format";
import { contentHash } from "../src/core/content-hash";
import { tempDir } from "../src/cli/cli-harness";

const PORT = 4319;
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

function backupFile(docs: number, pairsPerDoc: number): string {
  const projectId = "p";
  const documents = [];
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
    for (let p = 0; p < pairsPerDoc; p++) {
      pairs.push({
        id: `d${d}p${p}`,
        projectId,
        documentId: `d${d}`,
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
    results: [],
    pairs,
    settings: [],
  };
  const path = join(tempDir(), "bench.ipt-backup.json");
  writeFileSync(path, JSON.stringify(backup));
  return path;
}

function chromiumRssKB(): number {
  try {
    const pids = execFileSync("pgrep", ["-f", "chrom"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean);
    const out = execFileSync("ps", ["-o", "rss=", "-p", pids.join(",")], { encoding: "utf8" });
    return out.split("\n").reduce((n, l) => n + (Number(l.trim()) || 0), 0);
  } catch {
    return 0;
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
    "100,000 pairs across 20,000 documents to the pre-training corpus",
    async () => {
      const server = spawn("npx", ["vite", "preview", "--port", String(PORT), "--strictPort"], {
        stdio: "ignore",
      });
      const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
      });
      try {
        await waitForServer(`http://localhost:${PORT}/`);
        const page = await browser.newPage();
        await page.goto(`http://localhost:${PORT}/`);
        const nav = page.getByRole("navigation", { name: "Pages" });
        await nav.getByRole("button", { name: "Export" }).click();
        await page.getByLabel("Restore as a new project…").setInputFiles(backupFile(20_000, 5));
        await page
          .getByText(/Restored 20000 documents and 100000 pairs/)
          .waitFor({ timeout: 180_000 });
        await nav.getByRole("button", { name: "Export" }).click();
        await page.getByRole("table", { name: "Mix counts" }).waitFor({ timeout: 120_000 });

        const baseline = chromiumRssKB();
        let peak = baseline;
        const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssKB())), 100);
        const start = performance.now();
        const [download] = await Promise.all([
          page.waitForEvent("download", { timeout: 120_000 }),
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
