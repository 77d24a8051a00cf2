import { create } from "zustand";

export type Theme = "system" | "light" | "dark";
/** The studio's pages. */
export const VIEWS = ["studio", "pairs", "insights", "models", "export"] as const;
export type View = (typeof VIEWS)[number];

export const isView = (name: string): name is View => (VIEWS as readonly string[]).includes(name);

export interface Toast {
  id: number;
  tone: "info" | "error" | "success";
  message: string;
  detail?: string;
  action?: { label: string; run: () => void };
}

interface UiState {
  view: View;
  theme: Theme;
  projectId: string | null;
  selectedDocumentId: string | null;
  /** Index of the pair the keyboard acts on, in the selected document's list. */
  focusedPair: number;
  /** The pair whose question/answer are being edited. */
  editingPairId: string | null;
  shortcutsOpen: boolean;
  pasteOpen: boolean;
  toasts: Toast[];
  setView: (view: View) => void;
  setTheme: (theme: Theme) => void;
  setProject: (id: string) => void;
  selectDocument: (id: string | null) => void;
  setFocusedPair: (index: number) => void;
  setEditingPair: (id: string | null) => void;
  setShortcutsOpen: (open: boolean) => void;
  setPasteOpen: (open: boolean) => void;
  pushToast: (toast: Omit<Toast, "id">) => number;
  dismissToast: (id: number) => void;
}

let nextToastId = 1;
/**
 * A notice without an action goes away after this long. Errors and notices with an action
 * (Undo, Retry) stay until dismissed: they ask for a decision.
 */
export const NOTICE_MS = 8000;

const storedTheme = (): Theme => {
  const t = globalThis.localStorage?.getItem("ipt-theme");
  return t === "light" || t === "dark" ? t : "system";
};

/** UI and session state only. Domain data lives in Dexie and is read with live queries. */
export const useUi = create<UiState>((set) => ({
  view: "studio",
  theme: storedTheme(),
  projectId: null,
  selectedDocumentId: null,
  focusedPair: 0,
  editingPairId: null,
  shortcutsOpen: false,
  pasteOpen: false,
  toasts: [],
  setView: (view) => set({ view }),
  setTheme: (theme) => {
    globalThis.localStorage?.setItem("ipt-theme", theme);
    set({ theme });
  },
  setProject: (projectId) => set({ projectId }),
  selectDocument: (selectedDocumentId) =>
    set({ selectedDocumentId, focusedPair: 0, editingPairId: null, view: "studio" }),
  setFocusedPair: (focusedPair) => set({ focusedPair }),
  setEditingPair: (editingPairId) => set({ editingPairId }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setPasteOpen: (pasteOpen) => set({ pasteOpen }),
  pushToast: (toast) => {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { ...toast, id }] }));
    if (toast.tone !== "error" && !toast.action)
      setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), NOTICE_MS);
    return id;
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/**
 * Shows any failure as an error toast: our errors (EngineError, StorageError) carry an
 * actionable message and a technical `detail` for the details toggle.
 */
export function toastError(err: unknown, context?: string): void {
  const message = err instanceof Error ? err.message : String(err);
  const detail = (err as { detail?: unknown } | null)?.detail;
  useUi.getState().pushToast({
    tone: "error",
    message: context ? `${context}: ${message}` : message,
    detail: typeof detail === "string" && detail !== "" ? detail : undefined,
  });
}

/** Runs an async UI action and reports a failure instead of leaving it unhandled. */
export function attempt(action: () => Promise<unknown>, context?: string): void {
  action().catch((err: unknown) => toastError(err, context));
}
