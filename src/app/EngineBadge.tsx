import { useEngine } from "../stores/engine-store";
import { useSynthesis } from "../stores/synthesis-store";
import { useUi } from "../stores/ui-store";

/** Header status: which engine, its state, and the speed of the last run. */
export function EngineBadge() {
  const status = useEngine((s) => s.status);
  const tps = useSynthesis((s) => s.lastTokensPerSecond);
  const setView = useUi((s) => s.setView);
  const dot = {
    none: "bg-neutral-400",
    loading: "bg-amber-400 animate-pulse",
    ready: "bg-emerald-500",
    error: "bg-red-500",
  }[status.state];
  const text =
    status.state === "none"
      ? "No engine"
      : status.state === "loading"
        ? `Loading ${status.label} · ${Math.round(status.progress.overall * 100)}%`
        : status.state === "ready"
          ? `${status.label}${status.approximation ? " (approximation)" : ""}`
          : `${status.label}: failed`;
  return (
    <button
      type="button"
      onClick={() => setView("models")}
      aria-label={`Engine status: ${text}. Open the Models page.`}
      className="flex max-w-md items-center gap-2 truncate rounded-md border border-neutral-200 px-2 py-1 text-xs dark:border-neutral-700"
    >
      <span className={`h-2 w-2 shrink-0 rounded-full ${dot}`} />
      <span className="truncate" data-testid="engine-status">
        {text}
      </span>
      {status.state === "ready" && tps !== null && (
        <span className="text-neutral-500">{tps.toFixed(1)} tok/s</span>
      )}
    </button>
  );
}
