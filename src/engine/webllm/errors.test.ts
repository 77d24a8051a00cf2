import { describe, expect, it } from "vitest";
import { EngineError, type EngineErrorKind } from "../../core/synthesis-engine";
import { rawErrorText, toEngineError } from "./errors";

/** Raw failures as they reach the page: mostly `err.toString()` strings posted by the worker. */
const cases: [EngineErrorKind, unknown][] = [
  ["no-webgpu", "WebGPUNotAvailableError: WebGPU is not supported in your current environment…"],
  ["no-webgpu", "Error: Unable to find a compatible GPU. This issue might be because your …"],
  [
    "no-webgpu",
    "Error: Cannot initialize runtime because of requested maxBufferSize exceeds limit.",
  ],
  ["no-shader-f16", "ShaderF16SupportError: This model requires WebGPU extension shader-f16, …"],
  ["device-lost", "DeviceLostError: The WebGPU device was lost while loading the model. … (OOM)."],
  ["device-lost", "Device was lost. This can happen due to insufficient memory"],
  ["out-of-memory", "Error: out of memory"],
  ["out-of-memory", "RangeError: Array buffer allocation failed"],
  ["out-of-memory", "GPU OOM while creating a buffer"],
  ["context-window", "ContextWindowSizeExceededError: Prompt tokens exceed context window size: …"],
  ["quota", "QuotaExceededError: Failed to execute 'add' on 'Cache': Quota exceeded."],
  ["quota", new DOMException("The quota has been exceeded.", "QuotaExceededError")],
  // Chromium 156, observed: a 404 or 500 on any file fetched through the Cache API.
  ["download", "TypeError: Failed to execute 'add' on 'Cache': Request failed"],
  // Older Chrome (web-llm issue #389).
  [
    "download",
    "NetworkError: Failed to execute 'add' on 'Cache': Cache.add() encountered a network error",
  ],
  ["download", "TypeError: Failed to fetch"],
  ["download", "TypeError: NetworkError when attempting to fetch resource."],
  ["download", "Error: Cannot fetch https://h/m/resolve/main/params_shard_0.bin err= TypeError: …"],
  ["download", `SyntaxError: Unexpected token '<', "<!doctype "... is not valid JSON`],
  [
    "download",
    "CompileError: WebAssembly.instantiate(): expected magic word 00 61 73 6d, found 3c 21 64 6f @+0",
  ],
  ["download", "IntegrityError: Integrity check failed for https://h/x.wasm"],
  ["download", 'MissingModelError: Missing `model_lib` for the model with ID "x".'],
  ["download", "TypeError: Failed to construct 'URL': Invalid URL"],
  [
    "library-mismatch",
    `LinkError: WebAssembly.instantiate(): Import #0 "env" "_ZN3tvm7runtime9threading15ResetThreadPoolEv": function import requires a callable`,
  ],
  ["not-loaded", "ModelNotLoadedError: Model not loaded before trying to complete completion."],
  ["not-loaded", "WorkerEngineModelNotLoadedError: WebWorkerMLCEngine is not loaded with a model."],
  ["unknown", "WindowSizeConfigurationError: Only one of context_window_size and …"],
];

describe("toEngineError", () => {
  it.each(cases)("maps to %s: %s", (kind, raw) => {
    const e = toEngineError(raw);
    expect(e).toBeInstanceOf(EngineError);
    expect(e.kind).toBe(kind);
    expect(e.detail).toBe(rawErrorText(raw));
    expect(e.message).not.toBe(e.detail);
  });

  it("gives actionable advice for each kind", () => {
    const message = (raw: string): string => toEngineError(raw).message;
    expect(message("WebGPUNotAvailableError: x")).toMatch(/webgpureport\.org.*OpenAI-compatible/s);
    expect(message("WebGPUNotAvailableError: x")).toMatch(/enable-unsafe-webgpu/);
    expect(message("ShaderF16SupportError: x")).toMatch(/f32 variant/);
    expect(message("DeviceLostError: x")).toMatch(/Reload the page.*other tabs.*smaller model/s);
    expect(message("ContextWindowSizeExceededError: x")).toMatch(/Shorten/);
    expect(message("QuotaExceededError: x")).toMatch(/delete cached models.*Incognito/s);
    expect(message("TypeError: Failed to fetch")).toMatch(/URLs.*resumes/s);
    expect(message("LinkError: x")).toMatch(/different WebLLM version.*0\.2\.86/s);
    expect(message("ModelNotLoadedError: x")).toMatch(/Load the model again/);
  });

  it("accepts Errors and error-like objects, and passes EngineErrors through", () => {
    expect(toEngineError(new TypeError("Failed to fetch")).detail).toBe(
      "TypeError: Failed to fetch",
    );
    expect(toEngineError({ name: "DeviceLostError", message: "gone" }).kind).toBe("device-lost");
    const original = new EngineError("timeout", "slow", "d");
    expect(toEngineError(original)).toBe(original);
    expect(toEngineError(42)).toMatchObject({ kind: "unknown", detail: "42" });
  });

  it("puts the first line of an unknown failure in the message", () => {
    const e = toEngineError("Error: strange thing\n    at somewhere");
    expect(e.message).toBe("The WebLLM engine failed: Error: strange thing");
  });
});
