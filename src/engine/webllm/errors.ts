/**
 * Maps WebLLM failures to errors a person can act on. Errors from the worker arrive as strings
 * (the handler posts `err.toString()`, e.g. "ShaderF16SupportError: …"), and web-llm exports
 * none of its error classes, so everything is classified by text. The raw text is kept as
 * `detail`. Rules are ordered: the first match wins.
 */
import { EngineError, type EngineErrorKind } from "../../core/synthesis-engine";

interface Rule {
  kind: EngineErrorKind;
  test: RegExp;
  message: string;
}

const DOWNLOAD_RETRY =
  "Check the weights and library URLs, your network connection, and that the server allows " +
  "cross-origin requests (CORS), then load again: files that finished downloading are kept, " +
  "so the download resumes shard by shard.";

const RULES: readonly Rule[] = [
  {
    // Before "download": Chrome's quota error also says "Failed to execute 'add' on 'Cache'".
    kind: "quota",
    test: /QuotaExceededError|quota/i,
    message:
      "The browser has no storage space left for the model. Free disk space, delete cached " +
      "models you no longer need, and avoid private/Incognito windows, which allow far less.",
  },
  {
    kind: "no-shader-f16",
    test: /ShaderF16SupportError|shader-f16|extension 'f16' is not allowed/,
    message:
      "This GPU or browser lacks the WebGPU shader-f16 feature that q4f16 models need. Choose " +
      "the model's f32 variant (q4f32_1), or use a browser and GPU with shader-f16.",
  },
  {
    kind: "no-webgpu",
    test: /WebGPUNotAvailableError|WebGPUNotFoundError|Unable to find a compatible GPU|WebGPU is not supported|Cannot find WebGPU/,
    message:
      "WebGPU is not available here. Use a browser with WebGPU (a recent Chrome or Edge; on " +
      "Linux, Chrome may need --enable-unsafe-webgpu --enable-features=Vulkan or " +
      "chrome://flags/#enable-unsafe-webgpu), check https://webgpureport.org/, or use a remote " +
      "OpenAI-compatible server instead.",
  },
  {
    kind: "no-webgpu",
    test: /Cannot initialize runtime because of requested \w+ exceeds limit/,
    message:
      "This GPU's WebGPU limits are too small for WebLLM. Try another browser or device, or use " +
      "a remote OpenAI-compatible server instead.",
  },
  {
    kind: "library-mismatch",
    test: /LinkError|function import requires a callable|Cannot find global function/,
    message:
      "This model library was built for a different WebLLM version. Use a library compiled for " +
      "web-llm 0.2.86 (its prebuilt libraries live under web-llm-models/v0_2_86/).",
  },
  {
    kind: "download",
    test: /expected magic word|CompileError/,
    message:
      "The library URL did not return a WebAssembly file (a wrong URL often returns a web " +
      "page). Check the library URL.",
  },
  {
    kind: "device-lost",
    test: /DeviceLostError|device (was|is|has been) lost|GPUDeviceLostInfo/i,
    message:
      "The GPU stopped working while running the model, usually because it ran out of memory. " +
      "Reload the page, close other tabs that use the GPU, and try again, or pick a smaller model.",
  },
  {
    kind: "out-of-memory",
    test: /out of memory|\bOOM\b|Failed to allocate|allocation failed|could not allocate|Array buffer allocation/i,
    message:
      "There is not enough GPU or browser memory for this model. Close other tabs and apps and " +
      "try again, or pick a smaller model.",
  },
  {
    kind: "context-window",
    test: /ContextWindowSizeExceededError|Prompt tokens exceed context window size/,
    message:
      "The document is too long for the model's context window. Shorten or split the document " +
      "and try again.",
  },
  {
    kind: "download",
    test: /is not valid JSON|Unexpected token '<'|JSON\.parse/,
    message:
      "A model file URL returned something other than the file (often a web page for a wrong " +
      "URL). Check the weights URL: it must point at the folder holding mlc-chat-config.json.",
  },
  {
    kind: "download",
    test: /IntegrityError/,
    message: `A downloaded model file does not match its expected hash. ${DOWNLOAD_RETRY}`,
  },
  {
    kind: "download",
    test: /MissingModelError|Missing `model_lib`|Invalid URL|Failed to construct 'URL'/,
    message: "The model's weights or library URL is missing or invalid. Set absolute URLs.",
  },
  {
    kind: "download",
    test: /Failed to execute 'add' on 'Cache'|Failed to fetch|NetworkError|Load failed|Cannot fetch|Network response was not ok|Unable to fetch|Failed to store|received status/,
    message: `Downloading the model failed. ${DOWNLOAD_RETRY}`,
  },
  {
    kind: "not-loaded",
    test: /ModelNotLoadedError|WorkerEngineModelNotLoadedError|not loaded with a model|Model not loaded/,
    message:
      "No model is loaded (it is unloaded after a GPU reset or when another model is loaded). " +
      "Load the model again.",
  },
];

/** The raw text of anything thrown or rejected: strings from the worker, Errors, DOMExceptions. */
export function rawErrorText(err: unknown): string {
  if (typeof err === "string") return err;
  if (err instanceof Error) return String(err); // "Name: message", like the worker's strings
  if (err && typeof err === "object" && "message" in err) {
    const { name, message } = err as { name?: unknown; message?: unknown };
    return typeof name === "string" ? `${name}: ${String(message)}` : String(message);
  }
  return String(err);
}

/** Maps any WebLLM failure to an actionable `EngineError`; an `EngineError` passes through. */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  const raw = rawErrorText(err);
  const rule = RULES.find((r) => r.test.test(raw));
  if (rule) return new EngineError(rule.kind, rule.message, raw);
  const firstLine = raw.split("\n", 1)[0] ?? raw;
  return new EngineError("unknown", `The WebLLM engine failed: ${firstLine}`, raw);
}
