import { useLiveQuery } from "dexie-react-hooks";
import { useEffect, useMemo, useState } from "react";
import { Button } from "../../components/Button";
import { ErrorCallout } from "../../components/ErrorCallout";
import { ProgressBar } from "../../components/ProgressBar";
import { DEFAULT_TEMPLATE_PACK } from "../../core/cook/default-pack";
import type { TemplatePack } from "../../core/cook/template-pack";
import { parseGeneralInstructionsJsonl } from "../../core/export/general-instructions";
import { readTokenizer } from "../../db";
import { studio } from "../../db/studio";
import { downloadBlob } from "../../lib/download";
import { attempt, useUi } from "../../stores/ui-store";
import { useSettled } from "./use-settled";
import type { ExportProgress, ExportRequest } from "../../workers/export-job";
import { BackupPanel } from "./BackupPanel";
import { exportProject } from "./export-project";
import { fileName, type ExportSettings } from "./export-settings";
import { ExportOptions } from "./ExportOptions";
import { ExportPreview } from "./ExportPreview";
import { projectProvenance } from "./provenance";
import { runExport, watchExportInputs } from "./run-export";
import { importTemplatePack, listTemplatePacks } from "./template-packs";
import { usePreview } from "./use-preview";
import { plural } from "../../core/plural";

const INITIAL: ExportSettings = {
  target: "pretraining",
  filter: "accepted",
  seed: 12345,
  pack: DEFAULT_TEMPLATE_PACK,
  rawRatio: 0,
  questionOnly: false,
  general: null,
  generalRatio: 1,
  tokenizer: null,
  hub: {
    prettyName: "",
    license: "cc-by-4.0",
    language: "en",
    formats: ["pretraining", "messages", "collections"],
  },
};

/** How long the project must stay unchanged before the preview reads it again. */
const PREVIEW_SETTLE_MS = 1500;

/** The Export page: choose a format and options, watch a live preview, export in a worker. */
export function ExportPage({ projectId, projectName }: { projectId: string; projectName: string }) {
  const pushToast = useUi((s) => s.pushToast);
  // Changes with the project; the export streams it from Dexie and never holds it here.
  const version = useSettled(
    useLiveQuery(() => watchExportInputs(projectId), [projectId]),
    PREVIEW_SETTLE_MS,
  );
  const [s, setS] = useState<ExportSettings>({
    ...INITIAL,
    hub: { ...INITIAL.hub, prettyName: projectName },
  });
  const [packs, setPacks] = useState<TemplatePack[]>([DEFAULT_TEMPLATE_PACK]);
  const change = (patch: Partial<ExportSettings>) => setS((prev) => ({ ...prev, ...patch }));

  useEffect(() => {
    void listTemplatePacks().then(setPacks);
  }, []);

  // The project's own tokenizer, when it has one (set with the job settings), counts exactly
  // from the start; a tokenizer loaded here replaces it for this page.
  useEffect(() => {
    let live = true;
    void readTokenizer(studio, projectId).then((stored) => {
      if (live && stored) setS((prev) => (prev.tokenizer ? prev : { ...prev, tokenizer: stored }));
    });
    return () => {
      live = false;
    };
  }, [projectId]);

  // The preview shows the file format, or a bundle's first data file.
  const request = useMemo<ExportRequest | null>(() => {
    if (s.target === "project") return null;
    const format = s.target === "hub" ? (s.hub.formats[0] ?? "pretraining") : s.target;
    return {
      filter: s.filter,
      target: { kind: "file", format },
      seed: s.seed,
      pack: s.pack,
      rawRatio: s.rawRatio,
      questionOnly: s.questionOnly,
      general: s.general?.texts ?? [],
      generalRatio: s.generalRatio,
      ...(s.tokenizer ? { tokenizerJson: s.tokenizer.json } : {}),
    };
  }, [s]);
  const [progress, setProgress] = useState<(ExportProgress & { elapsed: number }) | null>(null);
  const showMix = s.target === "pretraining" || s.target === "hub";
  const preview = usePreview(projectId, request, showMix, version, progress !== null);

  const run = async () => {
    if (s.target === "project") {
      const { documents, pairs } = await exportProject(projectId, projectName);
      pushToast({
        tone: "success",
        message: `Exported ${plural(documents, "document")} with ${plural(pairs, "pair")} as JSONL.`,
      });
      return;
    }
    if (!request) return;
    let final = request;
    if (s.target === "hub") {
      const provenance = await projectProvenance(projectId, {
        seed: s.seed,
        pack: { name: s.pack.name, version: s.pack.version },
        export: {
          pairFilter: s.filter,
          rawRatio: s.rawRatio,
          questionOnly: s.questionOnly,
          generalTexts: s.general?.texts.length ?? 0,
        },
      });
      const { formats, ...card } = s.hub;
      final = { ...request, target: { kind: "hub", formats, card: { ...card, provenance } } };
    }
    const started = Date.now();
    setProgress({ done: 0, total: 1, elapsed: 0 });
    try {
      const result = await runExport(projectId, final, (p) =>
        setProgress({ ...p, elapsed: (Date.now() - started) / 1000 }),
      );
      downloadBlob(fileName(projectName, s.target), result.blob);
      pushToast({
        tone: "success",
        message: `Exported ${plural(result.records, "record")}.`,
      });
    } finally {
      setProgress(null);
    }
  };

  const elapsed = progress?.elapsed ?? 0;
  const fraction = progress ? progress.done / progress.total : 0;
  return (
    <main className="flex-1 overflow-y-auto p-6">
      <div className="mx-auto grid max-w-6xl grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="flex flex-col gap-4">
          <ExportOptions
            settings={s}
            packs={packs}
            onChange={change}
            onImportPack={(f) =>
              attempt(async () => {
                const pack = await importTemplatePack(f);
                setPacks(await listTemplatePacks());
                change({ pack });
                pushToast({ tone: "success", message: `Imported template pack "${pack.name}".` });
              })
            }
            onImportGeneral={(f) =>
              attempt(async () => {
                const parsed = parseGeneralInstructionsJsonl(await f.text());
                if (!parsed.ok) throw new Error(`${f.name} ${parsed.error}. Nothing was imported.`);
                change({ general: { name: f.name, texts: parsed.value } });
              })
            }
            onLoadTokenizer={(f) =>
              attempt(async () =>
                change({ tokenizer: { name: f.name, json: await f.arrayBuffer() } }),
              )
            }
          />
          <div className="flex items-center gap-3">
            <Button
              variant="primary"
              disabled={progress !== null || version === undefined}
              onClick={() => attempt(run, "Export failed")}
            >
              Export {s.target === "hub" ? "bundle" : "file"}
            </Button>
            {progress && (
              <ProgressBar
                value={fraction}
                label="Exporting"
                detail={`${progress.done.toLocaleString()} / ${progress.total.toLocaleString()}${fraction > 0.05 ? ` · ~${Math.ceil((elapsed * (1 - fraction)) / fraction)} s left` : ""}`}
              />
            )}
          </div>
          <BackupPanel projectId={projectId} projectName={projectName} />
        </div>
        <div className="flex flex-col gap-3">
          <h2 className="text-sm font-semibold">Preview</h2>
          {s.target === "project" ? (
            <p className="text-sm text-neutral-500">
              The studio&apos;s own format: every document with all its pairs and their review
              status.
            </p>
          ) : preview.error ? (
            <ErrorCallout title="These settings cannot be exported" message={preview.error} />
          ) : (
            <ExportPreview preview={preview.result} showMix={showMix} />
          )}
        </div>
      </div>
    </main>
  );
}
