import { expect, type Page } from "@playwright/test";
import { storedRows } from "./stored";

/** Actions a user takes in the studio, found by role and label like a person would. */
export class Studio {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto("/");
    await expect(this.page.getByText("IPT Studio", { exact: true })).toBeVisible();
  }

  async pasteDocument(text: string, title?: string): Promise<void> {
    const { page } = this;
    const newButton = page.getByRole("button", { name: "New", exact: true });
    if (await newButton.isVisible()) await newButton.click();
    else await page.getByRole("button", { name: "Paste text" }).click();
    const dialog = page.getByRole("dialog", { name: "New document from text" });
    if (title) await dialog.getByLabel("Title (optional)").fill(title);
    await dialog.getByLabel("Document text").fill(text);
    await dialog.getByRole("button", { name: "Add document" }).click();
    await expect(dialog).toBeHidden();
    // The list refreshes a moment later; wait for it, so the next step sees the new state
    // (the welcome screen's "Paste text" gives way to the sidebar's "New").
    const sidebar = page.getByRole("complementary", { name: "Documents" });
    if (title) await expect(sidebar.getByText(title, { exact: true })).toBeVisible();
    else await expect(sidebar).toBeVisible();
  }

  async connectServer(baseUrl: string, model: string): Promise<void> {
    const { page } = this;
    await page
      .getByRole("navigation", { name: "Pages" })
      .getByRole("button", { name: "Models" })
      .click();
    const form = page.getByRole("form", { name: "OpenAI-compatible server" });
    await form.getByLabel("Base URL").fill(baseUrl);
    await form.getByLabel("Model name").fill(model);
    await form.getByRole("button", { name: "Use this server" }).click();
    await expect(page.getByTestId("engine-status")).toContainText(model);
    await page
      .getByRole("navigation", { name: "Pages" })
      .getByRole("button", { name: "Studio" })
      .click();
  }

  pairs() {
    return this.page
      .getByRole("region", { name: "Pairs" })
      .getByRole("listitem", { name: /^Pair \d+$/ });
  }

  pair(n: number) {
    return this.page.getByRole("listitem", { name: `Pair ${n}`, exact: true });
  }

  batch() {
    return this.page.getByRole("region", { name: "Batch queue" });
  }

  /** Opens the synthesis settings, sets the given number fields, and saves. */
  async setJobSettings(values: Record<string, string>): Promise<void> {
    await this.batch().getByRole("button", { name: "Settings" }).click();
    const form = this.page.getByRole("form", { name: "Synthesis settings" });
    for (const [label, value] of Object.entries(values)) {
      await form.getByLabel(label, { exact: true }).fill(value);
    }
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form).toBeHidden();
  }

  /**
   * Counts stored rows straight from IndexedDB, as the studio left them: results per chunk and
   * pairs. Read-only; it opens the database without a version so it never upgrades it.
   */
  async storedCounts(): Promise<{ chunks: number; pairs: number; resultsPerChunk: number[] }> {
    const chunks = await storedRows<{ id: string }>(this.page, "chunks");
    const results = await storedRows<{ chunkId: string }>(this.page, "results");
    const pairs = await storedRows<unknown>(this.page, "pairs");
    const perChunk = new Map(chunks.map((c) => [c.id, 0]));
    for (const r of results) perChunk.set(r.chunkId, (perChunk.get(r.chunkId) ?? 0) + 1);
    return { chunks: chunks.length, pairs: pairs.length, resultsPerChunk: [...perChunk.values()] };
  }

  /** The documents column. */
  sidebar() {
    return this.page.getByRole("complementary", { name: "Documents" });
  }

  /** Ticks (or unticks) a document's checkbox in the sidebar; `range` holds Shift. */
  async tickDocument(title: string, opts: { range?: boolean } = {}): Promise<void> {
    await this.sidebar()
      .getByRole("checkbox", { name: `Select ${title}`, exact: true })
      .click(opts.range ? { modifiers: ["Shift"] } : undefined);
  }

  /**
   * Stored results per document title, straight from IndexedDB (read-only, like
   * {@link storedCounts}): which documents a run synthesized.
   */
  async storedResultsByTitle(): Promise<Record<string, number>> {
    const docs = await storedRows<{ id: string; title: string }>(this.page, "documents");
    const results = await storedRows<{ documentId: string }>(this.page, "results");
    const byTitle: Record<string, number> = {};
    for (const d of docs) byTitle[d.title] = results.filter((r) => r.documentId === d.id).length;
    return byTitle;
  }

  synthesizeButton() {
    return this.page
      .getByRole("region", { name: "Synthesis" })
      .getByRole("button", { name: /^Synthesize/ });
  }
}
