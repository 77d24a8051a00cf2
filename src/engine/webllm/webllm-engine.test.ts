import type { AppConfig, MLCEngineConfig } from "@mlc-ai/web-llm";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_COMPLETION } from "../../core/synthesis-engine";
import type { CatalogModel } from "./catalog";
import type { LoadProgress } from "./load-progress";
import {
  createWebLLMController,
  isLoadCancelled,
  type LoadableEngine,
  type WebLLMApi,
  type WorkerLike,
} from "./webllm-engine";

const model: CatalogModel = {
  id: "synth",
  label: "Synth",
  kind: "synthesizer",
  description: "",
  weightsUrl: "http://127.0.0.1:9/m/resolve/main/",
  libUrl: "http://127.0.0.1:9/lib.wasm",
  requiredFeatures: ["shader-f16"],
  f32VariantId: "synth-f32",
  contextWindow: 4096,
  userConfigurable: true,
};

class FakeWorker implements WorkerLike {
  onmessage: unknown = null;
  terminated = false;
  private errorListeners: ((e: Event) => void)[] = [];
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(_type: "error", listener: (e: Event) => void): void {
    this.errorListeners.push(listener);
  }
  crash(message: string): void {
    const ev = Object.assign(new Event("error"), { message });
    for (const l of this.errorListeners) l(ev);
  }
}

/** A fake web-llm: reload() reports progress and resolves when the test says so. */
function setup(features: string[] | null = ["shader-f16"]) {
  const workers: FakeWorker[] = [];
  const configs: MLCEngineConfig[] = [];
  let finishReload: (err?: unknown) => void = () => {};
  const reload = vi.fn(
    () =>
      new Promise<void>((resolve, reject) => {
        configs.at(-1)?.initProgressCallback?.({
          progress: 0,
          timeElapsed: 0,
          text: "Start to fetch params",
        });
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the worker client rejects with strings
        finishReload = (err) => (err === undefined ? resolve() : reject(err));
      }),
  );
  const engine: LoadableEngine = {
    reload,
    interruptGenerate: vi.fn(),
    completions: {
      create: () =>
        Promise.resolve(
          (async function* () {
            await Promise.resolve();
            yield { choices: [{ text: "ok", finish_reason: "stop" }] };
          })(),
        ),
    },
  };
  const hasModelInCache = vi.fn((_id: string, _c: AppConfig) => Promise.resolve(true));
  const deleteModelAllInfoInCache = vi.fn((_id: string, _c: AppConfig) => Promise.resolve());
  const deleteModelWasmInCache = vi.fn((_id: string, _c: AppConfig) => Promise.resolve());
  const deleteChatConfigInCache = vi.fn((_id: string, _c: AppConfig) => Promise.resolve());
  const cached = new Set<string>();
  const cache = {
    has: (scope: string, url: string) => Promise.resolve(cached.has(`${scope} ${url}`)),
    delete: (scope: string, url: string) => Promise.resolve(void cached.delete(`${scope} ${url}`)),
  };
  const api: WebLLMApi = {
    createEngine: (_worker, config) => {
      configs.push(config);
      return engine;
    },
    hasModelInCache,
    deleteModelAllInfoInCache,
    deleteModelWasmInCache,
    deleteChatConfigInCache,
  };
  const controller = createWebLLMController({
    api: () => Promise.resolve(api),
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    adapterFeatures: () => Promise.resolve(features && new Set(features)),
    cache,
    now: () => 0,
  });
  const progress: LoadProgress[] = [];
  const onProgress = (p: LoadProgress): number => progress.push(p);
  const reloadStarted = () => vi.waitFor(() => expect(reload).toHaveBeenCalled());
  return {
    controller,
    reload,
    hasModelInCache,
    deleteModelAllInfoInCache,
    deleteModelWasmInCache,
    deleteChatConfigInCache,
    cached,
    workers,
    configs,
    progress,
    onProgress,
    reloadStarted,
    finish: (e?: unknown) => finishReload(e),
  };
}

