import { create } from "zustand";
import { EMPTY_VIEW, type PairsView } from "../core/curation/view";

/** Column widths (px) and answer preview lines of the pairs table, kept across visits. */
export interface TableLayout {
  questionWidth: number;
  answerWidth: number;
  previewLines: number;
}

interface CurationState {
  /** The Pairs page's view: filters, search, sort. Mirrored in the URL by the page. */
  view: PairsView;
  /** The pair the keyboard acts on, and where it was: when it leaves the view, the focus stays there. */
  focusedId: string | null;
  focusedIndex: number;
  /** Pairs picked for a bulk action (x, Shift+x, the row checkboxes). */
  selection: ReadonlySet<string>;
  /** Where Shift+x extends a range from. */
  anchorId: string | null;
  /** The pair being edited in place. */
  editingId: string | null;
  layout: TableLayout;
  setView: (view: PairsView) => void;
  patchView: (patch: Partial<PairsView>) => void;
  focus: (id: string | null, index: number) => void;
  setSelection: (selection: ReadonlySet<string>, anchorId?: string | null) => void;
  setEditing: (id: string | null) => void;
  setLayout: (patch: Partial<TableLayout>) => void;
}

const LAYOUT_KEY = "ipt-pairs-table-layout";
const DEFAULT_LAYOUT: TableLayout = { questionWidth: 260, answerWidth: 340, previewLines: 2 };

function storedLayout(): TableLayout {
  try {
    const raw = globalThis.localStorage?.getItem(LAYOUT_KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<TableLayout>) : {};
    return { ...DEFAULT_LAYOUT, ...parsed };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

/** Session state of the curation table. Pair rows are never copied here (see the worker). */
export const useCuration = create<CurationState>((set) => ({
  view: EMPTY_VIEW,
  focusedId: null,
  focusedIndex: 0,
  selection: new Set(),
  anchorId: null,
  editingId: null,
  layout: storedLayout(),
  setView: (view) => set({ view }),
  patchView: (patch) => set((s) => ({ view: { ...s.view, ...patch } })),
  focus: (focusedId, focusedIndex) => set({ focusedId, focusedIndex }),
  setSelection: (selection, anchorId) =>
    set((s) => ({ selection, anchorId: anchorId === undefined ? s.anchorId : anchorId })),
  setEditing: (editingId) => set({ editingId }),
  setLayout: (patch) =>
    set((s) => {
      const layout = { ...s.layout, ...patch };
      try {
        globalThis.localStorage?.setItem(LAYOUT_KEY, JSON.stringify(layout));
      } catch {
        // Storage refused: the layout lasts as long as the page.
      }
      return { layout };
    }),
}));
