import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { Studio } from "./studio";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

test("output of ipt synthesize imports into the studio for curation", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "ipt-e2e-"));
  const docs = join(dir, "docs.jsonl");
  const out = join(dir, "collections.jsonl");
  writeFileSync(
    docs,
    [
      { text: "Glaciers carve valleys as they move downhill." },
      { text: "Bees communicate the location of flowers by dancing." },
    ]
      .map((d) => JSON.stringify(d))
      .join("\n") + "\n",
  );
  server.script([
    { kind: "ok", output: "<QUE> What do glaciers carve? <ANS> Valleys. </END>" },
    { kind: "ok", output: "<QUE> How do bees communicate? <ANS> By dancing. </END>" },
  ]);
  // The real command, as a user runs it (asynchronously: the fixture server shares this process).
  await promisify(execFile)(process.execPath, [
    "src/cli/bin/ipt.mjs",
    "synthesize",
    "--input",
    docs,
    "--output",
    out,
    "--endpoint",
    server.url,
    "--model",
    FIXTURE_MODEL,
    "--concurrency",
    "1",
  ]);

  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument("An existing document stays.", "Existing");
  await page.getByLabel("Import collections JSONL from the ipt command").setInputFiles(out);
  await expect(
    page.getByText("Imported 2 documents with their pairs from collections.jsonl."),
  ).toBeVisible();
  const sidebar = page.getByRole("complementary", { name: "Documents" });
  await expect(sidebar.getByRole("button", { name: "Existing" })).toBeVisible();
  await sidebar.getByRole("button", { name: /^Bees communicate/ }).click();
  await expect(studio.pair(1).getByTestId("pair-question")).toHaveText("How do bees communicate?");
  await expect(studio.pair(1)).toHaveAttribute("data-status", "pending");

  // A corrupt file is refused with its line number and changes nothing.
  const bad = join(dir, "bad.jsonl");
  writeFileSync(bad, '{"entries":[]}\n{"entries":[{"text":"x"}]}\n');
  await page.getByLabel("Import collections JSONL from the ipt command").setInputFiles(bad);
  await expect(page.getByText(/bad\.jsonl line 2: .*Nothing was imported\./)).toBeVisible();
  await expect(sidebar.getByRole("listitem")).toHaveCount(3);
});
