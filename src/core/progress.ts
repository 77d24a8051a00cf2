/** Numbers for progress lines (imports, bulk actions): sizes, durations and the time left. */

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function formatDuration(ms: number): string {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/**
 * The time left at the average rate so far, or null while there is too little to go on (under a
 * second, or under 1% done): an early guess jumps around more than it helps.
 */
export function remainingMs(done: number, total: number, elapsedMs: number): number | null {
  if (total <= 0 || done <= 0 || elapsedMs < 1000 || done / total < 0.01) return null;
  return Math.max(0, (elapsedMs * (total - done)) / done);
}

/** "12,000 / 54,545 · 9 s left", the time left once there is enough to go on. */
export function countsAndTimeLeft(done: number, total: number, elapsedMs: number): string {
  const counts = `${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`;
  const left = done < total ? remainingMs(done, total, elapsedMs) : null;
  return left === null ? counts : `${counts} · ${formatDuration(left)} left`;
}
