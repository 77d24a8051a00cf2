import { expect, test } from "@playwright/test";
import { pairsBlock } from "../src/core/tags";
import { FIXTURE_MODEL, startFixtureServer, type FixtureServer } from "./fixture-server";
import { storedRows } from "./stored";
import { Studio } from "./studio";

// The background quality keeper: pairs are scored in a worker after they are committed, and
// duplicate questions get a shared group, all stored with the pairs.
const TEXTS = [
  "The Treaty of Westphalia was signed in 1648. It ended the Thirty Years' War and recognised the sovereignty of the German states.",
  "In 1648 the Treaty of Westphalia was signed in Osnabrück and Münster, after five years of talks.",
];

let server: FixtureServer;
test.beforeEach(async () => {
  server = await startFixtureServer();
});
test.afterEach(async () => {
  await server.close();
});

interface StoredPair {
  id: string;
  question: string;
  stale?: number;
  quality?: { grounding: number | null; flags: string[]; taskType: string };
  duplicate?: { kind: string; group: string };
}

test("new pairs are scored and duplicate questions grouped in the background", async ({ page }) => {
  const studio = new Studio(page);
  await studio.open();
  for (const [i, text] of TEXTS.entries()) await studio.pasteDocument(text, `Westphalia ${i}`);
  await studio.connectServer(server.url, FIXTURE_MODEL);
  // The same question about both documents (whichever order the requests come in), and one
  // answer that the text does not support.
  server.script([
    {
      kind: "ok",
      output: pairsBlock([
        { question: "When was the Treaty of Westphalia signed?", answer: "In 1648." },
        {
          question: "Which war did the treaty end?",
          answer: "A dispute about spices and silk between Portugal and Venice.",
        },
      ]),
    },
    {
      kind: "ok",
      output: pairsBlock([
        { question: "When was the Treaty of Westphalia signed?", answer: "In 1648." },
      ]),
    },
  ]);
  await studio
    .batch()
    .getByRole("button", { name: /Synthesize all pending \(2 chunks\)/ })
    .click();

  // Pairs with their duplicate marks, which the studio keeps in a table of their own.
  const stored = async () => {
    const marks = new Map(
      (
        await storedRows<{ id: string; duplicate: StoredPair["duplicate"] | null }>(page, "marks")
      ).map((m) => [m.id, m.duplicate]),
    );
    return (await storedRows<StoredPair>(page, "pairs")).map((p) => {
      const duplicate = marks.get(p.id);
      return duplicate ? { ...p, duplicate } : p;
    });
  };

  await expect
    .poll(async () => (await stored()).filter((p) => p.quality && !p.stale).length, {
      timeout: 20_000,
    })
    .toBe(3);
  await expect
    .poll(async () => (await stored()).filter((p) => p.duplicate).length, { timeout: 10_000 })
    .toBe(2);
  const pairs = await stored();
  const twins = pairs.filter((p) => p.question.startsWith("When"));
  expect(twins).toHaveLength(2);
  for (const twin of twins) {
    expect(twin.quality).toMatchObject({ grounding: 1, flags: [] });
    expect(twin.duplicate?.kind).toBe("duplicate");
  }
  expect(twins[0]?.duplicate).toEqual(twins[1]?.duplicate);
  const weak = pairs.find((p) => p.question.startsWith("Which"));
  expect(weak?.quality?.flags).toContain("weakGrounding");
  expect(weak?.duplicate).toBeUndefined();
  await expect(page.getByTestId("quality-status")).toHaveAttribute("data-phase", "idle");

  // Deleting one twin leaves the other alone in its group: its mark is cleared, and the Pairs
  // table drops its badge without a reload (a mark moves no write time of the pair).
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Pairs" })
    .click();
  const grid = page.getByRole("grid", { name: "Pairs" });
  await expect(grid.getByText("Duplicate", { exact: true })).toHaveCount(2);
  // Both show the same group id.
  const group = `Group ${twins[0]?.duplicate?.group.slice(0, 6)}`;
  await expect(grid.getByText(group, { exact: true })).toHaveCount(2);
  await page.getByLabel("Search questions and answers").fill("when");
  await expect(page.getByText(/^2 of 3 pairs match/)).toBeVisible();
  await grid.getByRole("checkbox", { name: "Select pair 1" }).click();
  await page
    .getByRole("region", { name: "Bulk actions" })
    .getByRole("button", { name: "Delete…", exact: true })
    .click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByText(/^1 of 2 pairs match/)).toBeVisible();
  await expect(grid.getByText("Duplicate", { exact: true })).toHaveCount(0, { timeout: 10_000 });
  await expect(grid.getByText(group, { exact: true })).toHaveCount(0);
  await expect.poll(async () => (await stored()).filter((p) => p.duplicate).length).toBe(0);
});
