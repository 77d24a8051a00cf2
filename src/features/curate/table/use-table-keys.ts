import { useEffect, useRef } from "react";
import { isShortcutKey } from "../../../lib/keyboard";

/** What the table's keys do; each returns nothing and acts on the focused pair. */
export interface TableKeyActions {
  move: (by: number) => void;
  moveTo: (where: "first" | "last") => void;
  status: (status: "accepted" | "rejected" | "pending") => void;
  edit: () => void;
  toggleSelect: () => void;
  selectRange: () => void;
  clearSelection: () => void;
  focusSearch: () => void;
  openDocument: () => void;
}

const TABLE_ONLY = new Set([
  "ArrowDown",
  "ArrowUp",
  "PageDown",
  "PageUp",
  "Home",
  "End",
  "Enter",
  "Escape",
]);

/**
 * The Pairs page's single-key shortcuts: j/k move, a/r/u set the status, e edits, x selects,
 * Shift+x selects a range, / searches, o opens the pair's document. Never while typing in a
 * field or with a dialog open (lib/keyboard.ts), and not while a pair is being edited.
 */
export function useTableKeys(actions: TableKeyActions, editing: boolean): void {
  const ref = useRef(actions);
  useEffect(() => {
    ref.current = actions;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (editing || !isShortcutKey(e)) return;
      const a = ref.current;
      // Keys that also mean something to a focused button or the page's scrolling act only
      // when the table (or nothing in particular) has the focus.
      const t = e.target;
      const onTable = t === document.body || (t instanceof Element && t.closest('[role="grid"]'));
      if (TABLE_ONLY.has(e.key) && !onTable) return;
      // Enter on a column's sort button sorts; it edits the pair only from the rows.
      if (e.key === "Enter" && t instanceof HTMLButtonElement) return;
      switch (e.key) {
        case "j":
        case "ArrowDown":
          a.move(1);
          break;
        case "k":
        case "ArrowUp":
          a.move(-1);
          break;
        case "PageDown":
          a.move(10);
          break;
        case "PageUp":
          a.move(-10);
          break;
        case "Home":
          a.moveTo("first");
          break;
        case "End":
          a.moveTo("last");
          break;
        case "a":
          a.status("accepted");
          break;
        case "r":
          a.status("rejected");
          break;
        case "u":
          a.status("pending");
          break;
        case "e":
        case "Enter":
          a.edit();
          break;
        case "x":
          a.toggleSelect();
          break;
        case "X":
          a.selectRange();
          break;
        case "Escape":
          a.clearSelection();
          break;
        case "/":
          a.focusSearch();
          break;
        case "o":
          a.openDocument();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [editing]);
}
