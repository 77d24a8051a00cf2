import { useEffect, useRef, useState } from "react";
import type { ExportRequest, PreviewResult } from "../../workers/export-job";
import { ExportCancelled, runPreview } from "./run-export";

/**
 * Recomputes the preview in the worker when the request or the project changes (`version`
 * changes with the project), after typing pauses. A preview still streaming when the settings
 * change again is abandoned, not awaited. While `paused` (an export is running) no preview
 * streams, so the two never compete for the database and memory; afterwards the preview is
 * computed again only if something changed meanwhile.
 */
export function usePreview(
  projectId: string,
  request: ExportRequest | null,
  counts: boolean,
  version: unknown,
  paused: boolean,
): { result: PreviewResult | null; error: string | null } {
  const [result, setResult] = useState<PreviewResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The inputs of the preview on screen, to skip recomputing it after a pause. */
  const shown = useRef<readonly unknown[] | null>(null);
  useEffect(() => {
    if (!request || paused) return;
    const inputs = [projectId, request, counts, version] as const;
    if (shown.current?.every((v, i) => v === inputs[i])) return;
    let live = true;
    const t = setTimeout(() => {
      runPreview(projectId, request, counts, () => live).then(
        (r) => {
          if (!live) return;
          shown.current = inputs;
          setResult(r);
          setError(null);
        },
        (err: unknown) => {
          if (!live || err instanceof ExportCancelled) return;
          shown.current = inputs;
          setError(err instanceof Error ? err.message : String(err));
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [projectId, request, counts, version, paused]);
  return { result, error };
}
