/*
 * This tab's bulk actions in progress. The page's background followers of the pairs (the
 * table's sync, pairs-sync.ts, and the quality keeper) wait for them to end instead of reacting
 * to each of their batches: syncing after each re-read and re-indexed thousands of rows the
 * action was about to change again, and a keeper pass after each batch of a delete re-read every
 * pair id of the project (80 ms of the page's thread).
 */

let running = 0;
const listeners = new Set<() => void>();

/** Whether a bulk action of this tab is running. */
export const bulkActionRunning = (): boolean => running > 0;

/** Calls `listener` each time the last running bulk action ends, until unsubscribed. */
export function onBulkActionsEnd(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Marks a bulk action as running until the returned function is called. */
export function holdForBulkAction(): () => void {
  running++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    running--;
    if (running === 0) for (const listener of [...listeners]) listener();
  };
}
