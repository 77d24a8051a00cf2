import { DEFAULT_JOB_SETTINGS, type JobSettings } from "../core/job-settings";
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

const synthesisKey = (projectId: string) => `synthesis:${projectId}`;
const tokenizerKey = (projectId: string) => `tokenizer:${projectId}`;

/** A project's synthesis settings, with defaults for fields an older studio did not store. */
export async function readJobSettings(ctx: DbContext, projectId: string): Promise<JobSettings> {
  const stored = await getSetting<Partial<JobSettings>>(ctx, synthesisKey(projectId), {});
  return { ...DEFAULT_JOB_SETTINGS, ...stored };
}

export async function saveJobSettings(
  ctx: DbContext,
  projectId: string,
  settings: JobSettings,
): Promise<void> {
  await setSetting(ctx, synthesisKey(projectId), settings);
}

/** The model's tokenizer.json a project counts tokens with, when the user gave one. */
export interface StoredTokenizer {
  name: string;
  json: ArrayBuffer;
}

export function readTokenizer(ctx: DbContext, projectId: string): Promise<StoredTokenizer | null> {
  return getSetting<StoredTokenizer | null>(ctx, tokenizerKey(projectId), null);
}

export async function saveTokenizer(
  ctx: DbContext,
  projectId: string,
  tokenizer: StoredTokenizer | null,
): Promise<void> {
  if (tokenizer) await setSetting(ctx, tokenizerKey(projectId), tokenizer);
  else await deleteSetting(ctx, tokenizerKey(projectId));
}
