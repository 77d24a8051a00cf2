import type { WebGPUReport } from "../../lib/webgpu-probe";

const MB = 1024 * 1024;

function Fact({ label, value, ok }: { label: string; value: string; ok?: boolean }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-neutral-500">{label}</dt>
      <dd
        className={`text-sm font-medium ${ok === false ? "text-red-700 dark:text-red-300" : ok ? "text-emerald-700 dark:text-emerald-300" : ""}`}
      >
        {value}
      </dd>
    </div>
  );
}

/** What this browser's WebGPU offers: adapter, f16 support, features and limits. */
export function WebGPUPanel({ report }: { report: WebGPUReport | null }) {
  if (!report) return <p className="text-sm text-neutral-500">Checking WebGPU…</p>;
  const a = report.adapter;
  const name = a
    ? [a.vendor, a.architecture, a.device || a.description].filter(Boolean).join(" · ")
    : "none";
  return (
    <section
      aria-label="WebGPU report"
      className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 className="mb-3 text-lg font-semibold">This browser</h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Fact label="WebGPU" value={report.available ? "yes" : "no"} ok={report.available} />
        <Fact
          label="shader-f16"
          value={report.hasShaderF16 ? "yes" : "no"}
          ok={report.available ? report.hasShaderF16 : undefined}
        />
        <Fact label="Adapter" value={name} />
        <Fact
          label="Max buffer"
          value={
            report.limits.maxBufferSize ? `${Math.round(report.limits.maxBufferSize / MB)} MB` : "–"
          }
        />
      </dl>
      {report.reason && (
        <p className="mt-3 text-sm text-red-800 dark:text-red-200">{report.reason}</p>
      )}
      {a?.isFallbackAdapter && (
        <p className="mt-3 text-sm text-amber-800 dark:text-amber-200">
          This is a software adapter ({a.architecture}): models load, but generate tens of times
          slower than on a GPU. A remote server is the practical choice here.
        </p>
      )}
      {report.available && !report.hasShaderF16 && (
        <p className="mt-3 text-sm text-neutral-700 dark:text-neutral-300">
          Without shader-f16, only f32 model variants (q4f32_1) can run in this browser.
        </p>
      )}
      {report.available && (
        <details className="mt-3 text-xs">
          <summary className="cursor-pointer">Features and limits</summary>
          <p className="mt-2 font-mono">{report.features.join(", ") || "(none)"}</p>
          <table className="mt-2 font-mono">
            <tbody>
              {Object.entries(report.limits).map(([k, v]) => (
                <tr key={k}>
                  <td className="pr-4">{k}</td>
                  <td className="tabular-nums">{v.toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