describe("WebLLM controller", () => {
  it("loads into a worker with our AppConfig and returns a working engine", async () => {
    const t = setup();
    const loading = t.controller.load(model, t.onProgress);
    await t.reloadStarted();
    t.finish();
    const synth = await loading;
    expect(t.reload).toHaveBeenCalledWith("synth");
    expect(t.configs[0]?.appConfig?.model_list[0]).toMatchObject({
      model_id: "synth",
      model: model.weightsUrl,
      model_lib: model.libUrl,
    });
    expect(t.configs[0]?.appConfig?.cacheBackend).toBe("cache");
    expect(t.progress.map((p) => p.phase)).toEqual(["starting", "fetch"]);
    expect(t.controller.loadedModelId).toBe("synth");
    await expect(synth.complete("p", DEFAULT_COMPLETION)).resolves.toMatchObject({ text: "ok" });
  });

  it("refuses an f16 model without shader-f16 before downloading, naming the f32 variant", async () => {
    const t = setup(["subgroups"]);
    const err = await t.controller.load(model, t.onProgress).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: "no-shader-f16" });
    expect(String((err as Error).message)).toContain('"synth-f32"');
    expect(t.workers).toHaveLength(0);
  });

  it("reports no-webgpu when there is no adapter, and a missing URL before anything else", async () => {
    const t = setup(null);
    await expect(t.controller.load(model, t.onProgress)).rejects.toMatchObject({
      kind: "no-webgpu",
    });
    await expect(
      t.controller.load({ ...model, weightsUrl: "" }, t.onProgress),
    ).rejects.toMatchObject({
      kind: "download",
      message: expect.stringContaining("weights URL") as unknown,
    });
  });

  it("maps a failed reload (a string from the worker) and terminates the worker", async () => {
    const t = setup();
    const loading = t.controller.load(model, t.onProgress);
    await t.reloadStarted();
    t.finish("TypeError: Failed to execute 'add' on 'Cache': Request failed");
    await expect(loading).rejects.toMatchObject({ kind: "download" });
    expect(t.workers[0]?.terminated).toBe(true);
    expect(t.controller.loadedModelId).toBeNull();
  });

  it("cancels a load even though web-llm's reload resolves silently when aborted", async () => {
    const t = setup();
    const loading = t.controller.load(model, t.onProgress);
    await t.reloadStarted();
    t.controller.cancelLoad();
    t.finish(); // what reload() does after an abort: resolve without error
    const err = await loading.catch((e: unknown) => e);
    expect(isLoadCancelled(err)).toBe(true);
    expect(t.workers[0]?.terminated).toBe(true);
    expect(t.controller.loadedModelId).toBeNull();
  });

  it("fails the load when the worker itself crashes", async () => {
    const t = setup();
    const loading = t.controller.load(model, t.onProgress);
    await t.reloadStarted();
    t.workers[0]?.crash("Uncaught SyntaxError: bad worker");
    await expect(loading).rejects.toMatchObject({
      kind: "unknown",
      detail: expect.stringContaining("bad worker") as unknown,
    });
  });

  it("unload terminates the worker and makes the old engine fail 'not-loaded'", async () => {
    const t = setup();
    const loading = t.controller.load(model, t.onProgress);
    await t.reloadStarted();
    t.finish();
    const synth = await loading;
    await t.controller.unload();
    expect(t.workers[0]?.terminated).toBe(true);
    await expect(synth.complete("p", DEFAULT_COMPLETION)).rejects.toMatchObject({
      kind: "not-loaded",
    });
  });

  it("checks the cache with the same AppConfig it loads with", async () => {
    const t = setup();
    await expect(t.controller.isCached(model)).resolves.toBe(true);
    expect(t.hasModelInCache.mock.calls[0]?.[1].model_list[0]?.model).toBe(model.weightsUrl);
    await expect(t.controller.isCached({ ...model, weightsUrl: "" })).resolves.toBe(false);
    t.hasModelInCache.mockRejectedValueOnce(new Error("caches is not defined"));
    await expect(t.controller.isCached(model)).resolves.toBe(false);
  });

  it("deletes weights, library and config when the shard manifest is cached", async () => {
    const t = setup();
    const manifest = `webllm/model ${model.weightsUrl}tensor-cache.json`;
    t.cached.add(manifest);
    await t.controller.deleteFromCache(model);
    expect(t.deleteModelAllInfoInCache.mock.calls[0]?.[1].model_list[0]?.model).toBe(
      model.weightsUrl,
    );
    expect(t.cached.has(manifest)).toBe(false);
  });

  it("never makes web-llm download the manifest just to delete an uncached model", async () => {
    const t = setup();
    await t.controller.deleteFromCache(model);
    expect(t.deleteModelAllInfoInCache).not.toHaveBeenCalled();
    expect(t.deleteModelWasmInCache).toHaveBeenCalledTimes(1);
    expect(t.deleteChatConfigInCache).toHaveBeenCalledTimes(1);
  });
});
