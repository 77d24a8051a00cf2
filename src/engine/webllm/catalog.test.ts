import * as webllm from "@mlc-ai/web-llm";
import { describe, expect, it } from "vitest";
import {
  CUSTOM_ID,
  SYNTHESIZER_ID,
  buildAppConfig,
  buildCatalog,
  toModelRecord,
  weightsFolder,
  type CatalogModel,
} from "./catalog";

// The catalog is built from the installed package, so these tests also catch a web-llm
// upgrade that renames or drops a model.
const catalog = buildCatalog(webllm);
const byId = (id: string): CatalogModel => {
  const m = catalog.find((c) => c.id === id);
  if (!m) throw new Error(`missing ${id}`);
  return m;
};

describe("buildCatalog", () => {
  it("starts with the synthesizer and ends with the custom entry", () => {
    expect(catalog[0]?.id).toBe(SYNTHESIZER_ID);
    expect(catalog.at(-1)?.id).toBe(CUSTOM_ID);
    expect(new Set(catalog.map((m) => m.id)).size).toBe(catalog.length);
  });

  it("describes the synthesizer: user URLs, the prebuilt Mistral library, f16, 4k context", () => {
    const s = byId(SYNTHESIZER_ID);
    expect(s).toMatchObject({
      kind: "synthesizer",
      label: "Instruction synthesizer 7B (MLC build)",
      weightsUrl: "",
      requiredFeatures: ["shader-f16"],
      contextWindow: 4096,
      userConfigurable: true,
      downloadMB: 4000,
    });
    expect(s.libUrl).toBe(
      `${webllm.modelLibURLPrefix}${webllm.modelVersion}/Mistral-7B-Instruct-v0.3-q4f16_1_cs1k-webgpu.wasm`,
    );
    expect(s.libUrl).toContain("/v0_2_86/");
    expect(s.vramMB).toBeGreaterThan(4000);
    expect(s.description).toMatch(/RoPE theta/);
  });

  it("takes approximations from prebuiltAppConfig, pairing each f16 model with its f32 one", () => {
    const approx = catalog.filter((m) => m.kind === "approximation");
    expect(approx.length).toBeGreaterThanOrEqual(4);
    for (const m of approx) {
      const record = webllm.prebuiltAppConfig.model_list.find((r) => r.model_id === m.id);
      expect(record?.model).toBe(m.weightsUrl);
      expect(record?.model_lib).toBe(m.libUrl);
      expect(record?.vram_required_MB).toBe(m.vramMB);
      expect(m.label).toMatch(/approximation/);
      expect(m.userConfigurable).toBe(false);
      const isF16 = /-q\d+f16/.test(m.id);
      expect(m.requiredFeatures.includes("shader-f16")).toBe(isF16);
      if (isF16) expect(byId(m.f32VariantId ?? "").requiredFeatures).toEqual([]);
    }
    expect(byId("Qwen2.5-0.5B-Instruct-q4f16_1-MLC").f32VariantId).toBe(
      "Qwen2.5-0.5B-Instruct-q4f32_1-MLC",
    );
  });

  it("lets user settings replace URLs of any entry, ignoring blank values", () => {
    const custom = buildCatalog(webllm, {
      [SYNTHESIZER_ID]: { weightsUrl: " http://127.0.0.1:9/m/resolve/main/ ", libUrl: "" },
      "SmolLM2-360M-Instruct-q4f32_1-MLC": { libUrl: "http://127.0.0.1:9/lib.wasm" },
    });
    const s = custom.find((m) => m.id === SYNTHESIZER_ID);
    expect(s?.weightsUrl).toBe("http://127.0.0.1:9/m/resolve/main/");
    expect(s?.libUrl).toBe(byId(SYNTHESIZER_ID).libUrl);
    const smol = custom.find((m) => m.id === "SmolLM2-360M-Instruct-q4f32_1-MLC");
    expect(smol?.libUrl).toBe("http://127.0.0.1:9/lib.wasm");
  });
});

describe("toModelRecord / buildAppConfig", () => {
  const model: CatalogModel = {
    ...byId(SYNTHESIZER_ID),
    weightsUrl: "/models/synth/resolve/main/",
    libUrl: "libs/synth.wasm",
  };

  it("makes URLs absolute and pins a 4k context without a sliding window", () => {
    const record = toModelRecord(model, {}, "http://localhost:5173/app/");
    expect(record).toMatchObject({
      model: "http://localhost:5173/models/synth/resolve/main/",
      model_id: SYNTHESIZER_ID,
      model_lib: "http://localhost:5173/app/libs/synth.wasm",
      required_features: ["shader-f16"],
      overrides: { context_window_size: 4096, sliding_window_size: -1 },
    });
  });

  it("merges caller overrides over the defaults", () => {
    const record = toModelRecord(model, { context_window_size: 2048 }, "http://h/");
    expect(record.overrides).toEqual({ context_window_size: 2048, sliding_window_size: -1 });
  });

  it("keeps an unset URL empty instead of resolving it to the page", () => {
    expect(toModelRecord({ ...model, weightsUrl: "" }, {}, "http://h/").model).toBe("");
  });

  it("builds a one-model AppConfig on the Cache API", () => {
    const config = buildAppConfig({ ...model, weightsUrl: "https://h/m/resolve/abc/" });
    expect(config.cacheBackend).toBe("cache");
    expect(config.model_list).toHaveLength(1);
    expect(config.model_list[0]?.model).toBe("https://h/m/resolve/abc/");
  });
});

describe("weightsFolder", () => {
  it("mirrors web-llm: resolve/main/ is appended unless a /resolve/<x>/ segment exists", () => {
    expect(weightsFolder("https://huggingface.co/mlc-ai/X")).toBe(
      "https://huggingface.co/mlc-ai/X/resolve/main/",
    );
    expect(weightsFolder("https://h/m/resolve/abc")).toBe("https://h/m/resolve/abc/");
    expect(weightsFolder("/models/m", "http://localhost:4173/")).toBe(
      "http://localhost:4173/models/m/resolve/main/",
    );
  });
});
