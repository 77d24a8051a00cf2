import { useEffect } from "react";
import { ErrorCallout } from "../components/ErrorCallout";
import { Toasts } from "../components/Toasts";
import { addPastedDocument } from "../features/documents/add-documents";
import { PasteDialog } from "../features/documents/PasteDialog";
import { ShortcutsOverlay } from "../features/help/ShortcutsOverlay";
import { useQualityKeeper } from "../features/curate/quality-keeper";
import { useSweepFolder } from "../features/curate/sweep-folder";
import { PairsPage } from "../features/curate/table/PairsPage";
import { warmProject } from "../features/curate/table/pairs-sync";
import { ExportPage } from "../features/export/ExportPage";
import { InsightsPage } from "../features/insights/InsightsPage";
import { ModelsPage } from "../features/models/ModelsPage";
import { useQueueResume } from "../features/synthesize/batch";
import { useUi } from "../stores/ui-store";
import { Header } from "./Header";
import { StudioView } from "./StudioView";
import { useBoot } from "./use-boot";
import { useGlobalShortcuts } from "./use-global-shortcuts";
import { useTheme } from "./use-theme";

export function App() {
  useTheme();
  useGlobalShortcuts();
  const { project, error } = useBoot();
  useQueueResume(project?.id);
  useQualityKeeper(project?.id);
  useSweepFolder();
  // The open project's first pairs wait in the table's worker, so the Pairs page opens at once.
  const projectId = project?.id;
  useEffect(() => (projectId ? warmProject(projectId) : undefined), [projectId]);
  const { view, pasteOpen, setPasteOpen, selectDocument, toasts, dismissToast } = useUi();

  if (error) {
    const message = error instanceof Error ? error.message : "Unknown error.";
    const detail = (error as { detail?: unknown }).detail;
    return (
      <div className="p-8">
        <ErrorCallout
          title="The studio could not open its database"
          message={`${message} Private windows and some browser settings block IndexedDB; try a normal window.`}
          detail={typeof detail === "string" ? detail : undefined}
        />
      </div>
    );
  }
  if (!project) return <p className="p-8 text-sm text-neutral-500">Opening your workspace…</p>;

  return (
    <div className="flex h-full flex-col bg-neutral-50 text-neutral-900 dark:bg-neutral-950 dark:text-neutral-100">
      <Header project={project} />
      {view === "studio" && <StudioView project={project} />}
      {view === "pairs" && <PairsPage projectId={project.id} />}
      {view === "insights" && <InsightsPage projectId={project.id} />}
      {view === "models" && <ModelsPage />}
      {view === "export" && <ExportPage projectId={project.id} projectName={project.name} />}
      <PasteDialog
        open={pasteOpen}
        onClose={() => setPasteOpen(false)}
        onAdd={async (text, title) => {
          const doc = await addPastedDocument(project.id, text, title);
          selectDocument(doc.id);
        }}
      />
      <ShortcutsOverlay />
      <Toasts toasts={toasts} onDismiss={dismissToast} />
    </div>
  );
}
