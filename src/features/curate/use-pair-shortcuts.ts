import { isShortcutKey } from "../../lib/keyboard";
import { useEffect } from "react";
import type { PairRow, PairStatus } from "../../db";
import { usePairHighlight } from "../../stores/pair-highlight-store";
import { useUi } from "../../stores/ui-store";

export interface PairActions {
  setStatus(pair: PairRow, status: PairStatus): void;
  remove(pair: PairRow): void;
}

/**
 * j/k move, a accepts, r rejects, u resets to pending, e edits, x deletes; ignored while typing
 * or in a dialog. Moving reveals the pair: focus goes to its card, the document to its evidence.
 */
export function usePairShortcuts(pairs: readonly PairRow[], actions: PairActions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isShortcutKey(e)) return;
      const ui = useUi.getState();
      if (ui.editingPairId || pairs.length === 0) return;
      const i = Math.min(ui.focusedPair, pairs.length - 1);
      const pair = pairs[i];
      if (!pair) return;
      const moveTo = (next: number) => {
        ui.setFocusedPair(next);
        const target = pairs[next];
        if (target) usePairHighlight.getState().revealPair(target.id);
      };
      const handled = (() => {
        switch (e.key) {
          case "j":
            moveTo(Math.min(pairs.length - 1, i + 1));
            return true;
          case "k":
            moveTo(Math.max(0, i - 1));
            return true;
          case "a":
            actions.setStatus(pair, pair.status === "accepted" ? "pending" : "accepted");
            return true;
          case "r":
            actions.setStatus(pair, pair.status === "rejected" ? "pending" : "rejected");
            return true;
          case "u":
            if (pair.status !== "pending") actions.setStatus(pair, "pending");
            return true;
          case "e":
            ui.setEditingPair(pair.id);
            return true;
          case "x":
          case "Delete":
            actions.remove(pair);
            return true;
          default:
            return false;
        }
      })();
      if (handled) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [pairs, actions]);
}
