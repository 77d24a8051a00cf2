import type { Provenance } from "../../core/export/hub-bundle";
import { countProjectForExport, readJobSettings, type ResultRow } from "../../db";
import { studio } from "../../db/studio";
import { APP_VERSION } from "../../lib/app-version";

const ENGINE_NAMES: Record<string, string> = {
  webllm: "WebLLM (WebGPU, in the browser)",
  openai: "OpenAI-compatible server",
  ipt: "ipt command (OpenAI-compatible server)",
};

/**
 * How the project's pairs were made, for the Hub card: the model and engine of its most
 * recent synthesis, the settings of its latest batch job (or the project's synthesis settings
 * when no job ran), the review counts, and the export's own choices. Never a server URL or key.
 */
export async function projectProvenance(
  projectId: string,
  chosen: {
    seed: number;
    pack: { name: string; version: string | number };
    export: Provenance["export"];
  },
): Promise<Provenance> {
  const { db } = studio;
  // A cursor keeps only the latest result, not every raw output of the project.
  let last: ResultRow | undefined;
  await db.results
    .where("projectId")
    .equals(projectId)
    .each((r) => {
      if (!last || r.startedAt >= last.startedAt) last = r;
    });
  const job = await db.jobs
    .where("[projectId+createdAt]")
    .between([projectId, -Infinity], [projectId, Infinity])
    .last();
  const settings = job?.settings ?? (await readJobSettings(studio, projectId));
  return {
    model: last?.modelId ?? "unknown",
    engine: last ? (ENGINE_NAMES[last.engineId] ?? last.engineId) : "none",
    settings: {
      maxModelLen: settings.maxModelLen,
      maxNewTokens: last?.settings.maxTokens ?? settings.maxNewTokens,
      temperature: last?.settings.temperature ?? settings.temperature,
      rounds: settings.rounds,
      budget: settings.budgetMode,
    },
    seed: chosen.seed,
    templatePack: chosen.pack,
    appVersion: APP_VERSION,
    counts: await countProjectForExport(studio, projectId),
    export: chosen.export,
  };
}
