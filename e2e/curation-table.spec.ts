import { expect, test } from "@playwright/test";
import { storedRows } from "./stored";
import {
  backupFile,
  grid,
  restore,
  rewritePairs,
  seedQuality,
  storedStatuses,
} from "./curation-seed";

/*
 * The Pairs page (curation workbench): curating by keyboard only, and a bulk action on a flag
 * filter with undo and redo. Pairs are seeded by restoring a workspace backup, and what the
 * studio stored is read straight from IndexedDB.
 */

// Each step waits for the stored write and the table's refresh; on a loaded machine dozens of
// them take longer than the default minute.
test.describe.configure({ timeout: 240_000 });

test("Curate 30 pairs by keyboard only, and check the statuses stored", async ({ page }) => {
  const question = (d: number, i: number) => `What does item ${d}-${i} approve?`;
  const file = backupFile(10, (d) =>
    [0, 1, 2].map((i) => ({ question: question(d, i), answer: `Item ${d} on day ${d}.` })),
  );
  await restore(page, file, 10);

  await page.goto("/?view=pairs");
  await expect(page.getByText("30 pairs", { exact: false }).first()).toBeVisible();
  await expect(grid(page).getByRole("row")).not.toHaveCount(1);

  // Row by row: accept, reject, accept-then-reset. a and r move on to the next pair; after
  // the third, k goes back to reset it and j moves on.
  const expected: Record<string, string> = {};
  const row = (n: number) => page.locator('[role="row"][aria-rowindex="' + (n + 2) + '"]');
  const isFocused = async (n: number) => {
    const id = await row(n).getAttribute("id");
    await expect(grid(page)).toHaveAttribute("aria-activedescendant", id ?? "none");
  };
  for (let n = 0; n < 30; n++) {
    const d = Math.floor(n / 3);
    const i = n % 3;
    const focused = row(n);
    await expect(focused).toContainText(question(d, i));
    await isFocused(n);
    if (i === 0) {
      await page.keyboard.press("a");
      expected[question(d, i)] = "accepted";
      await expect(focused).toContainText("Accepted");
    } else if (i === 1) {
      await page.keyboard.press("r");
      expected[question(d, i)] = "rejected";
      await expect(focused).toContainText("Rejected");
    } else {
      await page.keyboard.press("a");
      await expect(focused).toContainText("Accepted");
      if (n < 29) {
        await isFocused(n + 1);
        await page.keyboard.press("k");
      }
      await isFocused(n);
      await page.keyboard.press("u");
      expected[question(d, i)] = "pending";
      await expect(focused).toContainText("Pending");
      await isFocused(n); // u stays
      if (n < 29) await page.keyboard.press("j");
    }
  }
  await expect.poll(() => storedStatuses(page)).toEqual(expected);

  // k moves back up; x selects, Shift+X selects the range from there.
  await page.keyboard.press("k");
  await page.keyboard.press("k");
  await page.keyboard.press("x");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("Shift+X");
  await expect(page.getByRole("region", { name: "Bulk actions" })).toContainText("3 selected");
  await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(3);

  // e edits in place: Ctrl+Enter saves; Esc cancels.
  await page.keyboard.press("e");
  const edit = page.getByRole("textbox", { name: "Question", exact: true });
  await expect(edit).toBeFocused();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("What did the committee approve on day 9?");
  await page.keyboard.press("Control+Enter");
  await expect(edit).toBeHidden();
  expected["What did the committee approve on day 9?"] = expected[question(9, 2)] ?? "";
  delete expected[question(9, 2)];
  await page.keyboard.press("e");
  await expect(edit).toBeFocused();
  await page.keyboard.type(" not saved");
  await page.keyboard.press("Escape");
  await expect(edit).toBeHidden();
  await expect.poll(() => storedStatuses(page)).toEqual(expected);

  // / searches: the last word matches as a prefix.
  await page.keyboard.press("/");
  await expect(page.getByLabel("Search questions and answers")).toBeFocused();
  await page.keyboard.type("item 4-");
  await expect(page.getByText("3 of 30 pairs match")).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=item\+4-/);
  await page.keyboard.press("Escape");
  await expect(grid(page)).toBeFocused();
});

