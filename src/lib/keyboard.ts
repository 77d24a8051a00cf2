/**
 * Whether a single-key shortcut should act on this key event: not while the person types in a
 * field, not with a modifier held (those belong to the browser), not while a dialog is open.
 */
export function isShortcutKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const t = e.target;
  if (
    t instanceof HTMLElement &&
    (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName))
  ) {
    return false;
  }
  return document.querySelector("dialog[open]") === null;
}
