import type { DbContext } from "./context";
import { guardWrite } from "./storage-error";

export async function getSetting<T>(ctx: DbContext, key: string, fallback: T): Promise<T> {
  const row = await ctx.db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(ctx: DbContext, key: string, value: unknown): Promise<void> {
  await guardWrite(() => ctx.db.settings.put({ key, value }));
}

export async function deleteSetting(ctx: DbContext, key: string): Promise<void> {
  await guardWrite(() => ctx.db.settings.delete(key));
}

/** Which project was open, so a reload (or a restore) returns to it. */
export const CURRENT_PROJECT_KEY = "current-project";
