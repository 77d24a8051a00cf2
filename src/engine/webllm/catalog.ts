/**
 * The model catalog: the real synthesizer (a user-supplied MLC build), small prebuilt WebLLM
 * instruct models that approximate it, and a free-form custom entry. Prebuilt entries are read
 * from the installed web-llm's `prebuiltAppConfig`, so their URLs and VRAM estimates always match
 * the runtime. web-llm is loaded lazily (it is several MB), hence `loadCatalog()` is async and
 * `buildCatalog()` takes the module's config as data.
 */
import type { AppConfig, ChatOptions, ModelRecord } from "@mlc-ai/web-llm";

/** One loadable model, with the URLs web-llm will fetch it from. */
export interface CatalogModel {
  id: string;
  label: string;
  kind: "synthesizer" | "approximation" | "custom";
  description: string;
  /** Base URL of the MLC weights (mlc-chat-config.json, tensor-cache.json, shards, tokenizer). */
  weightsUrl: string;
  /** URL of the compiled model library (.wasm); it must match web-llm 0.2.86. */
  libUrl: string;
  requiredFeatures: string[];
  vramMB?: number;
  downloadMB?: number;
  /** The catalog id of the same model quantized without f16, for GPUs lacking shader-f16. */
  f32VariantId?: string;
  contextWindow: number;
  /** Whether the user may (or must) set the URLs. */
  userConfigurable: boolean;
}

/** The slice of the web-llm module the catalog reads. */
export interface PrebuiltSource {
  prebuiltAppConfig: AppConfig;
  modelLibURLPrefix: string;
  modelVersion: string;
}

/** User settings that replace an entry's URLs, features or context window, keyed by entry id. */
export type ModelSettings = Record<
  string,
  Partial<Pick<CatalogModel, "weightsUrl" | "libUrl" | "requiredFeatures" | "contextWindow">>
>;

/** Catalog id of the real synthesizer (the user's MLC build of it). */
export const SYNTHESIZER_ID = "instruction-synthesizer-7B-q4f16_1-MLC";
/** Catalog id of the free-form custom entry. */
export const CUSTOM_ID = "custom-mlc-model";
const CONTEXT = 4096;
/** The prebuilt record whose library the synthesizer reuses (same Mistral architecture). */
const MISTRAL_ID = "Mistral-7B-Instruct-v0.3-q4f16_1-MLC";

/** Approximation models, smallest useful first within each family: [f16 id, f32 id, label]. */
const APPROXIMATIONS: readonly [string, string, string][] = [
  ["Qwen2.5-0.5B-Instruct-q4f16_1-MLC", "Qwen2.5-0.5B-Instruct-q4f32_1-MLC", "Qwen2.5 0.5B"],
  ["Llama-3.2-1B-Instruct-q4f16_1-MLC", "Llama-3.2-1B-Instruct-q4f32_1-MLC", "Llama 3.2 1B"],
  ["SmolLM2-360M-Instruct-q4f16_1-MLC", "SmolLM2-360M-Instruct-q4f32_1-MLC", "SmolLM2 360M"],
];

/** Builds the catalog from the installed web-llm's prebuilt config, then applies user settings. */
export function buildCatalog(src: PrebuiltSource, settings: ModelSettings = {}): CatalogModel[] {
  const records = new Map(src.prebuiltAppConfig.model_list.map((r) => [r.model_id, r]));
  const mistral = records.get(MISTRAL_ID);
  const synthesizer: CatalogModel = {
    id: SYNTHESIZER_ID,
    label: "Instruction synthesizer 7B (MLC build)",
    kind: "synthesizer",
    description:
      "The paper's instruction synthesizer (Mistral-7B fine-tune), quantized q4f16_1. No public " +
      "MLC build exists: convert it with mlc_llm and set the weights URL. The default library " +
      "is web-llm's prebuilt Mistral-7B v0.3 library, compiled with RoPE theta 1e6 while the " +
      "synthesizer (v0.1-based) uses 1e4, so outputs may drift on long texts; compile a " +
      "matching library for faithful results. Needs shader-f16.",
    weightsUrl: "",
    libUrl: `${src.modelLibURLPrefix}${src.modelVersion}/Mistral-7B-Instruct-v0.3-q4f16_1_cs1k-webgpu.wasm`,
    requiredFeatures: ["shader-f16"],
    // Same architecture and quantization as the prebuilt Mistral, so the same VRAM estimate.
    vramMB: mistral?.vram_required_MB ?? 4600,
    downloadMB: 4000,
    contextWindow: CONTEXT,
    userConfigurable: true,
  };
  const approximations = APPROXIMATIONS.flatMap(([f16, f32, name]) => {
    const f16Record = records.get(f16);
    const f32Record = records.get(f32);
    const out: CatalogModel[] = [];
    if (f16Record) out.push(fromPrebuilt(f16Record, `${name} (approximation, f16)`, f32Record));
    if (f32Record) out.push(fromPrebuilt(f32Record, `${name} (approximation, f32)`));
    return out;
  });
  const custom: CatalogModel = {
    id: CUSTOM_ID,
    label: "Custom model",
    kind: "custom",
    description:
      "Any MLC-converted model, e.g. your own synthesizer build (prompted like the real " +
      "synthesizer). Set the weights URL, a library compiled for web-llm 0.2.86, and the " +
      "required features (shader-f16 for q4f16 quantizations).",
    weightsUrl: "",
    libUrl: "",
    requiredFeatures: [],
    contextWindow: CONTEXT,
    userConfigurable: true,
  };
  return [synthesizer, ...approximations, custom].map((m) => withSettings(m, settings[m.id]));
}

