import * as webllm from "@mlc-ai/web-llm";
import { describe, expect, it } from "vitest";
import { SYNTHESIZER_ID, buildCatalog } from "./catalog";
import { recommendModel, type GpuFacts } from "./recommend";

const catalog = buildCatalog(webllm);
const GiB = 1024 ** 3;
const desktop: GpuFacts = {
  available: true,
  hasShaderF16: true,
  features: ["shader-f16", "subgroups"],
  adapter: { isFallbackAdapter: false },
  limits: {
    maxBufferSize: 4 * GiB,
    maxStorageBufferBindingSize: 2 * GiB,
    maxComputeWorkgroupStorageSize: 32768,
    maxStorageBuffersPerShaderStage: 10,
  },
};

describe("recommendModel", () => {
  it("picks the synthesizer on a GPU with shader-f16 and large buffers", () => {
    expect(recommendModel(desktop, catalog)).toBe(SYNTHESIZER_ID);
  });

  it("falls back to an f32 approximation without shader-f16", () => {
    const id = recommendModel({ ...desktop, hasShaderF16: false, features: [] }, catalog);
    expect(id).toMatch(/q4f32_1/);
    expect(catalog.find((m) => m.id === id)?.kind).toBe("approximation");
  });

  it("picks an f16 approximation when buffers are too small for 7B", () => {
    const limits = { ...desktop.limits, maxStorageBufferBindingSize: 128 * 1024 * 1024 };
    expect(recommendModel({ ...desktop, limits }, catalog)).toMatch(/q4f16_1/);
  });

  it("says 'use a remote server' (null) without WebGPU, on software adapters, below minimums", () => {
    expect(recommendModel({ ...desktop, available: false }, catalog)).toBeNull();
    expect(
      recommendModel({ ...desktop, adapter: { isFallbackAdapter: true } }, catalog),
    ).toBeNull();
    const tiny = { ...desktop.limits, maxStorageBuffersPerShaderStage: 8 };
    expect(recommendModel({ ...desktop, limits: tiny }, catalog)).toBeNull();
    expect(recommendModel(desktop, [])).toBeNull();
  });
});
