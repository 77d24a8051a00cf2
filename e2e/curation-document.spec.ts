import { expect, test, type Page } from "@playwright/test";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { Studio } from "./studio";
import { storedRows } from "./stored";

const TEXT =
  "Basalt forms when lava cools quickly at the surface of the Earth. " +
  "Granite forms when magma cools slowly deep underground, which gives it large crystals.";
const OUTPUT =
  "<QUE> How does granite form? <ANS> When magma cools slowly deep underground. </END>\n\n" +
  "<QUE> How does basalt form? <ANS> When lava cools quickly at the surface. </END>\n\n" +
  "<QUE> Which rock has large crystals? <ANS> Granite. </END>";
const REGENERATED =
  "<QUE> Where does lava cool to form basalt? <ANS> At the surface of the Earth. </END>\n\n" +
  "<QUE> Why does granite have large crystals? <ANS> Because magma cools slowly deep underground. </END>";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});
test.beforeEach(() => server.reset());

async function synthesized(studio: Studio, title: string): Promise<void> {
  await studio.open();
  await studio.pasteDocument(TEXT, title);
  await studio.connectServer(server.url, FIXTURE_MODEL);
  server.script([{ kind: "ok", output: OUTPUT }]);
  await studio.synthesizeButton().click();
  // Generous: the first run of a cold page on a busy machine takes a while.
  await expect(studio.pairs()).toHaveCount(3, { timeout: 30_000 });
}

/** The stored pairs, read straight from IndexedDB as the studio left them. */
function storedPairs(page: Page) {
  return storedRows<{
    id: string;
    question: string;
    answer: string;
    status: string;
    edited: boolean;
    origin: string;
    chunkId: string;
  }>(page, "pairs");
}

const documentText = (page: Page) => page.getByRole("article", { name: "Document text" });

test("Check that a grounded span is highlighted for the focused pair", async ({ page }) => {
  const studio = new Studio(page);
  await synthesized(studio, "Rocks");
  const marks = documentText(page).locator("mark");

  // The keyboard's current pair starts at pair 1: its evidence is marked.
  await expect(marks.filter({ hasText: "magma cools slowly deep underground" })).toBeVisible();
  await page.keyboard.press("j");
  await expect(studio.pair(2)).toBeFocused();
  await expect(marks.filter({ hasText: "lava cools quickly at the surface" })).toBeVisible();
  await expect(marks.filter({ hasText: "magma" })).toHaveCount(0);
  await expect(studio.pair(2)).toContainText("Grounded 100%");
  await expect(studio.pair(2)).toContainText("Free-form QA");

  // Hovering another pair shows its evidence instead.
  await studio.pair(1).hover();
  await expect(marks.filter({ hasText: "magma cools slowly" })).toBeVisible();

  // u resets a reviewed pair to pending.
  await page.keyboard.press("a");
  await expect(studio.pair(2)).toHaveAttribute("data-status", "accepted");
  await page.keyboard.press("u");
  await expect(studio.pair(2)).toHaveAttribute("data-status", "pending");
});