test("Bulk-reject by a flag filter, undo, then redo", async ({ page }) => {
  const file = backupFile(6, (d) => [
    { question: d % 2 === 0 ? "Why?" : `Why did meeting ${d} happen?`, answer: `Day ${d}.` },
    { question: `Which item was approved in meeting ${d}?`, answer: `Item ${d}.` },
  ]);
  await restore(page, file, 6);
  await seedQuality(page);
  const all = await storedStatuses(page);
  expect(Object.keys(all)).toHaveLength(10); // three "Why?" share one key

  await page.goto("/?view=pairs");
  await expect(page.getByText("12 pairs", { exact: false }).first()).toBeVisible();
  await page.locator("summary", { hasText: "Flags" }).click();
  await page.getByRole("checkbox", { name: "Very short question" }).check();
  await expect(page.getByText("3 of 12 pairs match")).toBeVisible();
  await expect(page).toHaveURL(/[?&]view=pairs/);
  await expect(page).toHaveURL(/[?&]flag=shortQuestion/);

  // A reload opens the same view from the URL.
  await page.reload();
  await expect(page.getByText("3 of 12 pairs match")).toBeVisible();
  await page.locator("summary", { hasText: "Flags" }).click();
  await expect(page.getByRole("checkbox", { name: "Very short question" })).toBeChecked();
  await page.locator("summary", { hasText: "Flags" }).click();

  const whyStatuses = async () => {
    const rows = (await storedRows<{ question: string; status: string }>(page, "pairs")).map(
      (p) => `${p.question === "Why?" ? "flagged" : "other"}:${p.status}`,
    );
    return rows.sort();
  };
  const before = [
    ...Array.from({ length: 3 }, () => "flagged:pending"),
    ...Array.from({ length: 9 }, () => "other:pending"),
  ].sort();
  const rejected = [
    ...Array.from({ length: 3 }, () => "flagged:rejected"),
    ...Array.from({ length: 9 }, () => "other:pending"),
  ].sort();
  expect(await whyStatuses()).toEqual(before);

  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await expect(bulk).toContainText("All 3 matching");
  await bulk.getByRole("button", { name: "Reject…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reject 3 pairs?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Reject", exact: true }).click();
  await expect.poll(whyStatuses).toEqual(rejected);
  await expect(grid(page).getByText("Rejected")).toHaveCount(3);

  await page.getByRole("button", { name: "Undo Reject 3 pairs" }).click();
  await expect.poll(whyStatuses).toEqual(before);
  await expect(grid(page).getByText("Pending")).toHaveCount(3);

  await grid(page).focus();
  await page.keyboard.press("Control+Shift+Z");
  await expect.poll(whyStatuses).toEqual(rejected);
  await expect(page.getByRole("button", { name: "Undo Reject 3 pairs" })).toBeEnabled();

  // Dark mode, for the screenshot.
  await page.getByRole("button", { name: /^Theme: .*Switch to dark/ }).click();
  await page.locator("summary", { hasText: "Flags" }).click();
  await page.getByRole("checkbox", { name: "Very short question" }).uncheck();
  await page.locator("summary", { hasText: "Flags" }).click();
  await expect(page.getByText("12 pairs", { exact: false }).first()).toBeVisible();

  // The document filter lists the titles once it has the focus; picking one shows its pairs.
  const documentFilter = page.getByLabel("Filter by document");
  await documentFilter.click();
  await expect(page.locator("#pairs-document-options option")).toHaveCount(6);
  await documentFilter.fill("Doc 03");
  await expect(page.getByText("2 of 12 pairs match")).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove document filter Doc 03" })).toBeVisible();

  // A document renamed in the Studio shows its new title in the table, without a reload.
  const nav = page.getByRole("navigation", { name: "Pages" });
  await nav.getByRole("button", { name: "Studio" }).click();
  const sidebar = page.getByRole("complementary", { name: "Documents" });
  await sidebar.getByRole("listitem").filter({ hasText: "Doc 03" }).hover();
  await sidebar.getByRole("button", { name: "Rename Doc 03" }).click();
  await sidebar.getByLabel("Document title").fill("Minutes of day 3");
  await sidebar.getByLabel("Document title").press("Enter");
  await expect(sidebar.getByText("Minutes of day 3")).toBeVisible();
  await nav.getByRole("button", { name: "Pairs" }).click();
  await expect(grid(page).getByText("Minutes of day 3")).toHaveCount(2);
  await expect(
    page.getByRole("button", { name: "Remove document filter Minutes of day 3" }),
  ).toBeVisible();
});

