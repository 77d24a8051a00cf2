import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { unzipSync, strFromU8 } from "fflate";
import { parquetReadObjects } from "hyparquet";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { Studio } from "./studio";

const TEXT = "Glaciers carve U-shaped valleys as they move slowly downhill.";
const OUTPUT =
  "<QUE> What shape of valley do glaciers carve? <ANS> U-shaped valleys. </END>\n\n" +
  "<QUE> How do glaciers move? <ANS> Slowly downhill. </END>\n\n" +
  "<QUE> Are glaciers fast? <ANS> No. </END>";

let server: FixtureServer;
test.beforeAll(async () => {
  server = await startFixtureServer();
});
test.afterAll(async () => {
  await server.close();
});

/** A project with one document: pair 1 accepted, pair 2 pending, pair 3 rejected. */
async function curatedProject(page: Page): Promise<Studio> {
  server.reset();
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument(TEXT, "Glaciers");
  await studio.connectServer(server.url, FIXTURE_MODEL);
  server.script([{ kind: "ok", output: OUTPUT }]);
  await studio.synthesizeButton().click();
  await expect(studio.pairs()).toHaveCount(3);
  await studio.pair(1).getByRole("button", { name: "Accept" }).click();
  await studio.pair(3).getByRole("button", { name: "Reject" }).click();
  await expect(studio.pair(3)).toHaveAttribute("data-status", "rejected");
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Export" })
    .click();
  return studio;
}

async function download(page: Page, label: RegExp): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: label }).click(),
  ]);
  return readFile(await file.path());
}

const jsonl = (b: Buffer) =>
  b
    .toString("utf8")
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as Record<string, unknown>);

test("export formats through the UI, with a live preview and counts", async ({ page }) => {
  await curatedProject(page);
  const preview = page.getByRole("region", { name: "Export preview" });
  await expect(preview.getByRole("table", { name: "Mix counts" })).toContainText(
    "Instruction-augmented",
  );
  await expect(preview).toContainText("What shape of valley do glaciers carve?");

  // Pre-training corpus, accepted pairs only: the accepted pair is in, the others are not.
  const pretrain = jsonl(await download(page, /^Export file/));
  expect(pretrain).toHaveLength(1);
  const text = pretrain[0]?.text as string;
  expect(text).toContain(TEXT);
  expect(text).toContain("What shape of valley do glaciers carve?");
  expect(text).not.toContain("Are glaciers fast?");

  // Chat messages with accepted and pending pairs.
  const options = page.getByRole("region", { name: "Export options" });
  await options.getByLabel("OpenAI chat messages").check();
  await options.getByLabel("Pairs").selectOption("non-rejected");
  const messages = jsonl(await download(page, /^Export file/));
  expect(messages).toEqual([
    {
      messages: [
        { role: "user", content: `${TEXT}\n\nWhat shape of valley do glaciers carve?` },
        { role: "assistant", content: "U-shaped valleys." },
      ],
    },
    {
      messages: [
        { role: "user", content: `${TEXT}\n\nHow do glaciers move?` },
        { role: "assistant", content: "Slowly downhill." },
      ],
    },
  ]);

  // The other formats, each checked on its first record.
  const firstRecord = async (label: string) => {
    await options.getByLabel(label).check();
    return (await download(page, /^Export file/)).toString("utf8");
  };
  expect(JSON.parse((await firstRecord("ShareGPT")).split("\n")[0] ?? "")).toEqual({
    conversations: [
      { from: "human", value: `${TEXT}\n\nWhat shape of valley do glaciers carve?` },
      { from: "gpt", value: "U-shaped valleys." },
    ],
  });
  expect(JSON.parse((await firstRecord("Alpaca")).split("\n")[0] ?? "")).toEqual({
    instruction: "What shape of valley do glaciers carve?",
    input: TEXT,
    output: "U-shaped valleys.",
  });
  const synthesizer = JSON.parse(
    (await firstRecord("Synthesizer fine-tuning (JSONL)")).split("\n")[0] ?? "",
  ) as { text: string };
  expect(synthesizer.text).toBe(
    `<s> <CON> ${TEXT} </CON>\n\n<QUE> What shape of valley do glaciers carve? <ANS> U-shaped valleys. </END>\n\n<QUE> How do glaciers move? <ANS> Slowly downhill. </END></s>`,
  );
  expect(await firstRecord("Synthesizer fine-tuning (plain text)")).toBe(synthesizer.text + "\n");
  expect(JSON.parse((await firstRecord("Collections JSONL")).split("\n")[0] ?? "")).toMatchObject({
    entries: [{ text: TEXT, inheritsFromPrevious: false, followedByNext: false }],
  });

  // A template pack with a problem is refused with its exact path.
  await options.getByLabel("Pre-training corpus").check();
  await options.getByLabel("Import pack…").setInputFiles({
    name: "broken-pack.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ version: 1, name: "broken", qa: [{}] })),
  });
  await expect(page.getByText(/broken-pack\.json is not a valid template pack: \S+/)).toBeVisible();

  // The Hub bundle: a zip with data files, a dataset card and provenance.
  await options.getByLabel("Hugging Face dataset bundle (.zip)").check();
  const zip = unzipSync(new Uint8Array(await download(page, /^Export bundle/)));
  expect(Object.keys(zip).sort()).toEqual(
    [
      "README.md",
      "data/collections.jsonl",
      "data/messages.jsonl",
      "data/pretrain.jsonl",
      "data/pretrain.parquet",
      "provenance.json",
    ].sort(),
  );
  // The Parquet copy holds the JSONL's rows.
  const parquet = (zip["data/pretrain.parquet"] as Uint8Array).slice().buffer;
  expect(await parquetReadObjects({ file: parquet })).toEqual(
    strFromU8(zip["data/pretrain.jsonl"] as Uint8Array)
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as unknown),
  );
  const card = strFromU8(zip["README.md"] as Uint8Array);
  expect(card.startsWith("---\n")).toBe(true);
  for (const key of [
    "configs:",
    "license:",
    "language:",
    "task_categories:",
    "size_categories:",
    "pretty_name:",
  ]) {
    expect(card).toContain(key);
  }
  const provenance = JSON.parse(strFromU8(zip["provenance.json"] as Uint8Array)) as Record<
    string,
    unknown
  >;
  expect(provenance).toMatchObject({
    model: FIXTURE_MODEL,
    seed: 12345,
    counts: { accepted: 1, rejected: 1, pending: 1 },
  });
  expect(JSON.stringify(provenance)).not.toContain("127.0.0.1");
});

