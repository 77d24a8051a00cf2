import { expect, test, type Page } from "@playwright/test";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { Studio } from "./studio";

// Batch synthesis through the persisted queue against the scripted server. Each unscripted
// request is answered with two pairs about the text it reads.
const DOCS = [
  "Basalt forms when lava cools quickly at the surface.",
  "Granite forms when magma cools slowly deep underground.",
  "Obsidian is volcanic glass that cools too fast for crystals.",
  "Pumice traps gas bubbles and can float on water.",
  "Sandstone is made of cemented grains of sand.",
  "Marble forms when limestone is heated and pressed.",
];

let server: FixtureServer;
test.beforeEach(async () => {
  server = await startFixtureServer();
});
test.afterEach(async () => {
  await server.close();
});

async function setUp(page: Page, docs = DOCS): Promise<Studio> {
  const studio = new Studio(page);
  await studio.open();
  for (const [i, text] of docs.entries()) await studio.pasteDocument(text, `Rock ${i + 1}`);
  await studio.connectServer(server.url, FIXTURE_MODEL);
  return studio;
}

const completions = () => server.requests.filter((r) => r.path.endsWith("/completions"));

test("a reload mid-run resumes the batch: one result per chunk, every scripted pair", async ({
  page,
}) => {
  const studio = await setUp(page);
  await studio.setJobSettings({ "Chunks at once": "2" });
  // Slow enough that the reload surely lands mid-run: the progress bar is re-read at most
  // twice a second, so it may lag the queue by a chunk.
  server.setLatency(1500);
  await studio
    .batch()
    .getByRole("button", { name: /Synthesize all pending \(6 chunks\)/ })
    .click();
  const progress = studio.batch().getByTestId("job-progress");
  await expect(progress).toContainText(/[1-4] \/ 6 chunks/, { timeout: 15_000 });
  await page.reload();

  await expect(page.getByText(/interrupted by the reload/)).toBeVisible();
  await expect(studio.batch().getByText("Every chunk is synthesized.")).toBeVisible({
    timeout: 30_000,
  });
  const stored = await studio.storedCounts();
  expect(stored.chunks).toBe(6);
  expect(stored.resultsPerChunk).toEqual([1, 1, 1, 1, 1, 1]);
  expect(stored.pairs).toBe(12);
});

test("a dead server fails chunks with a reason and pauses; Resume finishes once it is back", async ({
  page,
}) => {
  const studio = await setUp(page);
  await studio.setJobSettings({ "Chunks at once": "1" });
  server.setLatency(300);
  const port = server.port;
  await studio
    .batch()
    .getByRole("button", { name: /Synthesize all pending/ })
    .click();
  const progress = studio.batch().getByTestId("job-progress");
  await expect(progress).toContainText(/[12] \/ 6 chunks/, { timeout: 15_000 });
  await server.close();

  await expect(progress).toContainText(/Paused: 3 chunks failed in a row/, { timeout: 60_000 });
  await expect(progress).toContainText(/not running|reach|CORS/i);

  server = await startFixtureServer({ port });
  await progress.getByRole("button", { name: "Resume" }).click();
  await expect(studio.batch().getByText("Every chunk is synthesized.")).toBeVisible({
    timeout: 30_000,
  });
  const stored = await studio.storedCounts();
  expect(stored.resultsPerChunk).toEqual([1, 1, 1, 1, 1, 1]);
  expect(stored.pairs).toBe(12);
});

test("two rounds: the second round's prompts carry the first round's demonstrations", async ({
  page,
}) => {
  const studio = await setUp(page, DOCS.slice(0, 4));
  await studio.setJobSettings({ Rounds: "2", "Chunks at once": "1" });
  await expect(studio.batch().getByTestId("job-settings")).toContainText("2 rounds");
  await studio
    .batch()
    .getByRole("button", { name: /Synthesize all pending \(4 chunks\)/ })
    .click();
  await expect(studio.batch().getByText("Every chunk is synthesized.")).toBeVisible({
    timeout: 30_000,
  });
  const prompts = completions().map((r) => String((r.body as { prompt?: string }).prompt));
  expect(prompts).toHaveLength(4);
  // Round 1 reads texts 1-2 alone; round 2 puts text i and its pairs in front of text i+2.
  expect(prompts[0]).toBe(`<s> <CON> ${DOCS[0]} </CON>\n\n`);
  expect(prompts[1]).toBe(`<s> <CON> ${DOCS[1]} </CON>\n\n`);
  for (const [i, prompt] of prompts.slice(2).entries()) {
    expect(prompt.startsWith(`<s> <CON> ${DOCS[i]} </CON>\n\n<QUE> What is the text about?`)).toBe(
      true,
    );
    expect(prompt.endsWith(`<CON> ${DOCS[i + 2]} </CON>\n\n`)).toBe(true);
  }
  // The chained chunk says how it was synthesized.
  await page.getByRole("complementary", { name: "Documents" }).getByText("Rock 3").click();
  await expect(page.getByRole("article", { name: "Document text" })).toContainText(
    "synthesized with 1 demonstration",
  );
});

test("an output with no parsable pair is kept and flagged, never dropped", async ({ page }) => {
  const studio = await setUp(page, DOCS.slice(0, 1));
  server.script([{ kind: "ok", output: "Sorry, I have no questions about this text." }]);
  await studio.synthesizeButton().click();
  const flag = page.getByTestId("no-pairs");
  await expect(flag).toContainText("No parsable pair in the output");
  await flag.click();
  await expect(flag).toContainText("Sorry, I have no questions about this text.");
  expect((await studio.storedCounts()).resultsPerChunk).toEqual([1]);
});

test("a selection queues only its documents: a Shift-click range, then all matching the filter", async ({
  page,
}) => {
  const studio = await setUp(page, DOCS.slice(0, 4));
  const batch = studio.batch();
  await studio.tickDocument("Rock 2");
  await studio.tickDocument("Rock 3", { range: true });
  await expect(studio.sidebar().getByTestId("selected-count")).toHaveText("2 selected");
  await batch.getByRole("button", { name: "Synthesize selected (2 chunks)" }).click();
  // The other two stay pending.
  await expect(
    batch.getByRole("button", { name: /Synthesize all pending \(2 chunks\)/ }),
  ).toBeVisible({
    timeout: 30_000,
  });
  expect(await studio.storedResultsByTitle()).toEqual({
    "Rock 1": 0,
    "Rock 2": 1,
    "Rock 3": 1,
    "Rock 4": 0,
  });
  const prompts = completions().map((r) => String((r.body as { prompt?: string }).prompt));
  expect(prompts).toHaveLength(2);
  expect(prompts.some((p) => p.includes(DOCS[1] ?? "?"))).toBe(true);
  expect(prompts.some((p) => p.includes(DOCS[2] ?? "?"))).toBe(true);

  // Adding the documents matching a filter: only the one not yet synthesized is pending.
  await studio.sidebar().getByLabel("Filter documents").fill("Rock 4");
  await studio.sidebar().getByRole("button", { name: "Select all 1 matching" }).click();
  await expect(studio.sidebar().getByTestId("selected-count")).toHaveText("3 selected");
  await expect(batch.getByRole("button", { name: "Synthesize selected (1 chunks)" })).toBeEnabled();
});
