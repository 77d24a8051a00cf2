import type { EngineStatus } from "../../stores/engine-store";

/** Why Synthesize cannot run now, or null when it can. Shown next to the disabled button. */
export function synthesizeDisabledReason(
  status: EngineStatus,
  text: string | undefined,
  busy: boolean,
): string | null {
  if (busy) return "A synthesis is running. Stop it or wait for it to finish.";
  if (status.state === "loading") return "The model is still loading.";
  if (status.state !== "ready")
    return "No engine is ready. Load a model or connect to a server on the Models page.";
  if (text === undefined || text.trim() === "") return "The document is empty.";
  return null;
}
