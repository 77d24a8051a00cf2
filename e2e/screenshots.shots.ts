// Takes the screenshots in docs/screenshots (npm run screenshots). Not part of the test run.
import { expect, test } from "@playwright/test";
import { FIXTURE_MODEL, startFixtureServer } from "./fixture-server";
import { Studio } from "./studio";

const OUT = "docs/screenshots";

test("studio screenshots", async ({ page }) => {
  const server = await startFixtureServer();
  const studio = new Studio(page);
  await studio.open();
  await page.screenshot({ path: `${OUT}/welcome.png` });

  await page.getByRole("button", { name: "Try with sample documents" }).click();
  await studio.connectServer(server.url, FIXTURE_MODEL);
  await expect(page.getByRole("heading", { name: "Photosynthesis in brief" })).toBeVisible();
  server.script([
    {
      kind: "ok",
      chunkSize: 5,
      delayMs: 40,
      output:
        "<QUE> Where does photosynthesis mainly take place? <ANS> In the chloroplasts of leaf cells. </END>\n\n" +
        "<QUE> Which gas is released when light splits water molecules? <ANS> Oxygen. </END>\n\n" +
        "<QUE> What is the role of RuBisCO?\nOptions:\n- It splits water\n- It captures carbon dioxide\n- It absorbs green light <ANS> It captures carbon dioxide </END>\n\n" +
        "<QUE> Why do leaves look green? <ANS> Chlorophyll reflects green light while absorbing red and blue. </END>",
    },
  ]);
  await studio.synthesizeButton().click();
  await expect(page.getByLabel("Raw model output")).toContainText("RuBisCO");
  await page.screenshot({ path: `${OUT}/streaming.png` });
  await expect(studio.pairs()).toHaveCount(4);
  await studio.pair(1).getByRole("button", { name: "Accept" }).click();
  await studio.pair(2).getByRole("button", { name: "Accept" }).click();
  await studio.pair(4).getByRole("button", { name: "Edit" }).click();
  await studio
    .pair(4)
    .getByLabel("Answer")
    .fill("Chlorophyll absorbs red and blue light and reflects green.");
  await page.screenshot({ path: `${OUT}/studio.png` });
  await studio.pair(4).getByLabel("Answer").press("Control+Enter");

  await page.getByRole("button", { name: /Theme/ }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  // Buttons fade their colours; wait for the dark background before the picture.
  await expect(page.getByRole("button", { name: "New", exact: true })).toHaveCSS(
    "background-color",
    "oklch(0.205 0 none)",
  );
  await page.screenshot({ path: `${OUT}/studio-dark.png` });
  await page.getByRole("button", { name: /Theme/ }).click();
  await page.getByRole("button", { name: /Theme/ }).click();

  await page.keyboard.press("?");
  await page.screenshot({ path: `${OUT}/shortcuts.png` });
  await page.keyboard.press("Escape");

  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Export" })
    .click();
  await expect(page.getByRole("table", { name: "Mix counts" })).toBeVisible();
  await page.screenshot({ path: `${OUT}/export.png` });

  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Models" })
    .click();
  await page.getByRole("button", { name: "Load Qwen2.5 0.5B (approximation, f16)" }).click();
  await expect(
    page.getByRole("region", { name: "In-browser models" }).getByRole("alert"),
  ).toBeVisible();
  await page.screenshot({ path: `${OUT}/models.png`, fullPage: true });
  await server.close();
});
