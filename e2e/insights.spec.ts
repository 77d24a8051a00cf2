import { expect, test, type Page } from "@playwright/test";
import type { PairRow } from "../src/core/rows";
import { stalePairs } from "./stored";

/*
 * The Insights page over a restored project whose pairs carry quality scores: the figures in
 * the table fallbacks match the seeded rows, and the page is photographed in light and dark.
 */

const PROJECT = "ins";
const TEXTS = [
  "Glaciers form where snow accumulates faster than it melts. Over centuries the snow compacts into ice. The ice flows downhill under its own weight.",
  "Rivers carry sediment to the sea. Deltas grow where a river slows down and drops its load. Floods spread fine silt across the plain.",
];

type Seed = Pick<PairRow, "status" | "taskType" | "quality" | "duplicate">;

const q = (
  taskType: NonNullable<PairRow["quality"]>["taskType"],
  grounding: number | null,
  flags: NonNullable<PairRow["quality"]>["flags"] = [],
) => ({ grounding, flags, taskType });

/** 20 pairs over four chunks: 5, 3, 0 (synthesized, nothing parsed) and 12; a fifth never ran. */
const SEEDS: { chunk: string; seed: Seed }[] = [
  ...(
    [
      { status: "accepted", quality: q("freeFormQa", 0.95) },
      { status: "accepted", quality: q("freeFormQa", 0.85) },
      { status: "rejected", quality: q("freeFormQa", 0.2, ["weakGrounding"]) },
      { status: "accepted", quality: q("multipleChoice", 1) },
      { status: "pending", quality: q("yesNo", null, ["shortAnswer"]) },
    ] as Seed[]
  ).map((seed) => ({ chunk: "c0", seed })),
  ...(
    [
      { status: "accepted", quality: q("chainOfThought", 0.7) },
      { status: "accepted", quality: q("freeFormQa", 0.9), taskType: "extraction" },
      { status: "pending" },
    ] as Seed[]
  ).map((seed) => ({ chunk: "c1", seed })),
  ...(
    [
      { status: "accepted", quality: q("freeFormQa", 0.8) },
      { status: "accepted", quality: q("freeFormQa", 0.75) },
      {
        status: "rejected",
        quality: q("freeFormQa", 0.6),
        duplicate: { kind: "duplicate", group: "g1" },
      },
      {
        status: "rejected",
        quality: q("freeFormQa", 0.6),
        duplicate: { kind: "duplicate", group: "g1" },
      },
      { status: "accepted", quality: q("freeFormQa", 0.55) },
      { status: "pending", quality: q("multipleChoice", 0.65) },
      { status: "pending", quality: q("multipleChoice", 0.45) },
      { status: "accepted", quality: q("multipleChoice", 0.92) },
      { status: "rejected", quality: q("yesNo", 0.1, ["weakGrounding"]) },
      { status: "pending", quality: q("yesNo", 0.3) },
      { status: "accepted", quality: q("chainOfThought", 0.88) },
      { status: "pending" },
    ] as Seed[]
  ).map((seed) => ({ chunk: "c3", seed })),
];

const chunkDoc: Record<string, { doc: string; index: number; start: number; end: number }> = {
  c0: { doc: "d0", index: 0, start: 0, end: 56 },
  c1: { doc: "d0", index: 1, start: 56, end: TEXTS[0]?.length ?? 0 },
  c2: { doc: "d1", index: 0, start: 0, end: 35 },
  c3: { doc: "d1", index: 1, start: 35, end: 96 },
  c4: { doc: "d1", index: 2, start: 96, end: TEXTS[1]?.length ?? 0 },
};

const questionOf = (i: number) => `Seeded question number ${i} about the landscape?`;

function backup(): Buffer {
  const documents = TEXTS.map((text, i) => ({
    id: `d${i}`,
    projectId: PROJECT,
    title: i === 0 ? "Glaciers" : "Rivers",
    source: { kind: "paste" },
    text,
    contentHash: "restored-recomputes-it",
    createdAt: i,
    updatedAt: i,
  }));
  const chunks = Object.entries(chunkDoc).map(([id, c]) => ({
    id,
    projectId: PROJECT,
    documentId: c.doc,
    index: c.index,
    start: c.start,
    end: c.end,
    tokens: 20,
    budgetMode: "words",
  }));
  const results = ["c0", "c1", "c2", "c3"].map((chunkId) => ({
    id: `r-${chunkId}`,
    projectId: PROJECT,
    documentId: chunkDoc[chunkId]?.doc,
    chunkId,
    prompt: "p",
    rawOutput: "",
    finishReason: "stop",
    engineId: "fixture",
    modelId: "fixture-model",
    settings: { maxTokens: 400, temperature: 0 },
    state: "done",
    startedAt: 1,
    finishedAt: 2,
  }));
  const pairs = SEEDS.map(({ chunk, seed }, i) => ({
    id: `p${i}`,
    projectId: PROJECT,
    documentId: chunkDoc[chunk]?.doc,
    chunkId: chunk,
    resultId: `r-${chunk}`,
    index: i,
    question: questionOf(i),
    answer: `Answer ${i} in a few words.`,
    edited: false,
    origin: "model",
    createdAt: i,
    updatedAt: i,
    ...seed,
  }));
  return Buffer.from(
    JSON.stringify({
      format: "ipt-studio.backup",
      version: 2,
      exportedAt: "2026-01-01T00:00:00.000Z",
      app: { name: "IPT Studio", version: "e2e" },
      project: { id: PROJECT, name: "Landscapes", createdAt: 0, updatedAt: 0 },
      documents,
      chunks,
      results,
      pairs,
      jobs: [],
      tasks: [],
      settings: [],
    }),
  );
}

