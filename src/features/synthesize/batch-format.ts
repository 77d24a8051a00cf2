import type { JobSettings } from "../../db";

/** The settings a run will use, in one line, so they are visible before pressing the button. */
export function settingsSummary(s: JobSettings): string {
  return [
    `${s.maxNewTokens} new tokens`,
    `${s.maxModelLen} context`,
    `temperature ${s.temperature}`,
    `${s.rounds} round${s.rounds === 1 ? "" : "s"}`,
    s.budgetMode === "tokens" ? "budget in tokens (tokenizer)" : "budget in words (estimate)",
    `${s.concurrency} at once`,
  ].join(" · ");
}

/** "45 s", "3 min 05 s", "2 h 10 min". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, "0")} min`;
}

const integers = new Intl.NumberFormat();

/**
 * A count with the reader's digit grouping ("1,234"), like `toLocaleString()` but with one
 * shared formatter: the batch bar re-renders several times a second during a run.
 */
export function formatCount(n: number): string {
  return integers.format(n);
}
