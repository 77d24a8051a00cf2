import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { writeMixed } from "./files/mixed";
import { storedRows } from "./stored";
import { Studio } from "./studio";

const TOKENIZER = fileURLToPath(
  new URL("../src/engine/webllm/testdata/bos-tokenizer.json", import.meta.url),
);

/** The number of documents stored in this browser's database. */
function storedDocuments(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open("ipt-studio");
        open.onerror = () => reject(new Error(open.error?.message));
        open.onsuccess = () => {
          const count = open.result.transaction("documents").objectStore("documents").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => reject(new Error(count.error?.message));
        };
      }),
  );
}

const reportRows = (page: Page) =>
  page
    .getByRole("dialog", { name: "Import report" })
    .getByRole("list", { name: "Import report" })
    .locator(":scope > li");

const tmp = (prefix: string) => mkdtemp(join(tmpdir(), prefix));

/** Uploads one file and starts its import with the default choices. */
async function importOne(page: Page, path: string): Promise<void> {
  await page.getByLabel("Upload files").setInputFiles(path);
  await page
    .getByRole("dialog", { name: "Import files" })
    .getByRole("button", { name: "Import 1 file" })
    .click();
}

test("mixed import", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  const paths = await writeMixed(await tmp("ipt-mixed-"));
  expect(paths).toHaveLength(20);
  await page.getByLabel("Upload files").setInputFiles(paths);

  const setup = page.getByRole("dialog", { name: "Import files" });
  await expect(
    setup.getByRole("list", { name: "Files to import" }).getByRole("listitem"),
  ).toHaveCount(20);
  // Record files list their fields; "text" is taken by default, the others are picked here.
  const wrapped = setup.getByLabel("Field with the text in wrapped.json");
  await expect(wrapped.locator("option")).toHaveText(["Pick one…", "id", "body"]);
  await wrapped.selectOption("body");
  await expect(setup.getByText("first: “Survey answer one: more buses.”")).toBeVisible();
  await expect(setup.getByLabel("Field with the text in lines.jsonl")).toHaveValue("text");
  await setup.getByLabel("Column with the text in sheet.tsv").selectOption("content");
  await setup.getByRole("button", { name: "Import 18 files" }).click();

  const report = page.getByRole("dialog", { name: "Import report" });
  await expect(report.getByRole("status")).toHaveText(
    "Imported 21 documents from 12 files. 1 duplicate skipped. 3 files skipped. 5 files failed.",
    { timeout: 30_000 },
  );
  await expect(reportRows(page)).toHaveText([
    "plain.txt imported 1 document",
    "notes.md imported 1 document",
    "article.html imported 1 document",
    "legacy.htm imported 1 document",
    "report.pdf imported 1 document",
    "broken.pdf failed broken.pdf is not a readable PDF: the file is corrupt or truncated.",
    "locked.pdf failed locked.pdf is password-protected. Remove the password and import it again.",
    "letter.docx imported 1 document",
    "records.json imported 3 documents",
    "wrapped.json imported 2 documents",
    "lines.jsonl imported 3 documents · 1 bad line bad JSON on line 3",
    'partial.jsonl imported 2 documents · 1 bad line missing field "text" on line 2',
    "table.csv imported 3 documents",
    "sheet.tsv imported 2 documents",
    "binary.txt failed binary.txt looks like a binary file, not text.",
    "empty.txt failed empty.txt is empty (or only whitespace).",
    "latin1.txt failed latin1.txt is not valid UTF-8 text. Re-save it as UTF-8 and import it again.",
    "copy.txt skipped already in the project duplicate of “plain”: “copy”",
    ".hidden.txt skipped .hidden.txt is a hidden or system file; hidden files are left out.",
    "photo.png skipped photo.png looks like a binary file, not a format the studio reads (.txt, .md, .html, .pdf, .docx, .json, .jsonl, .csv and .tsv).",
  ]);
  expect(await storedDocuments(page)).toBe(21);
  await report.getByRole("button", { name: "Done" }).click();

  const sidebar = page.getByRole("complementary", { name: "Documents" });
  await expect(sidebar.getByText("21", { exact: true })).toBeVisible();
  // The HTML page's main text only: no menu, no footer, and nothing of it ran.
  await sidebar.getByRole("button", { name: "Bridge inspection" }).click();
  const text = page.getByRole("article", { name: "Document text" });
  await expect(text).toContainText("The inspectors found rust on the north span.");
  await expect(text).not.toContainText("newsletter");
  await expect(text).not.toContainText("__pwned");
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  // Both PDF pages, and the CSV cell that spans two lines.
  await sidebar.getByRole("button", { name: "report", exact: true }).click();
  await expect(text).toContainText("Rainfall was above average.");
  await expect(text).toContainText("Page two: the reservoir is full.");
  // The list is virtual: rows far down are not rendered until scrolled to, or filtered.
  await sidebar.getByLabel("Filter documents").fill("table #3");
  await sidebar.getByRole("button", { name: "table #3" }).click();
  await expect(text).toContainText("A cell over two lines");
});

