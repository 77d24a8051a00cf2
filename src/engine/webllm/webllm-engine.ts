/**
 * The WebLLM controller: loads a catalog model into a dedicated module worker, reports one
 * monotonic progress, cancels and unloads, and manages the model cache. web-llm itself is
 * imported lazily, so the main bundle stays small until a model is used. Every browser entry
 * point is injectable, so the logic runs under Node tests with fakes.
 */
import type { ChatOptions } from "@mlc-ai/web-llm";
import { EngineError, type SynthesisEngine } from "../../core/synthesis-engine";
import { buildAppConfig, weightsFolder, type CatalogModel } from "./catalog";
import { toEngineError } from "./errors";
import { createLoadProgressTracker, type LoadProgress } from "./load-progress";
import { createWebLLMSynthesisEngine } from "./webllm-client";
import {
  browserAdapterFeatures,
  browserApi,
  browserCache,
  browserWorker,
  type WebLLMApi,
  type WebLLMControllerDeps,
  type WorkerLike,
} from "./webllm-deps";

export type { LoadableEngine, WebLLMApi, WebLLMControllerDeps, WorkerLike } from "./webllm-deps";

/** Loads, cancels and unloads WebLLM models and manages their cache. */
export interface WebLLMController {
  /** Loads a model (replacing any loaded one). Rejects with an `EngineError`, or with a
   * DOMException named "AbortError" when `cancelLoad()` or another `load()` cancels it. */
  load(
    model: CatalogModel,
    onProgress: (progress: LoadProgress) => void,
    overrides?: ChatOptions,
  ): Promise<SynthesisEngine>;
  /** Cancels a load in progress; downloaded shards stay cached, so a later load resumes. */
  cancelLoad(): void;
  /** Terminates the worker, freeing GPU memory; engines returned earlier fail "not-loaded". */
  unload(): Promise<void>;
  /** True when the model's weights and every shard are in the browser cache. */
  isCached(model: CatalogModel): Promise<boolean>;
  /** Removes the model's weights, tokenizer, library and config from the browser cache. */
  deleteFromCache(model: CatalogModel): Promise<void>;
  /** The id of the model loaded now, or null. */
  readonly loadedModelId: string | null;
}

/** True for the rejection `load()` gives when it was cancelled. */
export function isLoadCancelled(err: unknown): boolean {
  return err instanceof DOMException && err.name === "AbortError";
}

interface Pending {
  cancelled: boolean;
  cancel(): void;
}

