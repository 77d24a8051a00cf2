import { expect, type Page } from "@playwright/test";

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

  synthesizeButton() {
    return this.page
      .getByRole("region", { name: "Synthesis" })
      .getByRole("button", { name: /^Synthesize/ });
  }
}
