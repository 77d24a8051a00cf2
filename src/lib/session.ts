/**
 * An id for this browser session (this tab, across reloads), so undo history survives a reload
 * but not a new visit. sessionStorage is per tab and kept across reloads, which is exactly that.
 */
const KEY = "ipt-studio:session";

export function sessionId(): string {
  try {
    const known = sessionStorage.getItem(KEY);
    if (known) return known;
    const id = crypto.randomUUID();
    sessionStorage.setItem(KEY, id);
    return id;
  } catch {
    // Storage refused (privacy mode): history then lasts as long as the page.
    return (fallback ??= crypto.randomUUID());
  }
}

let fallback: string | undefined;
