import { readProjectForExport } from "../../db";
import { studio } from "../../db/studio";
import type {
  ExportProgress,
  ExportRequest,
  ExportResult,
  PreviewResult,
  WorkerRequest,
} from "../../workers/export-job";
import { callWorker } from "../../workers/rpc";

let worker: Worker | null = null;

/** The export worker is created on first use and kept for later exports. */
function exportWorker(): Worker {
  worker ??= new Worker(new URL("../../workers/export.worker.ts", import.meta.url), {
    type: "module",
  });
  return worker;
}

/** Reads the project from Dexie (asynchronously) for the worker. */
export function readDocuments(projectId: string) {
  return readProjectForExport(studio, projectId);
}

/** Runs one export in the worker; the page stays responsive and shows `onProgress`. */
export function runExport(
  request: ExportRequest,
  onProgress: (p: ExportProgress) => void,
): Promise<ExportResult> {
  return callWorker<WorkerRequest, ExportProgress, ExportResult>(
    exportWorker(),
    { kind: "export", export: request },
    onProgress,
  );
}

/** Three sample texts and the mix's counts for the current settings, computed in the worker. */
export function runPreview(
  request: ExportRequest,
  tokenizerJson?: ArrayBuffer,
): Promise<PreviewResult> {
  return callWorker<WorkerRequest, ExportProgress, PreviewResult>(exportWorker(), {
    kind: "preview",
    export: request,
    ...(tokenizerJson ? { tokenizerJson } : {}),
  });
}
