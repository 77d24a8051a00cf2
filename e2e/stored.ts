import type { Page } from "@playwright/test";

/*
 * Reads what the studio stored, straight from IndexedDB in the page, as tests check it. Read-only;
 * the database is opened without a version so a read never upgrades it.
 */

/** Every row of a table. */
export function storedRows<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("ipt-studio");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("open failed"));
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const req = db.transaction(name).objectStore(name).getAll();
      req.onsuccess = () => resolve(req.result as unknown[]);
      req.onerror = () => reject(req.error ?? new Error("read failed"));
    });
    db.close();
    return rows;
  }, table) as Promise<T[]>;
}

/** Pairs waiting for the background quality keeper (the sparse `stale` index). */
export function stalePairs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("ipt-studio");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("open failed"));
    });
    const count = await new Promise<number>((resolve, reject) => {
      const req = db.transaction("pairs").objectStore("pairs").index("stale").count();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("count failed"));
    });
    db.close();
    return count;
  });
}
