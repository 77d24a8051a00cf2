import { describe, expect, it } from "vitest";
import { probeWebGPU } from "./webgpu-probe";

/** A fake adapter shaped like SwiftShader's in headless Chromium. */
function swiftShader(features: string[] = ["subgroups", "timestamp-query"]): GPUAdapter {
  class Limits {
    get maxBufferSize(): number {
      return 1 << 30;
    }
    get maxStorageBufferBindingSize(): number {
      return 1 << 30;
    }
    get maxComputeWorkgroupStorageSize(): number {
      return 32768;
    }
  }
  return {
    features: new Set(features),
    limits: new Limits(),
    info: {
      vendor: "google",
      architecture: "swiftshader",
      device: "",
      description: "",
      isFallbackAdapter: true,
    },
  } as unknown as GPUAdapter;
}

const gpuWith = (result: () => Promise<GPUAdapter | null>): Pick<GPU, "requestAdapter"> => ({
  requestAdapter: result,
});

describe("probeWebGPU", () => {
  it("explains a non-secure context", async () => {
    const report = await probeWebGPU({ secureContext: false });
    expect(report).toMatchObject({ available: false, secureContext: false, hasShaderF16: false });
    expect(report.reason).toMatch(/https:\/\/ or .*localhost/);
  });

  it("explains a browser without navigator.gpu", async () => {
    const report = await probeWebGPU({ secureContext: true });
    expect(report.available).toBe(false);
    expect(report.reason).toMatch(/navigator\.gpu is missing/);
  });

  it("explains a null adapter (headless without flags)", async () => {
    const report = await probeWebGPU({
      secureContext: true,
      gpu: gpuWith(() => Promise.resolve(null)),
    });
    expect(report).toMatchObject({ available: false, features: [], limits: {} });
    expect(report.reason).toMatch(/enable-unsafe-webgpu/);
  });

  it("reports a failing or hanging requestAdapter instead of throwing", async () => {
    const thrown = await probeWebGPU({
      secureContext: true,
      gpu: gpuWith(() => Promise.reject(new Error("GPU process crashed"))),
    });
    expect(thrown.reason).toMatch(/GPU process crashed/);
    const hung = await probeWebGPU({
      secureContext: true,
      timeoutMs: 5,
      gpu: gpuWith(() => new Promise<never>(() => {})),
    });
    expect(hung.reason).toMatch(/no answer/);
  });

  it("summarises the adapter, features and limits", async () => {
    const report = await probeWebGPU({
      secureContext: true,
      gpu: gpuWith(() => Promise.resolve(swiftShader())),
    });
    expect(report).toEqual({
      available: true,
      secureContext: true,
      adapter: {
        vendor: "google",
        architecture: "swiftshader",
        device: "",
        description: "",
        isFallbackAdapter: true,
      },
      features: ["subgroups", "timestamp-query"],
      hasShaderF16: false,
      limits: {
        maxBufferSize: 1 << 30,
        maxStorageBufferBindingSize: 1 << 30,
        maxComputeWorkgroupStorageSize: 32768,
      },
    });
    const f16 = await probeWebGPU({
      secureContext: true,
      gpu: gpuWith(() => Promise.resolve(swiftShader(["shader-f16"]))),
    });
    expect(f16.hasShaderF16).toBe(true);
  });
});