/**
 * Writes the seeded quality fields onto the restored pairs (matched by question), once the
 * studio's own quality keeper has finished with the project: it scores the restored pairs that
 * have no scores and marks the (similar) seeded questions as near-duplicates, which would change
 * the expected figures. After it is idle it writes nothing until pairs change again.
 */
async function scoreAsSeeded(page: Page): Promise<void> {
  const status = page.getByTestId("quality-status");
  await expect(status).toHaveAttribute("data-indexed", "20", { timeout: 20_000 });
  await expect(status).toHaveAttribute("data-phase", "idle", { timeout: 20_000 });
  await expect.poll(() => stalePairs(page), { timeout: 20_000 }).toBe(0);
  await expect(status).toHaveAttribute("data-phase", "idle");
  const byQuestion = Object.fromEntries(SEEDS.map(({ seed }, i) => [questionOf(i), seed]));
  await page.evaluate(async (seeds) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("ipt-studio");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("open failed"));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(["pairs", "marks"], "readwrite");
      const store = tx.objectStore("pairs");
      const marks = tx.objectStore("marks");
      const cursor = store.openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        const row = c.value as Record<string, unknown>;
        const seed = seeds[row.question as string];
        if (seed) {
          const { duplicate, ...rest } = seed;
          for (const k of ["quality", "taskType", "stale"]) delete row[k];
          Object.assign(row, rest, { updatedAt: Date.now() + 60_000 });
          c.update(row);
          // Duplicate marks have a table of their own; this replaces the keeper's.
          marks.put({
            id: row.id,
            projectId: row.projectId,
            duplicate: duplicate ?? null,
            at: Date.now() + 60_000,
          });
        }
        c.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error("write failed"));
    });
    db.close();
  }, byQuestion);
}

const nav = (page: Page) => page.getByRole("navigation", { name: "Pages" });

