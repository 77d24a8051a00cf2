/**
 * The import dialog's state: the files offered, the fields picked, the running import's
 * counters and the final report. It lives outside any component so that an import keeps going
 * (and its dialog keeps showing) while the studio swaps the welcome screen for the document
 * list under it.
 */
import { create } from "zustand";
import { isRecordFormat } from "../../../core/ingest/formats";
import { planFiles, type PlannedFile } from "../../../core/ingest/plan";
import { emptyList, type FileReport, type RecordIssue } from "../../../core/ingest/report";
import { useUi } from "../../../stores/ui-store";
import type { InspectResult } from "../../../workers/ingest-job";
import type { PickedFile } from "./collect-files";
import { inspectRecordFile, runIngest, type IngestCounters, type IngestRun } from "./run-ingest";

export interface OfferedFile extends PlannedFile {
  file: File;
  /** The fields of a record file, once the worker has looked (null while it looks). */
  inspected: InspectResult | null;
  /** The field or column picked for a record file. */
  field: string | null;
}

export interface Progress extends IngestCounters {
  filesTotal: number;
  bytesTotal: number;
  startedAt: number;
}

export type Phase = "closed" | "setup" | "running" | "done";

interface IngestState {
  phase: Phase;
  projectId: string | null;
  files: OfferedFile[];
  keepDuplicates: boolean;
  progress: Progress | null;
  reports: FileReport[];
  /** How the import ended: cancelled, or stopped by an error (storage full, …). */
  ending: { cancelled: boolean; error: string | null } | null;
  offer: (projectId: string, picked: PickedFile[]) => void;
  pickField: (index: number, field: string) => void;
  setKeepDuplicates: (keep: boolean) => void;
  start: () => void;
  cancel: () => void;
  close: () => void;
}

let running: IngestRun | null = null;

/** Record files still need a field when the worker found no default and the user picked none. */
export const needsField = (f: OfferedFile): boolean =>
  f.verdict === null &&
  f.format !== null &&
  isRecordFormat(f.format) &&
  (f.inspected === null || (f.inspected.problem === null && f.field === null));

const verdictReport = (f: OfferedFile): FileReport | null =>
  f.verdict && {
    path: f.path,
    status: f.verdict.status,
    documents: 0,
    duplicates: emptyList(),
    issues: emptyList<RecordIssue>(),
    reason: f.verdict.reason,
  };

export const useIngest = create<IngestState>((set, get) => ({
  phase: "closed",
  projectId: null,
  files: [],
  keepDuplicates: false,
  progress: null,
  reports: [],
  ending: null,

  offer: (projectId, picked) => {
    const state = get();
    if (state.phase === "running") {
      useUi.getState().pushToast({
        tone: "info",
        message: "An import is running. Add more files when it has finished.",
      });
      return;
    }
    // Files dropped while the dialog is open join the ones already offered.
    const earlier = state.phase === "setup" && state.projectId === projectId ? state.files : [];
    const plan = planFiles([
      ...earlier.map((f) => ({ path: f.path, size: f.size })),
      ...picked.map((p) => ({ path: p.path, size: p.file.size })),
    ]);
    const files: OfferedFile[] = plan.map((p, i) => {
      const before = earlier[i];
      if (before) return before;
      const file = (picked[i - earlier.length] as PickedFile).file;
      return { ...p, file, inspected: null, field: null };
    });
    set({ phase: "setup", projectId, files, progress: null, reports: [], ending: null });
    for (const f of files.slice(earlier.length)) {
      if (f.verdict !== null || f.format === null || !isRecordFormat(f.format)) continue;
      const format = f.format;
      void inspectRecordFile({ path: f.path, file: f.file, format })
        .catch((err: unknown): InspectResult => ({
          keys: [],
          defaultField: null,
          samples: [],
          problem: err instanceof Error ? err.message : String(err),
        }))
        .then((inspected) =>
          set((s) => ({
            files: s.files.map((g) =>
              g.index === f.index && g.file === f.file
                ? { ...g, inspected, field: g.field ?? inspected.defaultField }
                : g,
            ),
          })),
        );
    }
  },

  pickField: (index, field) => {
    set((s) => ({ files: s.files.map((f) => (f.index === index ? { ...f, field } : f)) }));
  },

  setKeepDuplicates: (keepDuplicates) => {
    set({ keepDuplicates });
  },

  start: () => {
    const { projectId, files, keepDuplicates, phase } = get();
    if (phase !== "setup" || !projectId || files.some(needsField)) return;
    const toRead = files.filter((f) => f.verdict === null);
    const paths = new Map(files.map((f) => [f.index, f.path]));
    const startedAt = Date.now();
    const totals = {
      filesTotal: toRead.length,
      bytesTotal: toRead.reduce((n, f) => n + f.size, 0),
      startedAt,
    };
    set({
      phase: "running",
      progress: {
        ...totals,
        filesRead: 0,
        bytesRead: 0,
        documents: 0,
        duplicates: 0,
        current: null,
      },
    });
    const run = runIngest({
      projectId,
      files: toRead.map((f) => ({
        index: f.index,
        path: f.path,
        file: f.file,
        format: f.format,
        field: f.field,
      })),
      paths,
      keepDuplicates,
      onCounters: (c) => set({ progress: { ...totals, ...c } }),
    });
    running = run;
    void run.done.then((result) => {
      running = null;
      const reports = files.map((f): FileReport => {
        const report = verdictReport(f) ?? result.reports.get(f.index);
        if (report) return report;
        // Not finished: cancelled, or stopped by an error. What was stored stays stored.
        const tally = result.tallies.get(f.index);
        return {
          path: f.path,
          status: result.error ? "failed" : "cancelled",
          documents: tally?.added ?? 0,
          duplicates: tally?.duplicates ?? emptyList(),
          issues: emptyList(),
          ...(result.error ? { reason: result.error } : {}),
        };
      });
      set({ phase: "done", reports, ending: { cancelled: result.cancelled, error: result.error } });
      if (result.firstDocumentId) useUi.getState().selectDocument(result.firstDocumentId);
    });
  },

  cancel: () => {
    if (get().phase === "running") running?.cancel();
    else set({ phase: "closed", files: [] });
  },

  close: () => {
    if (get().phase === "running") return;
    set({ phase: "closed", files: [], reports: [], progress: null, ending: null });
  },
}));
