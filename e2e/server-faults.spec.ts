import { expect, test } from "@playwright/test";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { Studio } from "./studio";

const TEXT = "Basalt forms when lava cools quickly at the surface of the Earth.";
const OUTPUT =
  "<QUE> How does basalt form? <ANS> When lava cools quickly at the surface. </END>\n\n" +
  "<QUE> Where does the lava cool? <ANS> At the surface of the Earth. </END>";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

async function ready(studio: Studio, title: string) {
  server.reset();
  await studio.open();
  await studio.pasteDocument(TEXT, title);
  await studio.connectServer(server.url, FIXTURE_MODEL);
}

test("a 500 is retried visibly, then the run succeeds", async ({ page }) => {
  const studio = new Studio(page);
  await ready(studio, "Retry");
  server.script([
    { kind: "status", status: 500, body: '{"error":{"message":"engine warming up"}}' },
    { kind: "ok", output: OUTPUT },
  ]);
  await studio.synthesizeButton().click();
  await expect(page.getByRole("status").filter({ hasText: "Retrying: attempt 2" })).toBeVisible();
  await expect(studio.pairs()).toHaveCount(2);
  expect(server.requests.filter((r) => r.path.endsWith("/completions"))).toHaveLength(2);
});

test("a malformed stream gives a clear error and loses nothing", async ({ page }) => {
  const studio = new Studio(page);
  await ready(studio, "Malformed");
  // The queue retries a failed chunk once on its own, so it takes two failures to stop.
  server.script([{ kind: "malformed" }, { kind: "malformed" }]);
  await studio.synthesizeButton().click();
  const callout = page.getByRole("region", { name: "Synthesis" }).getByRole("alert");
  await expect(callout).toContainText("Synthesis failed");
  expect(server.requests.filter((r) => r.path.endsWith("/completions"))).toHaveLength(2);
  await expect(callout).toContainText(/malformed|could not be read|not valid/i);
  await expect(page.getByRole("heading", { name: "Malformed" })).toBeVisible();
  // Retry from the error succeeds.
  server.script([{ kind: "ok", output: OUTPUT }]);
  await callout.getByRole("button", { name: "Retry" }).click();
  await expect(studio.pairs()).toHaveCount(2);
});

test("an engine that dies mid-stream keeps the partial output, marked incomplete, and can be retried", async ({
  page,
}) => {
  const studio = new Studio(page);
  await ready(studio, "Dropped");
  const cut = OUTPUT.indexOf("<QUE> Where");
  const drop = { kind: "drop", output: OUTPUT, afterChars: cut + 10 } as const;
  // Every attempt drops: the engine may retry a reset connection itself (timing decides) and
  // the queue retries the chunk once, so script more drops than attempts can take.
  server.script(Array.from({ length: 10 }, () => drop));
  await studio.synthesizeButton().click();
  const callout = page.getByRole("region", { name: "Synthesis" }).getByRole("alert");
  await expect(callout).toContainText("Synthesis incomplete");
  // The finished first pair was kept from the partial output.
  await expect(studio.pairs()).toHaveCount(1);
  await page.getByText(/Last run incomplete/).click();
  await expect(page.getByLabel("Last raw output")).toContainText("<QUE> Wher");
  await expect(page.getByRole("complementary", { name: "Documents" })).toContainText("incomplete");

  server.reset(); // drop the unused scripted failures
  server.script([{ kind: "ok", output: OUTPUT }]);
  await callout.getByRole("button", { name: "Retry" }).click();
  // The untouched partial pair is replaced, not duplicated.
  await expect(studio.pairs()).toHaveCount(2);
  await expect(page.getByRole("complementary", { name: "Documents" })).toContainText("done");
});

test("a reload during synthesis keeps the document and saved pairs, and the run resumes", async ({
  page,
}) => {
  const studio = new Studio(page);
  await ready(studio, "Reloaded");
  server.script([{ kind: "ok", output: OUTPUT }]);
  await studio.synthesizeButton().click();
  await expect(studio.pairs()).toHaveCount(2);
  await studio.pair(1).getByRole("button", { name: "Accept" }).click();

  // A slow second run, interrupted by a reload once partial output has been saved.
  server.script([{ kind: "ok", output: OUTPUT, chunkSize: 4, delayMs: 150 }]);
  await studio.synthesizeButton().click();
  await expect(page.getByLabel("Raw model output")).toContainText("lava cools", {
    timeout: 15_000,
  });
  // Two answers: a request the page starts while it unloads may take the first one, and the
  // resumed run must still get this output.
  server.script([
    { kind: "ok", output: OUTPUT },
    { kind: "ok", output: OUTPUT },
  ]);
  await page.reload();

  await expect(page.getByText(/interrupted by the reload/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reloaded" })).toBeVisible();
  await expect(studio.pair(1)).toHaveAttribute("data-status", "accepted");
  // The interrupted run resumes by itself: the first run's 2 pairs plus the new run's 2, and
  // no leftover from the interrupted attempt.
  await expect(studio.pairs()).toHaveCount(4);
  await page.getByText(/Last run finished/).click();
  await expect(page.getByLabel("Last raw output")).toContainText("Where does the lava cool?");
});

test("Stop ends the stream and keeps what was written", async ({ page }) => {
  const studio = new Studio(page);
  await ready(studio, "Stopped");
  server.script([{ kind: "ok", output: OUTPUT, chunkSize: 4, delayMs: 120 }]);
  await studio.synthesizeButton().click();
  await expect(page.getByLabel("Raw model output")).toContainText(
    "quickly at the surface. </END>",
    {
      timeout: 15_000,
    },
  );
  await page.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(studio.synthesizeButton()).toBeEnabled();
  await expect(studio.pairs()).toHaveCount(1);
  await expect(page.getByText(/Last run incomplete .* finish: abort/)).toBeVisible();
});

test("a dead endpoint gives an actionable message", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument(TEXT, "Dead");
  await studio.connectServer("http://127.0.0.1:9/v1", FIXTURE_MODEL);
  await studio.synthesizeButton().click();
  const callout = page.getByRole("region", { name: "Synthesis" }).getByRole("alert");
  await expect(callout).toContainText(/CORS|not running|reach/i, { timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Dead" })).toBeVisible();
});