test("A bulk reject of 520 pairs is one sweep: it survives a reload before it is folded, and undo", async ({
  page,
}) => {
  // 130 documents of 5 pairs, 4 of them "Why?" (flagged very short): 520 flagged, over the
  // size from which a status change is stored as one sweep instead of one write per pair.
  const file = backupFile(130, (d) => [
    ...Array.from({ length: 4 }, () => ({ question: "Why?", answer: `Day ${d}.` })),
    { question: `Which item was approved in meeting ${d}?`, answer: `Item ${d}.` },
  ]);
  await restore(page, file, 130);
  await seedQuality(page);
  const counts = async () => {
    const rows = await storedRows<{ question: string; status: string }>(page, "pairs");
    const c: Record<string, number> = {};
    for (const p of rows) {
      const key = `${p.question === "Why?" ? "flagged" : "other"}:${p.status}`;
      c[key] = (c[key] ?? 0) + 1;
    }
    return c;
  };
  const status = page.getByRole("group", { name: "Status" });

  await page.goto("/?view=pairs&flag=shortQuestion");
  await expect(page.getByText("520 of 650 pairs match")).toBeVisible();
  const bulk = page.getByRole("region", { name: "Bulk actions" });
  await bulk.getByRole("button", { name: "Reject…" }).click();
  await page
    .getByRole("dialog", { name: "Reject 520 pairs?" })
    .getByRole("button", { name: "Reject", exact: true })
    .click();
  await expect(page.getByText("Reject: 520 pairs changed.")).toBeVisible();
  await expect(status.getByRole("button", { name: "Rejected 520" })).toBeVisible();

  // At once, before the rows are folded: the status lives in one sweep record, and a reload
  // reads it from there.
  await page.reload();
  await expect(status.getByRole("button", { name: "Rejected 520" })).toBeVisible();
  await expect(status.getByRole("button", { name: "Pending 0" })).toBeVisible();

  // Folded in the background: the rows hold the statuses, and the sweep is gone.
  await expect
    .poll(counts, { timeout: 60_000 })
    .toEqual({ "flagged:rejected": 520, "other:pending": 130 });
  await expect.poll(async () => (await storedRows(page, "sweeps")).length).toBe(0);

  await page.getByRole("button", { name: "Undo Reject 520 pairs" }).click();
  await expect(status.getByRole("button", { name: "Pending 520" })).toBeVisible();
  await expect
    .poll(counts, { timeout: 60_000 })
    .toEqual({ "flagged:pending": 520, "other:pending": 130 });

  // On another page, the table's worker takes the first rows while the studio is idle. Pairs
  // accepted meanwhile (here behind the studio's back, without a new write time) show as
  // accepted once the Pairs page opens: the load starts over rather than trust what it held.
  await page.goto("/");
  // The app marks the moment its warm start holds the first rows (pairs-sync.ts).
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName("ipt:pairs-warm-held").length))
    .toBe(1);
  await rewritePairs(page, "accept");
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Pairs" })
    .click();
  await expect(status.getByRole("button", { name: "Accepted 650" })).toBeVisible();
});

