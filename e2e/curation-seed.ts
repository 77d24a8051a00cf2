import { expect, type Page } from "@playwright/test";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { storedRows } from "./stored";

/*
 * Seeding and reading for the Pairs page specs: pairs are seeded by restoring a workspace
 * backup, and what the studio stored is read straight from IndexedDB.
 */

export interface SeedPair {
  question: string;
  answer: string;
}

/** A version-1 backup of `docs` documents, each with the pairs `pairsOf(d)`. */
export function backupFile(docs: number, pairsOf: (d: number) => SeedPair[]): string {
  const projectId = "p";
  const documents = Array.from({ length: docs }, (_, d) => ({
    id: `d${d}`,
    projectId,
    title: `Doc ${String(d).padStart(2, "0")}`,
    source: { kind: "paste" },
    text: `Document ${d}. The committee met on day ${d} and approved item ${d} after a debate.`,
    contentHash: `h${d}`,
    createdAt: d,
    updatedAt: d,
  }));
  const pairs = documents.flatMap((doc, d) =>
    pairsOf(d).map((p, i) => ({
      id: `p${d}-${i}`,
      projectId,
      documentId: doc.id,
      index: i,
      question: p.question,
      answer: p.answer,
      status: "pending",
      edited: false,
      origin: "model",
      createdAt: d * 10 + i,
      updatedAt: d * 10 + i,
    })),
  );
  const backup = {
    format: "ipt-studio.backup",
    version: 1,
    exportedAt: "2026-01-01T00:00:00.000Z",
    app: { name: "IPT Studio", version: "e2e" },
    project: { id: projectId, name: "Curation", createdAt: 0, updatedAt: 0 },
    documents,
    results: [],
    pairs,
    settings: [],
  };
  const path = join(mkdtempSync(join(tmpdir(), "ipt-table-")), "curation.ipt-backup.json");
  writeFileSync(path, JSON.stringify(backup));
  return path;
}

export async function restore(page: Page, file: string, docs: number): Promise<void> {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Pages" });
  await nav.getByRole("button", { name: "Export" }).click();
  await page.getByLabel("Restore as a new project…").setInputFiles(file);
  await expect(page.getByText(`Restored ${docs.toLocaleString("en-US")} documents`)).toBeVisible();
}

/** question → status of every stored pair, read straight from IndexedDB. */
export async function storedStatuses(page: Page): Promise<Record<string, string>> {
  const pairs = await storedRows<{ question: string; status: string }>(page, "pairs");
  return Object.fromEntries(pairs.map((p) => [p.question, p.status]));
}

/**
 * Rewrites every stored pair straight in IndexedDB, behind the studio's back (no write time, no
 * change event): `quality` stores quality signals as the background keeper would ("Why?" is a
 * very short question); `accept` sets every status to accepted.
 */
export function rewritePairs(page: Page, edit: "quality" | "accept"): Promise<void> {
  return page.evaluate(async (edit) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open("ipt-studio");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error("open failed"));
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction("pairs", "readwrite");
      const req = tx.objectStore("pairs").openCursor();
      req.onsuccess = () => {
        const cursor = req.result;
        if (!cursor) return;
        const row = cursor.value as {
          question: string;
          status: string;
          stale?: number;
          quality?: unknown;
        };
        if (edit === "accept") row.status = "accepted";
        else {
          delete row.stale;
          row.quality = {
            grounding: 0.8,
            flags: row.question === "Why?" ? ["shortQuestion"] : [],
            taskType: "freeFormQa",
          };
        }
        cursor.update(row);
        cursor.continue();
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error("write failed"));
    });
    db.close();
  }, edit);
}

/** Stores quality signals before the Pairs page opens, so its first load reads them. */
export const seedQuality = (page: Page) => rewritePairs(page, "quality");

export const grid = (page: Page) => page.getByRole("grid", { name: "Pairs" });
