import { isShortcutKey } from "../lib/keyboard";
import { useEffect } from "react";
import { studio } from "../db/studio";
import { queuePending } from "../features/synthesize/batch";
import { startSynthesis } from "../features/synthesize/SynthesizePanel";
import { attempt, useUi } from "../stores/ui-store";

/** Shortcuts that work anywhere in the studio: ?, n, /, s, Shift+S. Pair keys live with the pairs. */
export function useGlobalShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcutKey(e)) return;
      const ui = useUi.getState();
      if (e.key === "?") {
        ui.setShortcutsOpen(true);
      } else if (e.key === "n") {
        ui.setPasteOpen(true);
      } else if (e.key === "/") {
        document.getElementById("document-filter")?.focus();
      } else if (e.key === "s" && ui.selectedDocumentId && ui.view === "studio") {
        void studio.db.documents
          .get(ui.selectedDocumentId)
          .then((doc) => doc && startSynthesis(doc));
      } else if (e.key === "S" && ui.projectId && ui.view === "studio") {
        const projectId = ui.projectId;
        attempt(async () => {
          const job = await queuePending(projectId);
          if (!job) ui.pushToast({ tone: "info", message: "Every chunk is already synthesized." });
        }, "Could not start the batch");
      } else {
        return;
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}