test("Sort from the keyboard, keys after a checkbox click, the table's keys in the help, and undo in the document view", async ({
  page,
}) => {
  const file = backupFile(3, (d) =>
    [0, 1].map((i) => ({ question: `Question ${d}-${i}?`, answer: `Answer ${d}.` })),
  );
  await restore(page, file, 3);
  await page.goto("/?view=pairs");
  const rows = grid(page).getByRole("row");
  await expect(rows).toHaveCount(7);

  // The sort buttons take the focus like any button, and Enter sorts (it does not edit a pair).
  const header = grid(page).getByRole("columnheader", { name: "Question" });
  const sortButton = header.getByRole("button", { name: "Question" });
  await sortButton.focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.nth(1)).toContainText("Question 0-0?");
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(rows.nth(1)).toContainText("Question 2-1?");
  await expect(grid(page).getByRole("textbox")).toHaveCount(0);

  // A checkbox click selects without taking the focus, so the single keys go on working.
  await grid(page).getByLabel("Select pair 1").click();
  await expect(grid(page).getByLabel("Select pair 1")).not.toBeFocused();
  await expect(rows.nth(1)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("j");
  await page.keyboard.press("x");
  await expect(rows.nth(2)).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(grid(page).locator('[aria-selected="true"]')).toHaveCount(0);

  // The help lists the table's keys.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByText("Pairs page: Esc")).toBeVisible();
  await expect(help.getByText("Pairs page: Home / End")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // The document view has undo and redo too: o opens the focused pair's document.
  await page.keyboard.press("o");
  const panel = page.getByRole("region", { name: "Pairs" });
  const card = panel.getByRole("listitem").filter({ hasText: "Question 2-0?" });
  await card.getByRole("button", { name: "Accept" }).click();
  await expect(card).toHaveAttribute("data-status", "accepted");
  await panel.getByRole("button", { name: "Undo Accept 1 pair" }).click();
  await expect(card).toHaveAttribute("data-status", "pending");
  await panel.getByRole("button", { name: "Redo Accept 1 pair" }).click();
  await expect(card).toHaveAttribute("data-status", "accepted");
  expect((await storedStatuses(page))["Question 2-0?"]).toBe("accepted");
});

test("Each tab undoes its own steps, a second tab leaves the first one's history alone, and a new visit starts clean", async ({
  page,
}) => {
  const file = backupFile(2, (d) => [{ question: `Question ${d}?`, answer: `Answer ${d}.` }]);
  await restore(page, file, 2);
  await page.goto("/?view=pairs");
  await expect(grid(page).getByRole("row")).toHaveCount(3);
  await page.keyboard.press("a");
  const undoButton = page.getByRole("button", { name: "Undo Accept 1 pair" });
  await expect(undoButton).toBeEnabled();

  // The second tab's boot forgets the history of sessions no tab holds open, then shows the
  // project: once its documents show, it is done. It rejects the other pair: a step of its own.
  const second = await page.context().newPage();
  await second.goto("/");
  await expect(second.getByText("Doc 01")).toBeVisible();
  await second.goto("/?view=pairs");
  await expect(grid(second).getByRole("row")).toHaveCount(3);
  await second.keyboard.press("j");
  await second.keyboard.press("r");
  await expect(second.getByRole("button", { name: "Undo Reject 1 pair" })).toBeEnabled();
  await second.close();

  // The first tab undoes its own step, not the second tab's newer one.
  await undoButton.click();
  await expect(grid(page).getByRole("row").nth(1)).toContainText("Pending");
  expect(await storedStatuses(page)).toEqual({
    "Question 0?": "pending",
    "Question 1?": "rejected",
  });

  // A new visit (a new tab's session, with the first one closed) starts with no history.
  await page.keyboard.press("a");
  await expect(page.getByRole("button", { name: "Undo Accept 1 pair" })).toBeEnabled();
  const later = await page.context().newPage();
  await page.close();
  await later.goto("/?view=pairs");
  await expect(grid(later).getByRole("row")).toHaveCount(3);
  await expect(later.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();
});
