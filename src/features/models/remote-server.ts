import { readBlock } from "../../core/tags";
import { deleteSetting, getSetting, setSetting } from "../../db";
import { studio } from "../../db/studio";
import { createOpenAIEngine } from "../../engine/openai/openai-engine";
import { useEngine } from "../../stores/engine-store";

export interface RemoteServerSettings {
  baseUrl: string;
  model: string;
  /** Stored only when the user ticks "remember"; never written into exports. */
  apiKey?: string;
  rememberKey: boolean;
  concurrency: number;
}

const KEY = "remote-server";
const ACTIVE_KEY = "active-engine";

export const DEFAULT_REMOTE: RemoteServerSettings = {
  baseUrl: "http://localhost:8000/v1",
  model: "instruction-pretrain/instruction-synthesizer",
  rememberKey: false,
  concurrency: 8,
};

export function loadRemoteSettings(): Promise<RemoteServerSettings> {
  return getSetting(studio, KEY, DEFAULT_REMOTE);
}

/**
 * Makes the OpenAI-compatible server the active engine. The server runs the real synthesizer
 * (vLLM serves the reference model), so prompts are the plain `readBlock(text)`, exactly the
 * string the reference pipeline sends; the server's tokenizer maps the literal "<s>" to BOS.
 */
export async function connectRemote(
  settings: RemoteServerSettings,
  apiKey?: string,
): Promise<void> {
  const { rememberKey: remember } = settings;
  const stored: RemoteServerSettings = { ...settings, apiKey: remember ? apiKey : undefined };
  await setSetting(studio, KEY, stored);
  await setSetting(studio, ACTIVE_KEY, "remote");
  const engine = createOpenAIEngine({
    baseUrl: settings.baseUrl,
    model: settings.model,
    apiKey: apiKey || undefined,
    concurrency: settings.concurrency,
  });
  useEngine.getState().setStatus({
    state: "ready",
    label: `${settings.model} @ ${new URL(settings.baseUrl).host}`,
    engine,
    approximation: false,
    promptFor: (text) => ({ prompt: readBlock(text) }),
  });
}

export async function forgetRemoteKey(): Promise<void> {
  const s = await loadRemoteSettings();
  await setSetting(studio, KEY, { ...s, apiKey: undefined, rememberKey: false });
}

/** On start-up, reconnect to the server used last time (HTTP engines hold no state). */
export async function restoreActiveEngine(): Promise<void> {
  const active = await getSetting<string | null>(studio, ACTIVE_KEY, null);
  if (active !== "remote") return;
  const s = await loadRemoteSettings();
  await connectRemote(s, s.apiKey);
}

export async function clearActiveEngine(): Promise<void> {
  await deleteSetting(studio, ACTIVE_KEY);
}
