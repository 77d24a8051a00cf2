import { defineConfig } from "@playwright/test";

const executablePath = process.env.CHROMIUM_PATH;
// E2E_PORT lets two runs share a machine.
const PORT = Number(process.env.E2E_PORT ?? 4317);
// E2E_DIST serves another build folder (default dist/), so two checkouts' builds don't collide.
const DIST = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : "";

// The closed network here refuses Chromium's background connections; these flags stop it
// trying. --no-sandbox because CI runs as root.
const quietChromium = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host localhost${DIST}`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    // Screenshots for the README and docs/, taken only on request (npm run screenshots).
    ...(process.env.SCREENSHOTS
      ? [
          {
            name: "screenshots",
            testMatch: "**/screenshots.shots.ts",
            use: {
              browserName: "chromium" as const,
              viewport: { width: 1440, height: 900 },
              launchOptions: { executablePath, args: [...quietChromium, "--enable-unsafe-webgpu"] },
            },
          },
        ]
      : []),
    {
      name: "flows",
      testIgnore: "**/webgpu*.spec.ts",
      use: { browserName: "chromium", launchOptions: { executablePath, args: quietChromium } },
    },
    {
      // A software WebGPU adapter (SwiftShader, no shader-f16) for the probe and the real
      // WebLLM worker's error paths.
      name: "webgpu",
      testMatch: "**/webgpu*.spec.ts",
      use: {
        browserName: "chromium",
        launchOptions: { executablePath, args: [...quietChromium, "--enable-unsafe-webgpu"] },
      },
    },
  ],
});
