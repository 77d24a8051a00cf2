import json from "./default-pack.json";
import type { TemplatePack } from "./template-pack";
import { validateTemplatePack } from "./validate-pack";

function load(): TemplatePack {
  const result = validateTemplatePack(json);
  // The built-in pack is checked by tests; failing loudly here beats cooking with a broken one.
  if (!result.ok) throw new Error(`default template pack: ${result.path}: ${result.message}`);
  return result.pack;
}

/** The studio's own template pack (`default-pack.json`), validated. */
export const DEFAULT_TEMPLATE_PACK: TemplatePack = load();
