import { useEffect, useState } from "react";
import { studio } from "../../db/studio";
import { touchesTables, watchMutations } from "../../lib/watch-mutations";

/**
 * `read()`'s result, read again after writes to any of `tables` (at most once per `ms`), and
 * at once when `key` changes. For figures that change with every chunk of a batch (progress,
 * pending counts): a live query would re-run after each of hundreds of commits a second, while
 * a person reads a few updates a second. `key` names the query (`read` is a new closure on
 * every render); null reads nothing.
 */
export function useThrottledQuery<T>(
  read: () => Promise<T>,
  key: string | null,
  tables: readonly string[],
  ms: number,
): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>();
  const watched = tables.join("\n");
  useEffect(() => {
    if (key === null) return;
    return watchMutations(
      touchesTables(studio.db.name, watched.split("\n")),
      read,
      (value) => setState({ key, value }),
      ms,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, watched, ms]);
  return state?.key === key ? state.value : undefined;
}
