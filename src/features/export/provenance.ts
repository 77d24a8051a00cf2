import type { Provenance } from "../../core/export/hub-bundle";
import { countStudio, type StudioDocument } from "../../core/export/studio-dataset";
import { studio } from "../../db/studio";
import { APP_VERSION } from "../../lib/app-version";

const ENGINE_NAMES: Record<string, string> = {
  webllm: "WebLLM (WebGPU, in the browser)",
  openai: "OpenAI-compatible server",
  ipt: "ipt command (OpenAI-compatible server)",
};

/**
 * How the project's pairs were made, for the Hub card: the model and engine of its most
 * recent synthesis, the studio's synthesis settings, and the export's own choices. Never a
 * server URL or key.
 */
export async function projectProvenance(
  projectId: string,
  docs: StudioDocument[],
  chosen: {
    seed: number;
    pack: { name: string; version: string | number };
    export: Provenance["export"];
  },
): Promise<Provenance> {
  const results = await studio.db.results.where("projectId").equals(projectId).sortBy("startedAt");
  const last = results.at(-1);
  return {
    model: last?.modelId ?? "unknown",
    engine: last ? (ENGINE_NAMES[last.engineId] ?? last.engineId) : "none",
    settings: {
      maxModelLen: 4096,
      maxNewTokens: last?.settings.maxTokens ?? 400,
      temperature: last?.settings.temperature ?? 0,
      rounds: 1,
      budget: "words",
    },
    seed: chosen.seed,
    templatePack: chosen.pack,
    appVersion: APP_VERSION,
    counts: countStudio(docs),
    export: chosen.export,
  };
}
