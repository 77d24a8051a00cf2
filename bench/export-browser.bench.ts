// The Export page in headless Chromium: restore a 20,000-document project with 100,000 pairs,
// export the pre-training corpus through the worker, and time click -> download. The page reads
// the project from IndexedDB while exporting, so the time includes reading it.
//
// Memory, two ways, both from just before the click (after a full garbage collection) to the
// peak of samples taken every 100 ms until the download:
// - heap: the JavaScript heaps of the page and of its workers (the export worker among them),
//   read over the DevTools protocol (Runtime.getHeapUsage): V8's used heap, and that plus
//   Blink's heap and ArrayBuffer backing stores. The budget (2x the output) is judged on the
//   second, the larger. Used heap counts garbage not yet collected too, so it is an upper bound
//   on what the export holds.
// - RSS: the summed resident memory of this benchmark's own Chromium process tree (browser,
//   renderer, GPU and utility processes). It also counts the finished file, which the browser
//   process holds as a Blob, Blob data the export keeps outside the heap, and memory the
//   allocators keep after a collection.
// Needs the app built (npm run bench; E2E_DIST serves another build folder).
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type BrowserContext } from "@playwright/test";
import { bench, describe } from "vitest";
import { BACKUP_FORMAT, BACKUP_VERSION } from "../src/core/backup-format";
import { contentHash } from "../src/core/content-hash";
import { tempDir } from "../src/cli/cli-harness";
import { startPreview } from "./preview";

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

type Cdp = Awaited<ReturnType<BrowserContext["newCDPSession"]>>;

/** V8's heap, Blink's heap and ArrayBuffer backing stores of one isolate, in bytes. */
interface HeapUsage {
  usedSize: number;
  embedderHeapUsedSize?: number;
  backingStorageSize?: number;
}

/**
 * The heaps of the page and of its workers (the export worker among them), read over the
 * DevTools protocol: the page's own session, and one session per worker attached to it.
 */
async function heapProbe(cdp: Cdp) {
  const workers = new Set<string>();
  const waiting = new Map<number, (m: { result?: unknown }) => void>();
  let next = 1;
  cdp.on("Target.attachedToTarget", (e) => {
    if (e.targetInfo.type === "worker") workers.add(e.sessionId);
  });
  cdp.on("Target.detachedFromTarget", (e) => {
    if (e.sessionId) workers.delete(e.sessionId);
  });
  cdp.on("Target.receivedMessageFromTarget", (e) => {
    const m = JSON.parse(e.message) as { id?: number; result?: unknown };
    const done = m.id === undefined ? undefined : waiting.get(m.id);
    if (m.id !== undefined && done) {
      waiting.delete(m.id);
      done(m);
    }
  });
  // Not flattened: Playwright's session sends to a child session only this way.
  await cdp.send("Target.setAutoAttach", {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false,
  });
  const inWorker = (sessionId: string, method: string) =>
    new Promise<{ result?: unknown }>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      void cdp.send("Target.sendMessageToTarget", {
        sessionId,
        message: JSON.stringify({ id, method, params: {} }),
      });
    });
  const heaps = async (): Promise<HeapUsage[]> => [
    await cdp.send("Runtime.getHeapUsage"),
    ...(await Promise.all(
      [...workers].map(
        async (s) => (await inWorker(s, "Runtime.getHeapUsage")).result as HeapUsage,
      ),
    )),
  ];
  return {
    /** V8 heap used, and everything (V8 + Blink + ArrayBuffers), summed over page and workers. */
    async sample(): Promise<{ v8: number; all: number; isolates: number }> {
      const all = await heaps();
      return {
        v8: all.reduce((n, h) => n + h.usedSize, 0),
        all: all.reduce(
          (n, h) => n + h.usedSize + (h.embedderHeapUsedSize ?? 0) + (h.backingStorageSize ?? 0),
          0,
        ),
        isolates: all.length,
      };
    },
    /** A full garbage collection in the page and in every worker. */
    async collect(): Promise<void> {
      await cdp.send("HeapProfiler.collectGarbage");
      await Promise.all([...workers].map((s) => inWorker(s, "HeapProfiler.collectGarbage")));
    },
  };
}

describe("Export page in headless Chromium", () => {
  bench(
    `${(DOCS * 5).toLocaleString("en")} pairs across ${DOCS.toLocaleString("en")} documents to the pre-training corpus`,
    async () => {
      const server = await startPreview(PORT);
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
        const page = await browser.newPage();
        const heap = await heapProbe(await page.context().newCDPSession(page));
        await page.goto(server.url);
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

        // Garbage left by the restore and the preview is collected first, so the baseline is
        // what the page and the worker really hold before the export (a lower baseline can only
        // make the growth look larger).
        await heap.collect();
        const heap0 = await heap.sample();
        const heapPeak = { ...heap0 };
        const baseline = chromiumRssKB();
        let peak = baseline;
        let sampling = true;
        const samples = (async () => {
          while (sampling) {
            peak = Math.max(peak, chromiumRssKB());
            const h = await heap.sample();
            heapPeak.v8 = Math.max(heapPeak.v8, h.v8);
            heapPeak.all = Math.max(heapPeak.all, h.all);
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const start = performance.now();
        const [download] = await Promise.all([
          page.waitForEvent("download", { timeout: 120_000 + DOCS * 5 }),
          page.getByRole("button", { name: /^Export file/ }).click(),
        ]);
        const path = await download.path();
        const seconds = (performance.now() - start) / 1000;
        sampling = false;
        await samples;
        const outputMB = statSync(path).size / 1e6;
        const growthMB = (peak - baseline) / 1024;
        const v8MB = (heapPeak.v8 - heap0.v8) / 1e6;
        const allMB = (heapPeak.all - heap0.all) / 1e6;
        const times = (mb: number) => `${mb.toFixed(1)} MB = ${(mb / outputMB).toFixed(2)}x`;
        console.log(
          [
            `  click -> download ${seconds.toFixed(2)} s (budget 10 s); output ${outputMB.toFixed(1)} MB`,
            `  heap growth, page + ${heap0.isolates - 1} worker(s), peak of 100 ms samples (budget 2x the output):`,
            `    V8 heap used ${times(v8MB)}; V8 + Blink heaps + ArrayBuffers ${times(allMB)}`,
            `  Chromium process tree RSS grew ${times(growthMB)} (includes the finished Blob in the browser process)`,
            `  load average ${readFileSync("/proc/loadavg", "utf8").trim()}`,
          ].join("\n"),
        );
      } finally {
        await browser.close();
        server.stop();
      }
    },
    once,
  );
});
