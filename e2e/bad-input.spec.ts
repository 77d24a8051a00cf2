import { mkdtemp, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { Studio } from "./studio";

test("empty and whitespace-only documents are refused with a message", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await page.getByRole("button", { name: "Paste text" }).click();
  const dialog = page.getByRole("dialog", { name: "New document from text" });
  await dialog.getByLabel("Document text").fill("   \n\t  ");
  await dialog.getByRole("button", { name: "Add document" }).click();
  await expect(dialog.getByRole("alert")).toContainText("The document is empty");
});

test("binary, non-UTF-8 and oversized uploads are refused; good files still load", async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  const dir = await mkdtemp(join(tmpdir(), "ipt-e2e-"));
  const big = join(dir, "huge.txt");
  await writeFile(big, "");
  await truncate(big, 51 * 1024 * 1024);
  const files = {
    "image.png": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]),
    "latin1.txt": Buffer.from([0x63, 0x61, 0x66, 0xe9]),
    "notes.md": Buffer.from("# Notes\n\nPlain text survives."),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
  await page
    .getByLabel("Upload files")
    .setInputFiles([...Object.keys(files).map((n) => join(dir, n)), big]);
  await page
    .getByRole("dialog", { name: "Import files" })
    .getByRole("button", { name: /^Import/ })
    .click();
  const report = page.getByRole("dialog", { name: "Import report" });
  await expect(report.getByText("image.png looks like a binary file")).toBeVisible();
  await expect(report.getByText("latin1.txt is not valid UTF-8")).toBeVisible();
  await expect(report.getByText(/huge\.txt is 51\.0 MB; the limit is 50 MB/)).toBeVisible();
  await report.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("heading", { name: "notes" })).toBeVisible();
  await expect(page.getByText("Plain text survives.")).toBeVisible();
});

test("document text is shown as text, never as HTML", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument('<img src=x onerror="window.__pwned=1"><b>bold</b>', "Markup");
  await expect(page.getByText('<img src=x onerror="window.__pwned=1"><b>bold</b>')).toBeVisible();
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
});