test("Regenerate a chunk against the fixture server, and check that edited and hand-written pairs survive 'replace'", async ({
  page,
}) => {
  const studio = new Studio(page);
  await synthesized(studio, "Regenerate");
  await studio.pair(3).getByRole("button", { name: "Edit" }).click();
  await studio.pair(3).getByLabel("Answer").fill("Granite, because it cools slowly.");
  await studio.pair(3).getByLabel("Answer").press("Control+Enter");
  await expect(studio.pair(3)).toContainText("edited");
  // A pair written by hand stays through "replace" too.
  await page.getByRole("button", { name: "Add a pair to chunk 1" }).click();
  const form = page.getByRole("form", { name: "Add a pair to chunk 1" });
  await form.getByLabel("New question").fill("What cools quickly?");
  await form.getByLabel("New answer").fill("Lava at the surface.");
  await form.getByRole("button", { name: "Add pair" }).click();
  await expect(studio.pairs()).toHaveCount(4);

  server.script([{ kind: "ok", output: REGENERATED }]);
  await page.getByRole("button", { name: "Regenerate chunk 1", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Regenerate chunk 1" });
  const current = dialog.getByRole("region", { name: "Current pairs (4)" });
  const fresh = dialog.getByRole("region", { name: "New pairs (2)" });
  await expect(fresh).toContainText("Where does lava cool to form basalt?");
  await expect(current).toContainText("How does granite form?");
  await expect(current.getByRole("listitem").filter({ hasText: "Kept (edited)" })).toContainText(
    "Granite, because it cools slowly.",
  );
  await expect(dialog).toContainText("pairs you edited, wrote by hand or accepted stay (2)");
  // The prompt is the chunk's first-round prompt.
  const sent = server.requests.filter((r) => r.path.endsWith("/completions")).at(-1)?.body;
  expect((sent as { prompt: string }).prompt).toContain(TEXT);

  await dialog.getByRole("button", { name: "Replace model pairs" }).click();
  await expect(dialog).toBeHidden();
  await expect(studio.pairs()).toHaveCount(4);

  const stored = await storedPairs(page);
  expect(stored.map((p) => p.question).sort()).toEqual(
    [
      "Which rock has large crystals?",
      "What cools quickly?",
      "Where does lava cool to form basalt?",
      "Why does granite have large crystals?",
    ].sort(),
  );
  expect(stored.find((p) => p.edited)?.answer).toBe("Granite, because it cools slowly.");
  expect(stored.find((p) => p.origin === "manual")?.question).toBe("What cools quickly?");
  expect(stored.filter((p) => !p.edited && p.origin !== "manual").length).toBe(2);

  // The whole regeneration is one undo step.
  await page.getByRole("button", { name: "Undo Regenerate chunk" }).click();
  await expect(studio.pairs()).toHaveCount(4);
  await expect(studio.pairs().filter({ hasText: "How does basalt form?" })).toHaveCount(1);
  await expect(studio.pairs().filter({ hasText: "Where does lava cool" })).toHaveCount(0);

  // "Append" keeps every pair and adds the new ones.
  server.script([{ kind: "ok", output: REGENERATED }]);
  await page.getByRole("button", { name: "Regenerate chunk 1", exact: true }).click();
  await expect(dialog.getByRole("region", { name: "New pairs (2)" })).toBeVisible();
  await dialog.getByRole("button", { name: "Append new pairs" }).click();
  await expect(dialog).toBeHidden();
  await expect(studio.pairs()).toHaveCount(6);
  expect((await storedPairs(page)).length).toBe(6);
});

test("a dead server during regenerate shows a clear error and changes nothing", async ({
  page,
}) => {
  const studio = new Studio(page);
  await synthesized(studio, "Dead server");
  // What the curator owns; the background quality keeper may score the pairs meanwhile.
  const curated = async () =>
    (await storedPairs(page)).map(({ id, question, answer, status, edited, origin, chunkId }) => ({
      id,
      question,
      answer,
      status,
      edited,
      origin,
      chunkId,
    }));
  const before = await curated();
  server.script([{ kind: "status", status: 401, body: '{"error":{"message":"bad key"}}' }]);
  await page.getByRole("button", { name: "Regenerate chunk 1", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Regenerate chunk 1" });
  await expect(dialog.getByRole("alert")).toContainText("Regeneration failed");
  await expect(dialog.getByRole("button", { name: "Replace model pairs" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(await curated()).toEqual(before);
});

test("add a pair by hand from a chunk", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument(TEXT, "By hand");
  await page.getByRole("button", { name: "Add a pair to chunk 1" }).click();
  const form = page.getByRole("form", { name: "Add a pair to chunk 1" });
  await form.getByLabel("New question").fill("What cools quickly?");
  await form.getByLabel("New answer").fill("Lava at the surface.");
  await form.getByRole("button", { name: "Add pair" }).click();
  await expect(form).toBeHidden();
  await expect(studio.pair(1)).toContainText("manual");
  await expect(studio.pair(1)).toHaveAttribute("data-status", "accepted");
});
