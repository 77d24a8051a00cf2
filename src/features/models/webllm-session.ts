import { DEFAULT_COMPLETION, EngineError } from "../../core/synthesis-engine";
import { getSetting, setSetting } from "../../db";
import { studio } from "../../db/studio";
import { loadCatalog, type CatalogModel, type ModelSettings } from "../../engine/webllm/catalog";
import { buildPrompt, completionOptionsFor, isApproximation } from "../../engine/webllm/few-shot";
import { createWebLLMController, isLoadCancelled } from "../../engine/webllm/webllm-engine";
import { useEngine } from "../../stores/engine-store";
import { clearActiveEngine } from "./remote-server";

const SETTINGS_KEY = "model-settings";

/** One controller per page: a 7B model leaves no GPU memory for a second one. */
const controller = createWebLLMController();

export function loadModelSettings(): Promise<ModelSettings> {
  return getSetting<ModelSettings>(studio, SETTINGS_KEY, {});
}

export async function saveModelSettings(id: string, patch: ModelSettings[string]): Promise<void> {
  const all = await loadModelSettings();
  await setSetting(studio, SETTINGS_KEY, { ...all, [id]: { ...all[id], ...patch } });
}

/** The catalog with the user's URL settings applied. */
export async function catalogWithSettings(): Promise<CatalogModel[]> {
  return loadCatalog(await loadModelSettings());
}

/**
 * Loads a model into WebGPU and makes it the active engine. Progress goes to the engine store;
 * a failure becomes an error status carrying the actionable message and the raw detail.
 */
export async function loadWebLLMModel(model: CatalogModel): Promise<void> {
  const { setStatus } = useEngine.getState();
  await clearActiveEngine();
  setStatus({
    state: "loading",
    label: model.label,
    progress: { overall: 0, label: "Starting…", elapsedSeconds: 0 },
  });
  try {
    const engine = await controller.load(model, (progress) =>
      setStatus({ state: "loading", label: model.label, progress }),
    );
    const stop = completionOptionsFor(model, DEFAULT_COMPLETION).stop;
    setStatus({
      state: "ready",
      label: model.label,
      engine,
      approximation: isApproximation(model),
      promptFor: (text) => ({ prompt: buildPrompt(model, text), ...(stop ? { stop } : {}) }),
    });
  } catch (err) {
    if (isLoadCancelled(err)) {
      setStatus({ state: "none" });
      return;
    }
    const e =
      err instanceof EngineError
        ? err
        : new EngineError("unknown", "Loading the model failed.", String(err));
    setStatus({
      state: "error",
      label: model.label,
      error: { kind: e.kind, message: e.message, detail: e.detail },
    });
  }
}

export function cancelWebLLMLoad(): void {
  controller.cancelLoad();
}

export async function unloadWebLLM(): Promise<void> {
  await controller.unload();
  useEngine.getState().setStatus({ state: "none" });
}

export function isModelCached(model: CatalogModel): Promise<boolean> {
  return controller.isCached(model);
}

export function deleteModelFromCache(model: CatalogModel): Promise<void> {
  return controller.deleteFromCache(model);
}
