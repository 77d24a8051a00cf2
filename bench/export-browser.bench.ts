// The Export page in headless Chromium: restore a 20,000-document project with 100,000 pairs,
// export the pre-training corpus through the worker, and time click -> download. The page reads
// the project from IndexedDB while exporting, so the time includes reading it.
//
// The export runs twice. The first is timed with nothing observing the browser. The second is
// observed, memory two ways, from just before the click (after a full garbage collection) until
// the download:
// - heap: the JavaScript heaps of the page and of its workers (the export worker among them),
//   read over the DevTools protocol (Runtime.getHeapUsage): V8's heap plus Blink's heap and
//   ArrayBuffer backing stores. Sampled every 0.1 s as they are (used memory, counting garbage
//   not yet collected), and every 0.5 s after a full collection in every isolate (what the
//   export holds alive). The budget (2x the output) is judged on the second: the first is
//   mostly short-lived garbage whose amount is V8's choice (a young generation of several MB
//   per busy isolate), whatever the export holds.
// - RSS: the summed resident memory of this benchmark's own Chromium process tree (browser,
//   renderer, GPU and utility processes). It also counts the finished file, which the browser
//   process holds as a Blob, Blob data the export keeps outside the heap, and memory the
//   allocators keep after a collection.
// Needs the app built (npm run bench; E2E_DIST serves another build folder).
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { chromium, type BrowserContext } from "@playwright/test";
import { bench, describe } from "vitest";
import { stalePairs } from "../e2e/stored";
import { curationBackup } from "./curation-data";
import { startPreview } from "./preview";
import { plural } from "../src/core/plural";

const PORT = 4319;
/** The project's size: EXPORT_BENCH_DOCS documents with 5 pairs each (20,000 by default). */
const DOCS = Number(process.env.EXPORT_BENCH_DOCS ?? 20_000);
const once = { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 };

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
        await page
          .getByLabel("Restore as a new project…")
          .setInputFiles(
            curationBackup({ docs: DOCS, pairsPerDoc: 5, scored: true, status: "accepted" }),
          );
        await page
          .getByText(`Restored ${plural(DOCS, "document")} and ${plural(DOCS * 5, "pair")}`)
          .waitFor({ timeout: 180_000 + DOCS * 10 });
        // A curated project has been scored long before it is exported: let the background
        // keeper finish indexing the restored questions so it does not share the measurement.
        const status = page.getByTestId("quality-status");
        while (
          Number(await status.getAttribute("data-indexed")) < DOCS * 5 ||
          (await stalePairs(page)) > 0 ||
          (await status.getAttribute("data-phase")) !== "idle"
        ) {
          await page.waitForTimeout(200);
        }
        await nav.getByRole("button", { name: "Export" }).click();
        await page
          .getByRole("table", { name: "Mix counts" })
          .waitFor({ timeout: 120_000 + DOCS * 5 });

        const exportOnce = async () => {
          const start = performance.now();
          const [download] = await Promise.all([
            page.waitForEvent("download", { timeout: 120_000 + DOCS * 5 }),
            page.getByRole("button", { name: /^Export file/ }).click(),
          ]);
          const path = await download.path();
          return { seconds: (performance.now() - start) / 1000, bytes: statSync(path).size };
        };

        // 1. Time: the export with nothing observing the browser (the memory probes below
        // interrupt every isolate ten times a second and slow it down).
        const timed = await exportOnce();

        // 2. Memory: the same export again, sampled. Garbage left by the restore, the preview
        // and the first export is collected first, so the baseline is what the page and the
        // workers really hold (a lower baseline can only make the growth look larger).
        await heap.collect();
        const heap0 = await heap.sample();
        const heapPeak = { ...heap0 };
        let livePeak = heap0.all;
        const baseline = chromiumRssKB();
        let peak = baseline;
        let sampling = true;
        const samples = (async () => {
          for (let n = 1; sampling; n++) {
            peak = Math.max(peak, chromiumRssKB());
            const h = await heap.sample();
            heapPeak.v8 = Math.max(heapPeak.v8, h.v8);
            heapPeak.all = Math.max(heapPeak.all, h.all);
            // Every half second, what the heaps hold once garbage is collected: the data the
            // export keeps alive, without the short-lived garbage V8 collects when it chooses.
            if (n % 5 === 0) {
              await heap.collect();
              livePeak = Math.max(livePeak, (await heap.sample()).all);
            }
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const observed = await exportOnce();
        sampling = false;
        await samples;
        const outputMB = timed.bytes / 1e6;
        const growthMB = (peak - baseline) / 1024;
        const v8MB = (heapPeak.v8 - heap0.v8) / 1e6;
        const allMB = (heapPeak.all - heap0.all) / 1e6;
        const liveMB = (livePeak - heap0.all) / 1e6;
        const times = (mb: number) => `${mb.toFixed(1)} MB = ${(mb / outputMB).toFixed(2)}x`;
        console.log(
          [
            `  click -> download ${timed.seconds.toFixed(2)} s (budget 10 s -> ratio ${(timed.seconds / 10).toFixed(2)}); output ${outputMB.toFixed(1)} MB`,
            `  again with the memory probes: ${observed.seconds.toFixed(2)} s, ${(observed.bytes / 1e6).toFixed(1)} MB`,
            `  heap growth, page + ${heap0.isolates - 1} worker(s), V8 + Blink heaps + ArrayBuffers (budget 2x the output):`,
            `    held after a full collection, peak of samples every 0.5 s: ${times(liveMB)}`,
            `    used including garbage, peak of samples every 0.1 s: ${times(allMB)} (V8 heap alone ${times(v8MB)})`,
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
