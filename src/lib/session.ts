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

/*
 * Which sessions are open: each tab holds a Web Lock named after its session for as long as the
 * page lives, and the browser lets go of it when the tab closes or reloads. Another tab's boot
 * asks for the held locks, so it forgets only the history of sessions no tab has open.
 */
const LOCK_PREFIX = "ipt-studio:session:";

/** Holds this tab's session lock until the page goes. */
export function holdSession(id: string): void {
  navigator.locks
    ?.request(LOCK_PREFIX + id, () => new Promise<never>(() => {}))
    .catch(() => undefined);
}

/** The sessions some tab holds open, or an empty list where the browser cannot tell. */
export async function openSessions(): Promise<string[]> {
  try {
    const { held = [] } = (await navigator.locks?.query()) ?? {};
    return held.flatMap((lock) =>
      lock.name?.startsWith(LOCK_PREFIX) ? [lock.name.slice(LOCK_PREFIX.length)] : [],
    );
  } catch {
    // Refused (some sandboxed pages): only this tab's history is kept, as before locks.
    return [];
  }
}
