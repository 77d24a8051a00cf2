import type { HistoryScope } from "../../db";
import { sessionId } from "../../lib/session";

/** Where this tab's curation history goes for a project. */
export function historyScope(projectId: string): HistoryScope {
  return { projectId, session: sessionId() };
}
