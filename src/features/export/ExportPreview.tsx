import type { MixCounts } from "../../core/export/formats";
import type { PreviewResult } from "../../workers/export-job";

const PARTS: { key: keyof MixCounts; label: string }[] = [
  { key: "cooked", label: "Instruction-augmented" },
  { key: "raw", label: "Raw documents" },
  { key: "general", label: "General instructions" },
  { key: "total", label: "Total" },
];

/** Three sample records for the current settings, and the exact make-up of the mix. */
export function ExportPreview({
  preview,
  showMix,
}: {
  preview: PreviewResult | null;
  showMix: boolean;
}) {
  if (!preview) return <p className="text-sm text-neutral-500">Preparing the preview…</p>;
  const unit = preview.exactTokens ? "tokens" : "tokens (estimated: words × 1.5)";
  return (
    <section aria-label="Export preview" className="flex flex-col gap-3">
      {showMix && (
        <table className="w-full text-sm" aria-label="Mix counts">
          <thead>
            <tr className="text-left text-xs text-neutral-500">
              <th className="py-1 font-medium">Part</th>
              <th className="py-1 text-right font-medium">Texts</th>
              <th className="py-1 text-right font-medium">{unit}</th>
            </tr>
          </thead>
          <tbody>
            {PARTS.map(({ key, label }) => (
              <tr key={key} className="border-t border-neutral-100 dark:border-neutral-800">
                <td className="py-1">{label}</td>
                <td className="py-1 text-right tabular-nums">
                  {preview.counts[key].texts.toLocaleString()}
                </td>
                <td className="py-1 text-right tabular-nums">
                  {preview.counts[key].tokens.toLocaleString()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.samples.length === 0 && (
        <p className="text-sm text-neutral-500">
          Nothing to export with these settings (no pairs pass the filter?).
        </p>
      )}
      {preview.samples.map((s, i) => (
        <figure key={i} className="rounded-md border border-neutral-200 dark:border-neutral-800">
          <figcaption className="border-b border-neutral-200 px-3 py-1 text-xs text-neutral-500 dark:border-neutral-800">
            Sample {i + 1} · {s.tokens.toLocaleString()}{" "}
            {preview.exactTokens ? "tokens" : "tokens (est.)"}
          </figcaption>
          <pre className="max-h-60 overflow-auto whitespace-pre-wrap p-3 font-mono text-xs">
            {s.text}
          </pre>
        </figure>
      ))}
    </section>
  );
}
