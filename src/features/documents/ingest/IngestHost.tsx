import { useEffect, useState } from "react";
import { Dialog } from "../../../components/Dialog";
import { attempt } from "../../../stores/ui-store";
import { dragHasFiles, droppedFiles } from "./collect-files";
import { IngestProgress } from "./IngestProgress";
import { IngestReport } from "./IngestReport";
import { IngestSetup } from "./IngestSetup";
import { useIngest } from "./ingest-store";

const TITLES = {
  setup: "Import files",
  running: "Importing files",
  done: "Import report",
} as const;

/**
 * Files dropped anywhere on the page go to the import dialog, which this renders. Mount it once
 * per page (it listens on the window).
 */
export function IngestHost({ projectId }: { projectId: string }) {
  const phase = useIngest((s) => s.phase);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const over = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const enter = (e: DragEvent) => {
      if (!dragHasFiles(e.dataTransfer)) return;
      depth++;
      setDragging(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (!e.dataTransfer || !dragHasFiles(e.dataTransfer)) return;
      e.preventDefault();
      const files = droppedFiles(e.dataTransfer);
      attempt(async () => useIngest.getState().offer(projectId, await files), "Drop failed");
    };
    window.addEventListener("dragover", over);
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragover", over);
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("drop", drop);
    };
  }, [projectId]);

  const onClose = () => {
    const { phase: now, cancel, close } = useIngest.getState();
    // Esc while importing means Cancel; the report then opens in place of the progress.
    if (now === "running" || now === "setup") cancel();
    else close();
  };

  return (
    <>
      {dragging && (
        <div
          aria-hidden="true"
          className="pointer-events-none fixed inset-3 z-50 flex items-center justify-center rounded-xl border-4 border-dashed border-indigo-400 bg-indigo-50/80 text-lg font-medium text-indigo-900 dark:bg-indigo-950/80 dark:text-indigo-100"
        >
          Drop files or folders to import them
        </div>
      )}
      {phase !== "closed" && (
        // A new dialog per phase: the native dialog opens again after Esc cancelled an import.
        <Dialog key={phase} title={TITLES[phase]} open onClose={onClose} wide>
          {phase === "setup" && <IngestSetup />}
          {phase === "running" && <IngestProgress />}
          {phase === "done" && <IngestReport />}
        </Dialog>
      )}
    </>
  );
}
