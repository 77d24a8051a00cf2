/**
 * Turns IndexedDB failures into messages a person can act on. Dexie wraps the browser's
 * QuotaExceededError (directly or as `inner`), and a failed transaction writes nothing, so the
 * message can promise that what was saved before is intact.
 */
export class StorageError extends Error {
  override readonly name = "StorageError";
  constructor(
    readonly kind: "quota" | "unknown",
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 4; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === "QuotaExceededError") return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  if (isQuotaError(err)) {
    return new StorageError(
      "quota",
      "The browser's storage for this site is full, so this change was not saved. Everything " +
        "saved before is intact. Free space by deleting cached models (Models page) or old " +
        "projects, then try again.",
      detail,
    );
  }
  return new StorageError("unknown", "Saving to the browser's database failed.", detail);
}

/** Runs a write and rethrows failures as StorageError. */
export async function guardWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw toStorageError(err);
  }
}
