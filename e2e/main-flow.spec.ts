import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { readBlock } from "../src/core/tags";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { Studio } from "./studio";

const TEXT =
  "The mitochondrion is the powerhouse of the cell. It makes ATP through oxidative phosphorylation.";
const OUTPUT =
  "<QUE> What does the mitochondrion make? <ANS> ATP. </END>\n\n" +
  "<QUE> Through which process is ATP made? <ANS> Oxidative phosphorylation. </END>\n\n" +
  "<QUE> What is the mitochondrion called? <ANS> The powerhouse of the cell. </END>";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});
test.beforeEach(() => server.reset());

test("paste, synthesize, curate, reload and export", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument(TEXT, "Mitochondria");
  await expect(page.getByRole("heading", { name: "Mitochondria" })).toBeVisible();
  await expect(studio.synthesizeButton()).toBeDisabled();
  await expect(page.getByText("No engine is ready.")).toBeVisible();

  await studio.connectServer(server.url, FIXTURE_MODEL);
  server.script([{ kind: "ok", output: OUTPUT, chunkSize: 6, delayMs: 80 }]);
  await studio.synthesizeButton().click();
  // The raw stream is visible while it arrives, then the parsed pairs are stored.
  await expect(page.getByLabel("Raw model output")).toContainText("<QUE>");
  await expect(studio.pairs()).toHaveCount(3);
  await expect(studio.pair(1).getByTestId("pair-question")).toHaveText(
    "What does the mitochondrion make?",
  );

  // The prompt is exactly the synthesizer's input format, decoded greedily with 400 tokens.
  const sent = server.requests.find((r) => r.path.endsWith("/completions"))?.body as Record<
    string,
    unknown
  >;
  expect(sent).toMatchObject({
    model: FIXTURE_MODEL,
    prompt: readBlock(TEXT),
    max_tokens: 400,
    temperature: 0,
  });

  // Edit pair 1 inline, accept it, reject pair 2 by keyboard.
  await studio.pair(1).getByRole("button", { name: "Edit" }).click();
  await studio.pair(1).getByLabel("Answer").fill("ATP, the cell's energy currency.");
  await studio.pair(1).getByLabel("Answer").press("Control+Enter");
  await expect(studio.pair(1).getByTestId("pair-answer")).toHaveText(
    "ATP, the cell's energy currency.",
  );
  await page.keyboard.press("a");
  await page.keyboard.press("j");
  await page.keyboard.press("r");
  await expect(studio.pair(2)).toHaveAttribute("data-status", "rejected");
  await expect(studio.pair(1)).toHaveAttribute("data-status", "accepted");

  // Every shortcut is listed behind "?".
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toContainText("Accept the pair");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.reload();
  await expect(studio.pair(1).getByTestId("pair-answer")).toHaveText(
    "ATP, the cell's energy currency.",
  );
  await expect(studio.pair(1)).toContainText("edited");
  await expect(studio.pair(2)).toHaveAttribute("data-status", "rejected");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export JSONL" }).click(),
  ]);
  const path = await download.path();
  const lines = (await readFile(path, "utf8")).trim().split("\n");
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0] ?? "") as Record<string, unknown>;
  expect(record).toEqual({
    version: 1,
    title: "Mitochondria",
    text: TEXT,
    pairs: [
      {
        question: "What does the mitochondrion make?",
        answer: "ATP, the cell's energy currency.",
        status: "accepted",
      },
      {
        question: "Through which process is ATP made?",
        answer: "Oxidative phosphorylation.",
        status: "rejected",
      },
      {
        question: "What is the mitochondrion called?",
        answer: "The powerhouse of the cell.",
        status: "pending",
      },
    ],
  });
});

test("a draft edit survives a reload without pressing save", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument(TEXT, "Drafts");
  await studio.connectServer(server.url, FIXTURE_MODEL);
  server.script([{ kind: "ok", output: OUTPUT }]);
  await studio.synthesizeButton().click();
  await expect(studio.pairs()).toHaveCount(3);
  await studio.pair(2).getByRole("button", { name: "Edit" }).click();
  await studio.pair(2).getByLabel("Question").fill("How is ATP made?");
  // The debounced save lands while the editor stays open; the reload must find it.
  await expect
    .poll(async () =>
      page.evaluate(async () => {
        const req = indexedDB.open("ipt-studio");
        const db = await new Promise<IDBDatabase>((ok) => (req.onsuccess = () => ok(req.result)));
        const all = await new Promise<{ question: string }[]>((ok) => {
          const r = db.transaction("pairs").objectStore("pairs").getAll();
          r.onsuccess = () => ok(r.result as { question: string }[]);
        });
        db.close();
        return all.some((p) => p.question === "How is ATP made?");
      }),
    )
    .toBe(true);
  await page.reload();
  await expect(studio.pair(2).getByTestId("pair-question")).toHaveText("How is ATP made?");
});
