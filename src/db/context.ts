import type { StudioDB } from "./schema";

/** What every repository needs. Time and ids are passed in so tests are deterministic. */
export interface DbContext {
  db: StudioDB;
  now: () => number;
  newId: () => string;
}
