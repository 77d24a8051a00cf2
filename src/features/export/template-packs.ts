import { DEFAULT_TEMPLATE_PACK } from "../../core/cook/default-pack";
import type { TemplatePack } from "../../core/cook/template-pack";
import { validateTemplatePack } from "../../core/cook/validate-pack";
import { getSetting, setSetting } from "../../db";
import { studio } from "../../db/studio";

const KEY = "template-packs";

/** The built-in pack first, then the packs the user imported (stored in Dexie settings). */
export async function listTemplatePacks(): Promise<TemplatePack[]> {
  const imported = await getSetting<unknown[]>(studio, KEY, []);
  const valid = imported.flatMap((json) => {
    const checked = validateTemplatePack(json);
    return checked.ok ? [checked.pack] : [];
  });
  return [DEFAULT_TEMPLATE_PACK, ...valid];
}

/**
 * Imports a pack file. An invalid pack is refused with the exact path of the first problem; a
 * pack with the name of an imported one replaces it.
 */
export async function importTemplatePack(file: File): Promise<TemplatePack> {
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (err) {
    throw new Error(
      `${file.name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const checked = validateTemplatePack(json);
  if (!checked.ok)
    throw new Error(
      `${file.name} is not a valid template pack: ${checked.path || "(root)"}: ${checked.message}`,
    );
  if (checked.pack.name === DEFAULT_TEMPLATE_PACK.name)
    throw new Error(`"${checked.pack.name}" is the built-in pack's name; rename yours.`);
  const imported = await getSetting<unknown[]>(studio, KEY, []);
  const others = imported.filter((p) => (p as { name?: unknown }).name !== checked.pack.name);
  await setSetting(studio, KEY, [...others, json]);
  return checked.pack;
}
