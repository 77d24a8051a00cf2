import type { DbContext } from "./context";
import { StudioDB } from "./schema";

export type { DbContext } from "./context";
export * from "./schema";
export * from "./storage-error";
export * from "./projects";
export * from "./documents";
export * from "./chunks";
export * from "./jobs";
export * from "./task-writes";
export * from "./results";
export * from "./pairs";
export * from "./curation";
export * from "./history";
export * from "./quality";
export * from "./settings";
export * from "./export";
export * from "./import";
export * from "./backup";
export * from "./restore";
export * from "./pairs-view";
export * from "./insights";
export * from "./regenerate";
export * from "./sweeps";
export * from "./marks";

/** The app's single database connection. */
export function openStudio(name?: string): DbContext {
  return { db: new StudioDB(name), now: () => Date.now(), newId: () => crypto.randomUUID() };
}