test("a folder: its files in order, hidden files and other formats skipped", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument("A first document, so the sidebar shows.", "First");
  const dir = await tmp("ipt-folder-");
  const folder = join(dir, "corpus");
  await mkdir(join(folder, "sub"), { recursive: true });
  await mkdir(join(folder, ".git"), { recursive: true });
  await writeFile(join(folder, "a.txt"), "Alpha text.");
  await writeFile(join(folder, "sub", "b.md"), "# Beta\n\nBeta text.");
  await writeFile(join(folder, ".DS_Store"), Buffer.from([0, 0, 0, 1]));
  await writeFile(join(folder, ".git", "HEAD"), "ref: refs/heads/main");
  await writeFile(join(folder, "notes.rtf"), "{\\rtf1 Rich text}");
  await page.getByLabel("Upload folder").setInputFiles(folder);

  const setup = page.getByRole("dialog", { name: "Import files" });
  await setup.getByRole("button", { name: "Import 2 files" }).click();
  await expect(page.getByRole("dialog", { name: "Import report" }).getByRole("status")).toHaveText(
    "Imported 2 documents from 2 files. 3 files skipped.",
  );
  const rows = await reportRows(page).allTextContents();
  expect(rows.map((r) => r.replace(/\s+/g, " ").trim()).sort()).toEqual([
    "corpus/.DS_Store skipped corpus/.DS_Store is a hidden or system file; hidden files are left out.",
    "corpus/.git/HEAD skipped corpus/.git/HEAD is a hidden or system file; hidden files are left out.",
    "corpus/a.txt imported 1 document",
    "corpus/notes.rtf skipped notes.rtf: .rtf files are not supported. The studio reads .txt, .md, .html, .pdf, .docx, .json, .jsonl, .csv and .tsv.",
    "corpus/sub/b.md imported 1 document",
  ]);
  expect(await storedDocuments(page)).toBe(3);
});

test("files dropped on the page open the import dialog", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  const drag = (type: "dragenter" | "drop") =>
    page.evaluate((type) => {
      const dt = new DataTransfer();
      dt.items.add(new File(["Dropped text about the lighthouse."], "dropped.md"));
      dt.items.add(new File(['{"text":"Dropped text about the lighthouse."}\n'], "dropped.jsonl"));
      window.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }, type);
  // Dragging files over the page shows where to drop them (once the studio is listening).
  const overlay = page.getByText("Drop files or folders to import them");
  await expect(async () => {
    await drag("dragenter");
    await expect(overlay).toBeVisible({ timeout: 500 });
  }).toPass();
  await drag("drop");
  await expect(overlay).toBeHidden();
  const setup = page.getByRole("dialog", { name: "Import files" });
  await expect(setup.getByLabel("Field with the text in dropped.jsonl")).toHaveValue("text");
  // Both files hold the same text: kept twice, since that is asked for.
  await setup.getByLabel("Keep duplicates").check();
  await setup.getByRole("button", { name: "Import 2 files" }).click();
  await expect(reportRows(page)).toHaveText([
    "dropped.md imported 1 document",
    "dropped.jsonl imported 1 document",
  ]);
  await page
    .getByRole("dialog", { name: "Import report" })
    .getByRole("button", { name: "Done" })
    .click();
  await expect(page.getByRole("heading", { name: "dropped" })).toBeVisible();
  expect(await storedDocuments(page)).toBe(2);
});

