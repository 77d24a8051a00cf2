import { useQualityStatus } from "../stores/quality-store";

/** A quiet header line while quality signals are being computed in the background. */
export function QualityStatus() {
  const { phase, indexed, stale } = useQualityStatus();
  const text =
    phase === "indexing"
      ? `Finding duplicates… ${indexed.toLocaleString("en-US")} questions indexed`
      : phase === "scoring"
        ? `Scoring quality… ${stale.toLocaleString("en-US")} pairs left`
        : "";
  return (
    <span
      role="status"
      data-testid="quality-status"
      data-phase={phase}
      data-indexed={indexed}
      className="text-xs text-neutral-500 dark:text-neutral-400"
    >
      {text}
    </span>
  );
}