test("insights chart a project's pairs, with tables and the paper's figures", async ({ page }) => {
  // Tall enough that the whole page fits in one picture.
  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.goto("/");
  await nav(page).getByRole("button", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { name: "No pairs yet" })).toBeVisible();

  await nav(page).getByRole("button", { name: "Export" }).click();
  await page.getByLabel("Restore as a new project…").setInputFiles({
    name: "landscapes.ipt-backup.json",
    mimeType: "application/json",
    buffer: backup(),
  });
  await expect(page.getByText(/Restored 2 documents and 20 pairs/)).toBeVisible();
  await scoreAsSeeded(page);

  await nav(page).getByRole("button", { name: "Insights" }).click();
  const totals = page.getByRole("definition");
  await expect(page.getByLabel("Totals")).toBeVisible();
  const stat = (label: string) =>
    page.getByLabel("Totals").locator("div").filter({ hasText: label }).getByRole("definition");
  await expect(stat("Pairs")).toHaveText("20");
  await expect(stat("Accepted")).toHaveText("10");
  await expect(stat("Rejected")).toHaveText("4");
  await expect(stat("Pending")).toHaveText("6");
  await expect(stat("Chunks")).toHaveText("5");
  await expect(stat("Not scored yet")).toHaveText("2");
  expect(await totals.count()).toBe(6);
  await expect(
    page.getByRole("status").filter({ hasText: "2 of 20 pairs are not scored yet" }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Dismiss" }).click();
  await page.getByRole("button", { name: /Theme/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  // Buttons fade their colours; wait for the dark background before the picture.
  await expect(page.getByRole("button", { name: "Refresh" })).toHaveCSS(
    "background-color",
    "oklch(0.205 0 none)",
  );

  // Task types: the chart summarizes itself, and its table has the exact counts.
  const types = page.getByRole("region", { name: "Task types" });
  // Its bars are links to their pairs, so it is a group of links rather than an image.
  await expect(types.getByRole("group").first()).toHaveAttribute(
    "aria-label",
    /^5 of 13 task types present; the most common is Free-form QA with 40% of pairs; 2 pairs are not scored yet\.$/,
  );
  await expect(types.getByRole("link", { name: /^Free-form QA: 8 · 40%\./ })).toHaveAttribute(
    "href",
    "/?view=pairs&type=freeFormQa",
  );
  await expect(types.getByText("5 of 13 types present")).toBeVisible();
  await types.getByText("Show as table").click();
  const typeRow = (name: string) => types.getByRole("row", { name: new RegExp(`^${name} `) });
  await expect(typeRow("Free-form QA")).toHaveText(/Free-form QA\s*8\s*40%/);
  await expect(typeRow("Multiple choice")).toHaveText(/Multiple choice\s*4\s*20%/);
  await expect(typeRow("Yes/no")).toHaveText(/Yes\/no\s*3\s*15%/);
  await expect(typeRow("Chain of thought")).toHaveText(/Chain of thought\s*2\s*10%/);
  await expect(typeRow("Extraction")).toHaveText(/Extraction\s*1\s*5.0%/);
  await expect(typeRow("Not scored yet")).toHaveText(/Not scored yet\s*2\s*10%/);
  await expect(typeRow("Code")).toHaveText(/Code\s*0\s*0%/);

  // Pairs per chunk: 5, 3, 0 and 12 pairs; the chunk never synthesized is left out.
  const perChunk = page.getByRole("region", { name: "Pairs per chunk" });
  await expect(perChunk.getByText("mean 5.0 per chunk")).toBeVisible();
  await expect(perChunk.getByText("About 5 pairs per text (here, per chunk).")).toBeVisible();
  await expect(perChunk.getByText("1 of 5 chunks are not synthesized yet")).toBeVisible();
  await perChunk.getByText("Show as table").click();
  for (const [pairs, chunks] of [
    ["0", 1],
    ["3", 1],
    ["5", 1],
    ["10+", 1],
    ["1", 0],
  ] as const) {
    await expect(
      perChunk.getByRole("row", { name: `${pairs} ${chunks}`, exact: true }),
    ).toBeVisible();
  }

  // Grounding over the 18 scored pairs: 17 with a value (13 at 0.5 or more), 1 without.
  const grounding = page.getByRole("region", { name: "Grounding" });
  await expect(grounding.getByText("76% at 0.5 or more")).toBeVisible();
  await expect(
    grounding.getByText(/92\.9% general, 99\.4% biomedicine, 85\.8% finance/),
  ).toBeVisible();
  await grounding.getByText("Show as table").click();
  await expect(grounding.getByRole("row", { name: "No content words 1" })).toBeVisible();
  await expect(grounding.getByRole("row", { name: "0.9–1 4" })).toBeVisible();

  // Flags: 2 weakly grounded, 2 duplicates, 1 without words, of 18 scored.
  const flags = page.getByRole("region", { name: "Flags" });
  await expect(flags.getByText("28% of scored pairs flagged")).toBeVisible();
  await flags.getByText("Show as table").click();
  await expect(flags.getByRole("row", { name: /^Weakly grounded 2 11% / })).toBeVisible();
  await expect(flags.getByRole("row", { name: /^Duplicate 2 11% / })).toBeVisible();

  // Acceptance: 10 of 14 reviewed; the paper's 77.5% beside it.
  const acceptance = page.getByRole("region", { name: "Acceptance by task type" });
  await expect(acceptance.getByText("71% accepted of 14 reviewed")).toBeVisible();
  await expect(
    acceptance.getByText(/77\.5% general, 86\.2% biomedicine, 69\.8% finance/),
  ).toBeVisible();
  await acceptance.getByText("Show as table").click();
  await expect(acceptance.getByRole("row", { name: "Free-form QA 5 3 0 63%" })).toBeVisible();

  const tokens = page.getByRole("region", { name: "Tokens per pair (estimate)" });
  await expect(tokens.getByText("About 52 tokens per pair.")).toBeVisible();
  // "<QUE> Seeded question number N about the landscape? <ANS> Answer N in a few words. </END>"
  await expect(tokens.getByText("mean ≈ 24.0 tokens")).toBeVisible();

  // A bar opens its pairs in the Pairs table, filtered; Back returns to the charts.
  await flags.getByRole("link", { name: /^Duplicate: 2 · 11%\./ }).click();
  await expect(page).toHaveURL(/[?&]view=pairs&flag=duplicate$/);
  await expect(page.getByText(/^2 of \d+ pairs match/)).toBeVisible();
  await page.goBack();
  await expect(flags).toBeVisible();
});
