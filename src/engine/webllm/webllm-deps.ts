/**
 * The browser and web-llm entry points the WebLLM controller uses, as small interfaces with
 * browser defaults. Tests replace them with fakes, so the controller's logic runs under Node.
 */
import type { AppConfig, ChatOptions, MLCEngineConfig } from "@mlc-ai/web-llm";
import type { MLCEngineLike } from "./webllm-client";

/** What web-llm needs of a worker (its `ChatWorker`), plus what we use to manage it. */
export interface WorkerLike {
  onmessage: unknown;
  postMessage(message: unknown): void;
  terminate(): void;
  addEventListener(type: "error", listener: (event: Event) => void): void;
}

/** A web-llm engine client that can load a model. */
export interface LoadableEngine extends MLCEngineLike {
  reload(modelId: string, chatOpts?: ChatOptions): Promise<void>;
}

/** The web-llm functions the controller calls. Pass the same AppConfig you load with. */
export interface WebLLMApi {
  createEngine(worker: WorkerLike, config: MLCEngineConfig): LoadableEngine;
  hasModelInCache(modelId: string, appConfig: AppConfig): Promise<boolean>;
  deleteModelAllInfoInCache(modelId: string, appConfig: AppConfig): Promise<void>;
  deleteModelWasmInCache(modelId: string, appConfig: AppConfig): Promise<void>;
  deleteChatConfigInCache(modelId: string, appConfig: AppConfig): Promise<void>;
}

/** Direct access to one Cache Storage entry (web-llm's "webllm/*" caches). */
export interface CacheEntries {
  has(scope: string, url: string): Promise<boolean>;
  delete(scope: string, url: string): Promise<void>;
}

/** Everything the controller takes from outside; each defaults to the browser's. */
export interface WebLLMControllerDeps {
  /** Resolves web-llm's entry points; defaults to a lazy `import("@mlc-ai/web-llm")`. */
  api?: () => Promise<WebLLMApi>;
  createWorker?: () => WorkerLike;
  /** The GPU adapter's features, or null when there is no WebGPU adapter. */
  adapterFeatures?: () => Promise<ReadonlySet<string> | null>;
  cache?: CacheEntries;
  now?: () => number;
}

/** Loads web-llm only when first needed: it is several MB and would bloat the main bundle. */
export async function browserApi(): Promise<WebLLMApi> {
  const webllm = await import("@mlc-ai/web-llm");
  return {
    createEngine: (worker, config) => new webllm.WebWorkerMLCEngine(worker, config),
    hasModelInCache: webllm.hasModelInCache,
    deleteModelAllInfoInCache: webllm.deleteModelAllInfoInCache,
    deleteModelWasmInCache: webllm.deleteModelWasmInCache,
    deleteChatConfigInCache: webllm.deleteChatConfigInCache,
  };
}

/** The module worker hosting web-llm; Vite bundles it from this exact `new URL(...)` form. */
export function browserWorker(): WorkerLike {
  return new Worker(new URL("./llm.worker.ts", import.meta.url), { type: "module" });
}

/** The features of the adapter web-llm will use, or null when there is none. */
export async function browserAdapterFeatures(): Promise<ReadonlySet<string> | null> {
  const gpu = typeof navigator === "undefined" ? undefined : navigator.gpu;
  if (!gpu) return null;
  // The same request web-llm makes, so we check the adapter it will get.
  const adapter = await gpu.requestAdapter({ powerPreference: "high-performance" });
  return adapter ? new Set(adapter.features) : null;
}

/** Cache Storage, as web-llm's "cache" backend uses it (entries keyed by full URL). */
export const browserCache: CacheEntries = {
  async has(scope, url) {
    if (typeof caches === "undefined") return false;
    return (await (await caches.open(scope)).match(url)) !== undefined;
  },
  async delete(scope, url) {
    if (typeof caches === "undefined") return;
    await (await caches.open(scope)).delete(url);
  },
};
