import { expect, test, type Page } from "@playwright/test";

const WEIGHTS = "https://models.example.test/qwen-f32/resolve/main/";
const LIBRARY = "https://models.example.test/libs/qwen-f32-webgpu.wasm";

async function openModels(page: Page) {
  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Pages" })
    .getByRole("button", { name: "Models" })
    .click();
  await expect(page.getByRole("region", { name: "WebGPU report" })).toBeVisible();
}

test("the probe shows the software adapter and no shader-f16", async ({ page }) => {
  await openModels(page);
  const report = page.getByRole("region", { name: "WebGPU report" });
  await expect(report.getByText("WebGPU", { exact: true }).locator("..")).toContainText("yes");
  await expect(report.getByText("shader-f16", { exact: true }).locator("..")).toContainText("no");
  await expect(report).toContainText("swiftshader");
  await expect(report).toContainText("software adapter");
});

test("an f16 model on a GPU without shader-f16 explains why and offers the f32 variant", async ({
  page,
}) => {
  await openModels(page);
  const requests: string[] = [];
  page.context().on("request", (r) => {
    if (r.url().includes("huggingface") || r.url().includes("githubusercontent"))
      requests.push(r.url());
  });
  await page.getByRole("button", { name: "Load Qwen2.5 0.5B (approximation, f16)" }).click();
  const alert = page.getByRole("region", { name: "In-browser models" }).getByRole("alert");
  await expect(alert).toContainText("shader-f16");
  await expect(
    alert.getByRole("button", { name: "Load Qwen2.5 0.5B (approximation, f32) instead" }),
  ).toBeVisible();
  // Refused before any download.
  expect(requests).toEqual([]);
});

test("a failing download in the real WebLLM worker becomes an actionable message", async ({
  page,
}) => {
  const routed: string[] = [];
  await page.context().route("https://models.example.test/**", async (route) => {
    routed.push(route.request().url());
    await route.fulfill({ status: 404, body: "not found" });
  });
  await openModels(page);
  const custom = page.getByRole("listitem", { name: "Custom model" });
  await custom.getByLabel(/Weights URL/).fill(WEIGHTS);
  await custom.getByLabel(/Model library URL/).fill(LIBRARY);
  await custom.getByRole("button", { name: "Save URLs" }).click();
  await expect(page.getByText("Saved the URLs for Custom model.")).toBeVisible();
  await custom.getByRole("button", { name: "Load Custom model" }).click();

  const alert = page.getByRole("region", { name: "In-browser models" }).getByRole("alert");
  await expect(alert).toContainText("Could not load Custom model", { timeout: 30_000 });
  await expect(alert).toContainText(/download/i);
  await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
  // The worker really asked the routed URLs.
  expect(routed.some((u) => u.startsWith(WEIGHTS))).toBe(true);
  await expect(page.getByTestId("engine-status")).toContainText("failed");
});

test("a prebuilt f32 model whose downloads fail reports a download error, not a crash", async ({
  page,
}) => {
  const routed: string[] = [];
  for (const host of ["https://huggingface.co/**", "https://raw.githubusercontent.com/**"]) {
    await page.context().route(host, async (route) => {
      routed.push(route.request().url());
      await route.fulfill({ status: 503, body: "unavailable" });
    });
  }
  await openModels(page);
  await page.getByRole("button", { name: "Load Qwen2.5 0.5B (approximation, f32)" }).click();
  const alert = page.getByRole("region", { name: "In-browser models" }).getByRole("alert");
  await expect(alert).toContainText("Could not load Qwen2.5 0.5B (approximation, f32)", {
    timeout: 30_000,
  });
  await expect(alert).toContainText(/download/i);
  expect(routed.length).toBeGreaterThan(0);
});