/** A two-round chain of the CLI's collections JSONL: the exports keep it together. */
const CHAINED = fileURLToPath(
  new URL("../src/core/export/testdata/golden-chained.collections.jsonl", import.meta.url),
);

/**
 * Imports {@link CHAINED} into the open project and opens the Export page set to every pair not
 * rejected (imported pairs wait for review); returns the options region.
 */
async function exportChained(page: Page) {
  await page.getByLabel("Import collections JSONL from the ipt command").setInputFiles(CHAINED);
  await expect(page.getByText(/Imported 4 documents/)).toBeVisible();
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Export" })
    .click();
  const options = page.getByRole("region", { name: "Export options" });
  await options.getByLabel("Pairs").selectOption("non-rejected");
  return options;
}

test("multi-round chains survive import and export", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  // The import sits in the documents list, shown once the project has a document.
  await studio.pasteDocument("A note kept as it is.", "Note");
  const options = await exportChained(page);

  // Each chain is cooked into one text holding both of its entries; the note stays raw.
  const pretrain = jsonl(await download(page, /^Export file/)).map((r) => r.text as string);
  expect(pretrain).toHaveLength(3);
  expect(pretrain[0]).toBe("A note kept as it is.");
  expect(pretrain[1]).toContain("Volcanoes form where molten rock");
  expect(pretrain[1]).toContain("Reefs shelter about a quarter");
  expect(pretrain[2]).toContain("A lighthouse keeper");

  // The collections come back as they went in, links included.
  await options.getByLabel("Collections JSONL").check();
  const lines = jsonl(await download(page, /^Export file/)) as {
    entries: { text: string; inheritsFromPrevious: boolean; followedByNext: boolean }[];
  }[];
  const original = (await readFile(CHAINED, "utf8"))
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as (typeof lines)[number]);
  const shape = (c: typeof lines) =>
    c.map((l) => l.entries.map((e) => [e.text, e.inheritsFromPrevious, e.followedByNext]));
  expect(shape(lines.slice(1))).toEqual(shape(original));
});

