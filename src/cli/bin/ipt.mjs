#!/usr/bin/env node
// Launches the bundled CLI. The bundle is built by `npm run build:cli`, which `npm ci` runs
// through the project's "prepare" script.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/ipt.mjs", import.meta.url);
if (!existsSync(bundle)) {
  console.error("ipt: the CLI is not built yet. Run `npm run build:cli` in the project folder.");
  process.exit(2);
}
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2));
