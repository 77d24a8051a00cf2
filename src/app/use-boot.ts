import { useEffect, useState } from "react";
import { ensureDefaultProject, recoverInterruptedResults, type ProjectRow } from "../db";
import { studio } from "../db/studio";
import { restoreActiveEngine } from "../features/models/remote-server";
import { toastError, useUi } from "../stores/ui-store";

/**
 * Start-up: open the project, turn runs cut off by a reload into "incomplete" ones (their
 * partial output is kept), and reconnect the server engine used last time.
 */
export function useBoot(): { project: ProjectRow | null; error: unknown } {
  const [project, setProject] = useState<ProjectRow | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let live = true;
    (async () => {
      const p = await ensureDefaultProject(studio);
      const recovered = await recoverInterruptedResults(studio);
      if (!live) return;
      setProject(p);
      useUi.getState().setProject(p.id);
      if (recovered > 0) {
        useUi.getState().pushToast({
          tone: "info",
          message: `${recovered} synthesis run(s) were interrupted by the reload. Their partial output is kept; retry to finish.`,
        });
      }
      await restoreActiveEngine().catch((err: unknown) =>
        toastError(err, "Could not reconnect the server"),
      );
    })().catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, []);
  return { project, error };
}