test("a backup restores into a fresh browser", async ({ page, browser }) => {
  await curatedProject(page);
  const backup = await download(page, /^Download backup$/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto("/");
  await other
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Export" })
    .click();
  await other.getByLabel("Restore as a new project…").setInputFiles({
    name: "glaciers.ipt-backup.json.gz",
    mimeType: "application/gzip",
    buffer: backup,
  });
  await expect(other.getByText(/Restored 1 document and 3 pairs/)).toBeVisible();
  await other
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Studio" })
    .click();
  const studio = new Studio(other);
  await expect(other.getByRole("heading", { name: "Glaciers" })).toBeVisible();
  await expect(studio.pair(1)).toHaveAttribute("data-status", "accepted");
  await expect(studio.pair(3)).toHaveAttribute("data-status", "rejected");

  // A corrupt file is refused and changes nothing.
  await other
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Export" })
    .click();
  await other.getByLabel("Restore into this project…").setInputFiles({
    name: "bad.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"format":"ipt-studio.backup","version":99}'),
  });
  await expect(other.getByText(/newer IPT Studio/)).toBeVisible();
  await fresh.close();
});

const TOKENIZER = fileURLToPath(
  new URL("../src/engine/webllm/testdata/bos-tokenizer.json", import.meta.url),
);
const DEFAULT_PACK = fileURLToPath(new URL("../src/core/cook/default-pack.json", import.meta.url));

test("exact counts with the project's tokenizer; a pack imported, picked and previewed; reshuffle", async ({
  page,
}) => {
  const studio = new Studio(page);
  await studio.open();
  await studio.pasteDocument(TEXT, "Glaciers");
  // The project's tokenizer, set with the synthesis settings.
  await studio.batch().getByRole("button", { name: "Settings" }).click();
  const form = page.getByRole("form", { name: "Synthesis settings" });
  await form.getByLabel("Load tokenizer.json…").setInputFiles(TOKENIZER);
  await expect(form).toContainText("Tokenizer: bos-tokenizer.json");
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
  const options = await exportChained(page);
  const preview = page.getByRole("region", { name: "Export preview" });

  // The counts are exact from the start: the project's tokenizer is used, not the estimate.
  await expect(options.getByText("exact: bos-tokenizer.json")).toBeVisible();
  const counts = preview.getByRole("table", { name: "Mix counts" });
  await expect(counts).toContainText("Instruction-augmented");
  await expect(counts).not.toContainText("est.");

  // A pack of our own: every text wrapped in a marker the default pack never writes.
  const pack = JSON.parse(await readFile(DEFAULT_PACK, "utf8")) as Record<string, unknown>;
  const marked = {
    ...pack,
    name: "Marked pack",
    textWrappers: [{ before: "MARKED TEXT:\n", after: "" }],
  };
  await expect(preview).not.toContainText("MARKED TEXT:");
  await options.getByLabel("Import pack…").setInputFiles({
    name: "marked-pack.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(marked)),
  });
  const picker = options.getByLabel("Template pack");
  await expect(picker).toHaveValue("Marked pack");
  await expect(preview).toContainText("MARKED TEXT:");
  const marked1 = jsonl(await download(page, /^Export file/)).map((r) => r.text as string);
  expect(marked1[0]).toBe(TEXT);
  expect(marked1.slice(1).every((t) => t.startsWith("MARKED TEXT:\n"))).toBe(true);
  expect(marked1).toHaveLength(3);

  // Picking the default pack again previews it again; the imported one stays in the list.
  await picker.selectOption("IPT Studio default");
  await expect(preview).not.toContainText("MARKED TEXT:");
  await expect(picker.locator("option")).toHaveText([
    "IPT Studio default (v1, 52 Q/A patterns)",
    "Marked pack (v1, 52 Q/A patterns)",
  ]);

  // Reshuffle draws a new seed, and the preview follows it.
  const seed = options.getByLabel("Seed");
  await expect(seed).toHaveValue("12345");
  await options.getByRole("button", { name: "Reshuffle" }).click();
  await expect(seed).not.toHaveValue("12345");
  await expect(counts).toContainText("Instruction-augmented");
});