/** Loads web-llm lazily and builds the catalog. */
export async function loadCatalog(settings: ModelSettings = {}): Promise<CatalogModel[]> {
  const webllm = await import("@mlc-ai/web-llm");
  return buildCatalog(webllm, settings);
}

function fromPrebuilt(record: ModelRecord, label: string, f32?: ModelRecord): CatalogModel {
  const features = new Set(record.required_features ?? []);
  // Some prebuilt f16 records omit "shader-f16" although their kernels need it; without the
  // feature they fail late with an opaque shader error instead of a clear preflight message.
  if (/-q\d+f16/.test(record.model_id)) features.add("shader-f16");
  return {
    id: record.model_id,
    label,
    kind: "approximation",
    description:
      "A small general-purpose model prompted with examples to imitate the synthesizer's " +
      "format. Its pairs are an approximation, not the paper's synthesizer.",
    weightsUrl: record.model,
    libUrl: record.model_lib,
    requiredFeatures: [...features],
    vramMB: record.vram_required_MB,
    f32VariantId: f32?.model_id,
    contextWindow: record.overrides?.context_window_size ?? CONTEXT,
    userConfigurable: false,
  };
}

/** Returns the model with the user's settings applied; empty strings do not clear defaults. */
export function withSettings(
  model: CatalogModel,
  s: ModelSettings[string] | undefined,
): CatalogModel {
  if (!s) return model;
  return {
    ...model,
    weightsUrl: s.weightsUrl?.trim() || model.weightsUrl,
    libUrl: s.libUrl?.trim() || model.libUrl,
    requiredFeatures: s.requiredFeatures ?? model.requiredFeatures,
    contextWindow: s.contextWindow ?? model.contextWindow,
  };
}

/**
 * The web-llm record for a catalog model. URLs are made absolute against `baseUrl` (web-llm
 * calls `new URL(model)` without a base). web-llm reads files from `<model>/resolve/main/`
 * unless the URL already contains `/resolve/<x>/`, so self-hosted weights must sit under such
 * a path. `overrides` are merged over our defaults (e.g. a smaller context after an OOM).
 */
export function toModelRecord(
  model: CatalogModel,
  overrides: ChatOptions = {},
  baseUrl: string | undefined = globalThis.location?.href,
): ModelRecord {
  return {
    model: absolute(model.weightsUrl, baseUrl),
    model_id: model.id,
    model_lib: absolute(model.libUrl, baseUrl),
    required_features: model.requiredFeatures,
    vram_required_MB: model.vramMB,
    // A 4k context with no sliding window, as the synthesizer was trained; Mistral v0.1 configs
    // otherwise default to a sliding window.
    overrides: { context_window_size: model.contextWindow, sliding_window_size: -1, ...overrides },
  };
}

/** The AppConfig to load (and to query the cache) with: one model, Cache API storage. */
export function buildAppConfig(model: CatalogModel, overrides?: ChatOptions): AppConfig {
  return { model_list: [toModelRecord(model, overrides)], cacheBackend: "cache" };
}

/** The folder web-llm will read the model's files from, mirroring its URL rule. */
export function weightsFolder(weightsUrl: string, baseUrl = globalThis.location?.href): string {
  let url = absolute(weightsUrl, baseUrl);
  if (!url.endsWith("/")) url += "/";
  return /.+\/resolve\/.+\//.test(url) ? url : `${url}resolve/main/`;
}

function absolute(url: string, baseUrl: string | undefined): string {
  if (url.trim() === "") return ""; // unset; resolving it would yield the page's own URL
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return url; // web-llm reports the invalid URL itself; toEngineError maps it.
  }
}
