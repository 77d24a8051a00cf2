/**
 * Whether a key event belongs to something else than the page's shortcuts: the person types in
 * a field, or a dialog is open.
 */
export function isForAFieldOrDialog(e: KeyboardEvent): boolean {
  const t = e.target;
  const typing =
    t instanceof HTMLElement &&
    (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
  return typing || document.querySelector("dialog[open]") !== null;
}

/**
 * Whether a single-key shortcut should act on this key event: not while the person types in a
 * field, not with a modifier held (those belong to the browser), not while a dialog is open.
 */
export function isShortcutKey(e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return !isForAFieldOrDialog(e);
}
