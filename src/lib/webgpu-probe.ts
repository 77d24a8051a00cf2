/**
 * Probes the browser's WebGPU support without loading any model: secure context, adapter,
 * features and the limits WebLLM depends on. It never throws; every failure becomes a report
 * with `available: false` and a `reason` a person can act on.
 */

/** Which adapter the browser picked, from `GPUAdapter.info`. */
export interface WebGPUAdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software adapter (e.g. SwiftShader): it works, but tens of times slower than a GPU. */
  isFallbackAdapter: boolean;
}

/** The probe's answer. `reason` is set whenever `available` is false. */
export interface WebGPUReport {
  available: boolean;
  secureContext: boolean;
  reason?: string;
  adapter?: WebGPUAdapterSummary;
  features: string[];
  hasShaderF16: boolean;
  /** Every numeric adapter limit, e.g. maxBufferSize, maxStorageBufferBindingSize. */
  limits: Record<string, number>;
}

/** Where the probe looks; defaults to the page's globals, replaced in tests. */
export interface ProbeEnvironment {
  gpu?: Pick<GPU, "requestAdapter">;
  secureContext: boolean;
  /** How long to wait for an adapter before giving up (some broken drivers never answer). */
  timeoutMs?: number;
}

const NO_ADAPTER =
  "The browser supports WebGPU but found no usable GPU adapter. Check that hardware " +
  "acceleration is on (chrome://gpu); on Linux, Chrome may need --enable-unsafe-webgpu " +
  "--enable-features=Vulkan; headless browsers need --enable-unsafe-webgpu.";

function defaultEnvironment(): ProbeEnvironment {
  const nav = typeof navigator === "undefined" ? undefined : navigator;
  return { gpu: nav?.gpu, secureContext: globalThis.isSecureContext ?? false };
}

/** Reports what WebGPU this browser offers. Requests the adapter the way WebLLM does. */
export async function probeWebGPU(
  env: ProbeEnvironment = defaultEnvironment(),
): Promise<WebGPUReport> {
  const base = { secureContext: env.secureContext, features: [], hasShaderF16: false, limits: {} };
  const fail = (reason: string): WebGPUReport => ({ ...base, available: false, reason });
  if (!env.secureContext) {
    return fail(
      "WebGPU and the model cache need a secure context: open the studio over https:// or " +
        "from http://localhost.",
    );
  }
  if (!env.gpu) {
    return fail(
      "This browser does not offer WebGPU (navigator.gpu is missing). Use a recent Chrome or " +
        "Edge, or enable WebGPU in the browser's settings; see https://webgpureport.org/.",
    );
  }
  let adapter: GPUAdapter | null;
  try {
    adapter = await withTimeout(
      env.gpu.requestAdapter({ powerPreference: "high-performance" }),
      env.timeoutMs ?? 10_000,
    );
  } catch (err) {
    return fail(`Requesting a WebGPU adapter failed: ${String(err)}`);
  }
  if (!adapter) return fail(NO_ADAPTER);
  const features = [...adapter.features].sort();
  const info = adapter.info;
  return {
    ...base,
    available: true,
    adapter: {
      vendor: info.vendor,
      architecture: info.architecture,
      device: info.device,
      description: info.description,
      isFallbackAdapter: info.isFallbackAdapter ?? false,
    },
    features,
    hasShaderF16: features.includes("shader-f16"),
    limits: readLimits(adapter.limits),
  };
}

/**
 * Copies the numeric limits. They are accessors on the prototype: enumerable in browsers (Web
 * IDL attributes), but not on plain classes, so the prototype's own names are read as well.
 */
function readLimits(limits: GPUSupportedLimits): Record<string, number> {
  const keys = new Set<string>(Object.getOwnPropertyNames(Object.getPrototypeOf(limits) ?? {}));
  for (const key in limits) keys.add(key);
  const out: Record<string, number> = {};
  for (const key of [...keys].sort()) {
    const value: unknown = Reflect.get(limits, key);
    if (typeof value === "number") out[key] = value;
  }
  return out;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
