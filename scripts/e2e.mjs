// Runs the Playwright e2e tests with the browser found by find-browser.mjs.
import { spawnSync } from "node:child_process";
import { findBrowser, installHint } from "./find-browser.mjs";

const browser = findBrowser();
if (!browser) {
  console.error(installHint());
  process.exit(1);
}
console.log(`e2e: using ${browser}`);
const result = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, CHROMIUM_PATH: browser },
});
process.exit(result.status ?? 1);
