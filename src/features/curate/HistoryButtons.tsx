import { useEffect } from "react";
import { historyStatus, redo, undo } from "../../db";
import { studio } from "../../db/studio";
import { isForAFieldOrDialog } from "../../lib/keyboard";
import { useWatchedQuery } from "../../lib/use-watched-query";
import { Button } from "../../components/Button";
import { attempt, useUi } from "../../stores/ui-store";
import { historyScope } from "./history-scope";
import { syncNow } from "./table/pairs-sync";

/** Undoes or redoes the project's latest curation step, and says what was undone. */
export function undoRedo(projectId: string, direction: "undo" | "redo"): void {
  attempt(
    async () => {
      const label = await (direction === "undo" ? undo : redo)(studio, historyScope(projectId));
      syncNow();
      if (label) {
        useUi.getState().pushToast({
          tone: "info",
          message: `${direction === "undo" ? "Undid" : "Redid"}: ${label}`,
        });
      }
    },
    direction === "undo" ? "Undo failed" : "Redo failed",
  );
}

/** The two buttons: what each shows, and its keys. */
const BUTTONS = [
  { direction: "undo", icon: "↶", word: "Undo", keys: "Ctrl+Z" },
  { direction: "redo", icon: "↷", word: "Redo", keys: "Ctrl+Shift+Z" },
] as const;

/** Undo and redo buttons labelled with the step they act on; Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y. */
export function HistoryButtons({ projectId }: { projectId: string }) {
  // Not a live query: it stays mounted through bulk actions (see use-watched-query.ts).
  const status = useWatchedQuery(() => historyStatus(studio, historyScope(projectId)), projectId, {
    db: studio.db.name,
    tables: ["history"],
    keepPrevious: true,
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // A held key repeats: one undo per press, never two racing for the same step.
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.repeat || isForAFieldOrDialog(e)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) undoRedo(projectId, "undo");
      else if ((key === "z" && e.shiftKey) || key === "y") undoRedo(projectId, "redo");
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [projectId]);

  return (
    <div className="flex items-center gap-1">
      {BUTTONS.map(({ direction, icon, word, keys }) => {
        const step = status?.[direction];
        return (
          <Button
            key={direction}
            size="sm"
            variant="ghost"
            disabled={!step}
            title={keys}
            onClick={() => undoRedo(projectId, direction)}
          >
            <span aria-hidden>{icon}</span> {step ? `${word} ${step}` : word}
          </Button>
        );
      })}
    </div>
  );
}
