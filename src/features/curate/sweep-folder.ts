import { useEffect } from "react";
import { foldSweeps } from "../../db";
import { studio } from "../../db/studio";
import { touchesTables, watchMutations } from "../../lib/watch-mutations";

/*
 * Folds pending status sweeps (db/sweeps.ts) into the pair rows in the background, while the
 * studio is open. A sweep is already the truth for every read; folding only keeps the number of
 * pending ones small, so reads stay cheap. The rows are written in small transactions with
 * pauses between them, so the page and other database work keep their turn.
 */

/** Pairs per fold transaction: small enough to keep each write short. */
const FOLD_BATCH = 1000;
/** The pause between two fold transactions. */
const FOLD_GAP_MS = 50;
/** How long after a sweep appears before folding begins: the curator may undo it at once. */
const FOLD_DELAY_MS = 1500;

class Folder {
  private stopped = false;
  private running = false;
  private again = false;

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.fold().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  stop(): void {
    this.stopped = true;
  }

  private async fold(): Promise<void> {
    try {
      await pause(FOLD_DELAY_MS);
      while (!this.stopped && (await foldSweeps(studio, FOLD_BATCH))) await pause(FOLD_GAP_MS);
    } catch (err) {
      // Folding waits for the next wake (a full disk, the database closing on a reload): the
      // sweeps stay, and stay true meanwhile.
      console.warn("Status sweeps could not be folded yet:", err);
    }
  }
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Folds status sweeps while the studio is open (any project's: sweeps are few). */
export function useSweepFolder(): void {
  useEffect(() => {
    const folder = new Folder();
    const unwatch = watchMutations(
      touchesTables(studio.db.name, ["sweeps"]),
      () => studio.db.sweeps.count(),
      (pending) => {
        if (pending > 0) folder.wake();
      },
      FOLD_DELAY_MS,
    );
    return () => {
      folder.stop();
      unwatch();
    };
  }, []);
}
