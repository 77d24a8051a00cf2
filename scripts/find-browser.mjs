// Finds a Chromium for the e2e tests: CHROMIUM_PATH, then Playwright's own download, then the
// Debian package. Prints the install command when there is none.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

export function findBrowser() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but no file is there.`);
  }
  try {
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright throws when its browser was never downloaded; fall through.
  }
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  return null;
}

export function installHint() {
  if (process.platform === "linux") {
    return "No Chromium found. Install one with:\n  sudo apt-get install -y chromium        (Debian/Ubuntu)\nor\n  npx playwright install chromium\nor point CHROMIUM_PATH at a Chromium binary.";
  }
  return "No Chromium found. Install one with:\n  npx playwright install chromium\nor point CHROMIUM_PATH at a Chromium or Chrome binary.";
}
