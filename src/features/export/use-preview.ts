import { useEffect, useState } from "react";
import type { ExportRequest, PreviewResult } from "../../workers/export-job";
import { runPreview } from "./run-export";

/** Recomputes the preview in the worker when the request changes (after typing pauses). */
export function usePreview(request: ExportRequest | null): {
  result: PreviewResult | null;
  error: string | null;
} {
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!request) return;
    let live = true;
    const t = setTimeout(() => {
      runPreview(request).then(
        (r) => {
          if (!live) return;
          setResult(r);
          setError(null);
        },
        (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [request]);
  return { result, error };
}
