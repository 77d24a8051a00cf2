import { useEffect, useState } from "react";
import { touchesTables, watchMutations } from "./watch-mutations";

/** What a watched query follows: writes to these tables of this database, read at most every `ms`. */
export interface Watch {
  db: string;
  tables: readonly string[];
  /** At least this long between two reads (0: after every matching write). */
  ms?: number;
  /**
   * While a new key is read, return the last key's value, as a live query does (the open
   * project while another opens), instead of nothing (counts of another job).
   */
  keepPrevious?: boolean;
}

/**
 * `read()`'s result, read again after writes to any of the watched tables, and at once when
 * `key` changes. `key` names the query (`read` is a new closure on every render); null reads
 * nothing.
 *
 * Two reasons to use it instead of a live query:
 * - Figures that change with every chunk of a batch (progress, pending counts): a live query
 *   would re-run after each of hundreds of commits a second, while a person reads a few updates
 *   a second (`ms`).
 * - Reads of a few rows that stay mounted while bulk actions run (the open project, the undo
 *   buttons). A live query keeps the keys of every write it has not re-read for, and merges each
 *   new write's keys into them: a bulk delete of 54,545 pairs spent 50–90 ms of the page's
 *   thread on each 2,000-pair transaction in the header's live queries, none of which reads a
 *   pair. Matching writes by table name costs nothing per write.
 */
export function useWatchedQuery<T>(
  read: () => Promise<T>,
  key: string | null,
  { db, tables, ms = 0, keepPrevious = false }: Watch,
): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>();
  const watched = tables.join("\n");
  useEffect(() => {
    if (key === null) return;
    return watchMutations(
      touchesTables(db, watched.split("\n")),
      read,
      (value) => setState({ key, value }),
      ms,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, db, watched, ms]);
  return state?.key === key || (keepPrevious && key !== null) ? state?.value : undefined;
}
