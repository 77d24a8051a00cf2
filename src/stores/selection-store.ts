import { create } from "zustand";

/**
 * The documents ticked in the sidebar, for acting on several at once (the batch bar's
 * "Synthesize selected"). Separate from the open document (`useUi().selectedDocumentId`).
 * A selection belongs to one project; switching projects starts an empty one.
 */
interface SelectionState {
  projectId: string | null;
  ids: ReadonlySet<string>;
  /** The row last ticked or unticked without Shift: where a Shift-click range starts. */
  anchor: string | null;
  /** Bumped on every change, so readers can key queries on it instead of on the ids. */
  version: number;
  /** Ticks or unticks one document and makes it the anchor of the next range. */
  toggle: (projectId: string, id: string) => void;
  /**
   * Shift-click: gives every document between the anchor and `id` in `order` (the list as
   * shown) the state `id` gets, which is the opposite of its current one. Without an anchor
   * in `order`, it is a plain toggle.
   */
  toggleRange: (projectId: string, order: readonly string[], id: string) => void;
  /** Ticks (or unticks) all of `ids`, e.g. every document matching the filter. */
  setMany: (projectId: string, ids: readonly string[], selected: boolean) => void;
  /** Forgets documents that no longer exist. */
  forget: (ids: readonly string[]) => void;
  clear: () => void;
}

const EMPTY: ReadonlySet<string> = new Set();

export const useSelection = create<SelectionState>((set, get) => {
  /** The current selection of `projectId` (empty if it belongs to another project). */
  const of = (projectId: string) => {
    const s = get();
    return s.projectId === projectId ? s : { ids: EMPTY, anchor: null };
  };
  const put = (projectId: string, ids: ReadonlySet<string>, anchor: string | null) =>
    set((s) => ({ projectId, ids, anchor, version: s.version + 1 }));
  return {
    projectId: null,
    ids: EMPTY,
    anchor: null,
    version: 0,
    toggle: (projectId, id) => {
      const ids = new Set(of(projectId).ids);
      if (ids.has(id)) ids.delete(id);
      else ids.add(id);
      put(projectId, ids, id);
    },
    toggleRange: (projectId, order, id) => {
      const current = of(projectId);
      const from = current.anchor === null ? -1 : order.indexOf(current.anchor);
      const to = order.indexOf(id);
      if (from === -1 || to === -1) {
        get().toggle(projectId, id);
        return;
      }
      const select = !current.ids.has(id);
      const ids = new Set(current.ids);
      for (const d of order.slice(Math.min(from, to), Math.max(from, to) + 1)) {
        if (select) ids.add(d);
        else ids.delete(d);
      }
      // The anchor stays, so the next Shift-click extends or shrinks from the same row.
      put(projectId, ids, current.anchor);
    },
    setMany: (projectId, list, selected) => {
      const ids = new Set(of(projectId).ids);
      for (const id of list) {
        if (selected) ids.add(id);
        else ids.delete(id);
      }
      put(projectId, ids, of(projectId).anchor);
    },
    forget: (list) => {
      const s = get();
      if (!list.some((id) => s.ids.has(id))) return;
      const ids = new Set(s.ids);
      for (const id of list) ids.delete(id);
      set({ ids, version: s.version + 1 });
    },
    clear: () => set((s) => ({ ids: EMPTY, anchor: null, version: s.version + 1 })),
  };
});
