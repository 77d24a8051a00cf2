import { useCallback, useEffect, useState } from "react";
import type { CatalogModel } from "../../engine/webllm/catalog";
import { recommendModel } from "../../engine/webllm/recommend";
import { probeWebGPU, type WebGPUReport } from "../../lib/webgpu-probe";
import { toastError } from "../../stores/ui-store";
import { catalogWithSettings, isModelCached } from "./webllm-session";

export interface ModelsState {
  report: WebGPUReport | null;
  catalog: CatalogModel[] | null;
  cached: Record<string, boolean>;
  recommendedId: string | null;
  refresh: () => void;
}

/** The WebGPU report, the catalog with the user's URLs, and what is cached. */
export function useModels(): ModelsState {
  const [report, setReport] = useState<WebGPUReport | null>(null);
  const [catalog, setCatalog] = useState<CatalogModel[] | null>(null);
  const [cached, setCached] = useState<Record<string, boolean>>({});
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let live = true;
    void probeWebGPU().then((r) => live && setReport(r));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    let live = true;
    (async () => {
      const models = await catalogWithSettings();
      if (!live) return;
      setCatalog(models);
      const entries = await Promise.all(
        models.map(
          async (m) =>
            [m.id, m.weightsUrl ? await isModelCached(m).catch(() => false) : false] as const,
        ),
      );
      if (live) setCached(Object.fromEntries(entries));
    })().catch((err: unknown) => toastError(err, "Could not read the model catalog"));
    return () => {
      live = false;
    };
  }, [version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const recommendedId = report && catalog ? recommendModel(report, catalog) : null;
  return { report, catalog, cached, recommendedId, refresh };
}
