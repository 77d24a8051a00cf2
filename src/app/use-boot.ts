import { useEffect, useState } from "react";
import {
  CURRENT_PROJECT_KEY,
  ensureDefaultProject,
  forgetClosedSessions,
  getSetting,
  recoverInterruptedJobs,
  recoverInterruptedResults,
  type ProjectRow,
} from "../db";
import { studio } from "../db/studio";
import { restoreActiveEngine } from "../features/models/remote-server";
import { holdSession, openSessions, sessionId } from "../lib/session";
import { useWatchedQuery } from "../lib/use-watched-query";
import { toastError, useUi } from "../stores/ui-store";
import { plural } from "../core/plural";

/**
 * Start-up: open the project used last (or the default one), turn runs cut off by a reload
 * into "incomplete" ones (their partial output is kept), put the batch queue's work in flight
 * back in the queue, drop undo history of earlier sessions, and reconnect the server engine
 * used last time. The open project then follows the UI store, read live from Dexie.
 */
export function useBoot(): { project: ProjectRow | null; error: unknown } {
  const [error, setError] = useState<unknown>(null);
  const projectId = useUi((s) => s.projectId);
  // Not a live query: the header stays mounted through bulk actions (lib/use-watched-query.ts).
  const project = useWatchedQuery(() => studio.db.projects.get(projectId ?? ""), projectId, {
    db: studio.db.name,
    tables: ["projects"],
    keepPrevious: true,
  });
  useEffect(() => {
    let live = true;
    (async () => {
      // Held first, so a tab booting meanwhile already counts this one as open.
      const session = sessionId();
      holdSession(session);
      const fallback = await ensureDefaultProject(studio);
      const last = await getSetting<string | null>(studio, CURRENT_PROJECT_KEY, null);
      const open = (last && (await studio.db.projects.get(last))) || fallback;
      const recovered = await recoverInterruptedResults(studio);
      // Batch work in flight goes back to its queue; the runner resumes once an engine is ready.
      const requeued = await recoverInterruptedJobs(studio);
      // Undo history lasts for a tab's session: a reload keeps it, a new visit starts clean, and
      // the history of other tabs still open stays.
      await forgetClosedSessions(studio, [session, ...(await openSessions())]);
      if (!live) return;
      useUi.getState().setProject(open.id);
      if (requeued > 0) {
        useUi.getState().pushToast({
          tone: "info",
          message: `${plural(requeued, "chunk")} in flight ${requeued === 1 ? "was" : "were"} interrupted by the reload; the batch resumes ${requeued === 1 ? "it" : "them"} once an engine is ready.`,
        });
      }
      if (recovered > requeued) {
        useUi.getState().pushToast({
          tone: "info",
          message: `${plural(recovered - requeued, "synthesis run")} ${recovered - requeued === 1 ? "was" : "were"} interrupted by the reload. The partial output is kept; retry to finish.`,
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
  return { project: project ?? null, error };
}
