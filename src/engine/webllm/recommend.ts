import type { CatalogModel } from "./catalog";

/** What the recommendation needs to know about the GPU; the WebGPU probe's report fits it. */
export interface GpuFacts {
  available: boolean;
  hasShaderF16: boolean;
  features?: readonly string[];
  adapter?: { isFallbackAdapter: boolean };
  limits: Readonly<Record<string, number>>;
}

const MiB = 1024 * 1024;
/** web-llm 0.2.86 refuses to start below these (its detectGPUDevice fallbacks). */
const WEBLLM_MINIMUM: Readonly<Record<string, number>> = {
  maxBufferSize: 256 * MiB,
  maxStorageBufferBindingSize: 128 * MiB,
  maxComputeWorkgroupStorageSize: 32 * 1024,
  maxStorageBuffersPerShaderStage: 10,
};
/** A heuristic for a 7B model: the 1 GiB buffers web-llm asks for first. Mobile GPUs that
 * only offer the 128 MiB fallback are not realistic for 7B (web-llm issues #209, #119). */
const SEVEN_B_MINIMUM: Readonly<Record<string, number>> = {
  maxBufferSize: 1024 * MiB,
  maxStorageBufferBindingSize: 1024 * MiB,
};

/**
 * The catalog id that fits this GPU: the synthesizer when it can run (shader-f16 and large
 * buffers), else the first approximation whose features the GPU has (f16 variants need
 * shader-f16, so GPUs without it get the f32 ones), else null, meaning "use a remote
 * OpenAI-compatible server". A software (fallback) adapter also gives null: it emulates the GPU
 * on the CPU at tens of seconds per token.
 */
export function recommendModel(gpu: GpuFacts, catalog: readonly CatalogModel[]): string | null {
  if (!gpu.available || gpu.adapter?.isFallbackAdapter) return null;
  if (!meets(gpu.limits, WEBLLM_MINIMUM)) return null;
  const runs = (m: CatalogModel): boolean => m.requiredFeatures.every((f) => hasFeature(gpu, f));
  const synthesizer = catalog.find((m) => m.kind === "synthesizer");
  if (synthesizer && runs(synthesizer) && meets(gpu.limits, SEVEN_B_MINIMUM)) {
    return synthesizer.id;
  }
  return catalog.find((m) => m.kind === "approximation" && runs(m))?.id ?? null;
}

function hasFeature(gpu: GpuFacts, feature: string): boolean {
  if (feature === "shader-f16") return gpu.hasShaderF16;
  return gpu.features?.includes(feature) ?? false;
}

/** Unknown limits (absent from the report) are not held against the GPU. */
function meets(limits: Readonly<Record<string, number>>, minimum: Record<string, number>): boolean {
  return Object.entries(minimum).every(([key, min]) => {
    const value = limits[key];
    return value === undefined || value >= min;
  });
}