/** Creates the controller; pass `deps` in tests to replace the browser and web-llm. */
export function createWebLLMController(deps: WebLLMControllerDeps = {}): WebLLMController {
  const createWorker = deps.createWorker ?? browserWorker;
  const adapterFeatures = deps.adapterFeatures ?? browserAdapterFeatures;
  const cache = deps.cache ?? browserCache;
  let apiPromise: Promise<WebLLMApi> | undefined;
  const api = (): Promise<WebLLMApi> =>
    (apiPromise ??= (deps.api ?? browserApi)().catch((err: unknown) => {
      apiPromise = undefined; // a failed chunk download should not stick until a page reload
      throw err;
    }));
  let pending: Pending | null = null;
  let loaded: { modelId: string; worker: WorkerLike; session: AbortController } | null = null;

  const teardown = (): void => {
    loaded?.session.abort();
    loaded?.worker.terminate();
    loaded = null;
  };

  const controller: WebLLMController = {
    get loadedModelId() {
      return loaded?.modelId ?? null;
    },

    async load(model, onProgress, overrides) {
      controller.cancelLoad();
      teardown(); // one model at a time: a 7B model leaves no GPU memory for a second one
      let rejectCancel: (err: unknown) => void = () => {};
      const cancelled = new Promise<never>((_, reject) => (rejectCancel = reject));
      cancelled.catch(() => {}); // observed via Promise.race below
      const token: Pending = { cancelled: false, cancel: () => rejectCancel(abortError()) };
      pending = token;
      const tracker = createLoadProgressTracker(deps.now);
      onProgress(tracker.current());
      let worker: WorkerLike | undefined;
      try {
        await Promise.race([preflight(model, adapterFeatures), cancelled]);
        const webllm = await Promise.race([api(), cancelled]);
        const w = (worker = createWorker());
        const crashed = new Promise<never>((_, reject) =>
          w.addEventListener("error", (ev) => reject(new Error(workerErrorText(ev)))),
        );
        const engine = webllm.createEngine(w, {
          appConfig: buildAppConfig(model, overrides),
          initProgressCallback: (report) => {
            if (!token.cancelled) onProgress(tracker.update(report));
          },
          logLevel: "WARN",
        });
        await Promise.race([engine.reload(model.id), cancelled, crashed]);
        // reload() resolves silently when aborted (it only logs "Reload() is aborted."), so a
        // resolved reload proves nothing by itself: our own flag says whether it was cancelled.
        if (token.cancelled) throw abortError();
        const session = new AbortController();
        w.addEventListener("error", () => session.abort());
        loaded = { modelId: model.id, worker: w, session };
        return createWebLLMSynthesisEngine(engine, model.id, session.signal);
      } catch (err) {
        worker?.terminate();
        if (token.cancelled || isLoadCancelled(err)) throw abortError();
        throw toEngineError(err);
      } finally {
        if (pending === token) pending = null;
      }
    },

    cancelLoad() {
      if (!pending) return;
      pending.cancelled = true;
      pending.cancel();
      pending = null;
    },

    unload() {
      controller.cancelLoad();
      teardown();
      return Promise.resolve();
    },

    async isCached(model) {
      if (!model.weightsUrl) return false;
      try {
        return await (await api()).hasModelInCache(model.id, buildAppConfig(model));
      } catch {
        return false; // no Cache API (insecure context) or an invalid URL: nothing is cached
      }
    },

    async deleteFromCache(model) {
      if (!model.weightsUrl) return;
      const appConfig = buildAppConfig(model);
      const manifest = `${weightsFolder(appConfig.model_list[0]?.model ?? "")}tensor-cache.json`;
      try {
        const webllm = await api();
        // web-llm lists the shards to delete from tensor-cache.json and DOWNLOADS it when it is
        // not cached. It is cached before any shard, so without it there are no shards.
        if (await cache.has("webllm/model", manifest)) {
          await webllm.deleteModelAllInfoInCache(model.id, appConfig);
          await cache.delete("webllm/model", manifest); // web-llm leaves the manifest behind
        } else {
          await webllm.deleteModelWasmInCache(model.id, appConfig);
          await webllm.deleteChatConfigInCache(model.id, appConfig);
        }
      } catch (err) {
        throw toEngineError(err);
      }
    },
  };
  return controller;
}

/** Fails fast, before any download, on what would otherwise fail after minutes of it. */
async function preflight(
  model: CatalogModel,
  adapterFeatures: () => Promise<ReadonlySet<string> | null>,
): Promise<void> {
  if (!model.weightsUrl || !model.libUrl) {
    const missing = !model.weightsUrl ? "weights URL" : "library URL";
    throw new EngineError("download", `Set the ${missing} of "${model.label}" before loading it.`);
  }
  const features = await adapterFeatures().catch(() => null);
  if (!features) {
    throw toEngineError("WebGPUNotAvailableError: no WebGPU adapter (checked before loading)");
  }
  if (model.requiredFeatures.includes("shader-f16") && !features.has("shader-f16")) {
    const instead = model.f32VariantId
      ? `Load its f32 variant "${model.f32VariantId}" instead.`
      : "Use a model quantized without f16 (q4f32_1), or a browser and GPU with shader-f16.";
    throw new EngineError(
      "no-shader-f16",
      `"${model.label}" needs the WebGPU shader-f16 feature, which this GPU or browser lacks. ${instead}`,
      `adapter features: ${[...features].join(", ") || "(none)"}`,
    );
  }
}

function abortError(): DOMException {
  return new DOMException("Model loading was cancelled.", "AbortError");
}

function workerErrorText(ev: Event): string {
  // An ErrorEvent carries a message; a module worker that fails to load gives a bare Event.
  const message = "message" in ev && typeof ev.message === "string" ? ev.message : "";
  return `Worker error: ${message || "the model worker failed to start"}`;
}