test("Cancel stops a large import and keeps what was stored", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  const dir = await tmp("ipt-big-");
  const lines: string[] = [];
  for (let i = 0; i < 120_000; i++) {
    lines.push(
      JSON.stringify({
        text: `Record ${i}: the tide table for day ${i % 365} lists ${i % 7} high tides and a note about the harbour wall, the ferry and the fishing boats.`,
      }),
    );
  }
  const big = join(dir, "big.jsonl");
  await writeFile(big, lines.join("\n"));
  await importOne(page, big);

  const running = page.getByRole("dialog", { name: "Importing files" });
  const counters = running.getByRole("definition");
  await expect(running.getByRole("progressbar", { name: "Import progress" })).toBeVisible();
  await expect(counters.nth(1)).not.toHaveText("0");
  await running.getByRole("button", { name: "Cancel import" }).click();

  const report = page.getByRole("dialog", { name: "Import report" });
  await expect(report.getByRole("status")).toContainText("The import was cancelled");
  const row = (await reportRows(page).first().textContent()) ?? "";
  const stored = Number(
    /(\d[\d,]*) documents? stored before the cancel/.exec(row)?.[1]?.replace(/,/g, ""),
  );
  expect(stored).toBeGreaterThan(0);
  expect(stored).toBeLessThan(120_000);
  expect(await storedDocuments(page)).toBe(stored);
});

test("tokens mode: the import worker cuts with the project's tokenizer", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument("A first document, so the sidebar shows.", "First");
  await studio.batch().getByRole("button", { name: "Settings" }).click();
  const form = page.getByRole("form", { name: "Synthesis settings" });
  await form.getByLabel("Load tokenizer.json…").setInputFiles(TOKENIZER);
  await expect(form).toContainText("Tokenizer: bos-tokenizer.json");
  await form.getByLabel("Tokens (exact, with the model's tokenizer.json)").check();
  await form.getByLabel("Context length", { exact: true }).fill("700");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form).toBeHidden();

  // About 1,300 words: several chunks of at most 300 tokens (700 - 400 new tokens).
  const text = Array.from(
    { length: 130 },
    (_, i) => `Sentence ${i} tells how the harbor keeper lit the old lamp.`,
  ).join(" ");
  const path = join(await tmp("ipt-tokens-"), "harbor.txt");
  await writeFile(path, text);
  await importOne(page, path);
  const report = page.getByRole("dialog", { name: "Import report" });
  await expect(reportRows(page)).toHaveText(["harbor.txt imported 1 document"]);
  await report.getByRole("button", { name: "Done" }).click();

  type Chunk = { documentId: string; start: number; end: number; tokens: number };
  const [doc] = (await storedRows<{ id: string; title: string }>(page, "documents")).filter(
    (d) => d.title === "harbor",
  );
  const chunks = (await storedRows<Chunk & { budgetMode: string }>(page, "chunks"))
    .filter((c) => c.documentId === doc?.id)
    .sort((a, b) => a.start - b.start);
  expect(chunks.length).toBeGreaterThan(3);
  for (const c of chunks) {
    expect(c.budgetMode).toBe("tokens");
    // A chunk costs its whole prompt block, `<CON> text </CON>`. This tokenizer splits on
    // whitespace and adds <s>: one token per word, plus three. The words estimate would have
    // counted 1.5 per word.
    const words = text.slice(c.start, c.end).trim().split(/\s+/).length;
    expect(c.tokens).toBe(words + 3);
    expect(c.tokens).toBeLessThanOrEqual(300);
  }
  await page
    .getByRole("complementary", { name: "Documents" })
    .getByRole("button", { name: "harbor" })
    .click();
  await expect(page.getByText(`Chunk 1 · ${chunks[0]?.tokens ?? 0} tokens`)).toBeVisible();
  await expect(page.getByText("(words estimate)")).toHaveCount(0);
});
