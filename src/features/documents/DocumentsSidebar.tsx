import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "../../components/Button";
import { deleteDocument, renameDocument, restoreDocument } from "../../db";
import { studio } from "../../db/studio";
import { useSelection } from "../../stores/selection-store";
import { attempt, useUi } from "../../stores/ui-store";
import { DocumentItem, DocumentItemPlaceholder } from "./DocumentItem";
import { FileUploadInput, FolderUploadInput } from "./FileUploadInput";
import { importCollectionsFile } from "./import-collections";
import { useDocumentIds, useDocumentItems, useTitleFilter } from "./use-document-list";
import { plural } from "../../core/plural";

/** A row's height before it is measured: a title line and a status line. */
const ROW_ESTIMATE = 58;

/**
 * The documents column: add (paste, files, a folder, drop anywhere, the ipt command's
 * collections), filter, open, rename, delete with undo, and tick documents (one, a Shift-click
 * range, or all matching the filter) for the batch bar's "Synthesize selected". The list is
 * virtual: only the rows on screen are rendered and read from the database.
 */
export function DocumentsSidebar({ projectId }: { projectId: string }) {
  const ids = useDocumentIds(projectId);
  const { selectedDocumentId, selectDocument, setPasteOpen, pushToast } = useUi();
  const [filter, setFilter] = useState("");
  const matches = useTitleFilter(projectId, filter);
  const selection = useSelection();
  const ticked = selection.projectId === projectId ? selection.ids : null;
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  const visible = useMemo(
    () => (matches ? (ids ?? []).filter((id) => matches.has(id)) : (ids ?? [])),
    [ids, matches],
  );
  // Stable until the list changes: the virtualizer lays out every row again (20,000 of them)
  // whenever this function changes, which a new one on each render made every scroll step.
  const getItemKey = useCallback((i: number) => visible[i] ?? i, [visible]);
  // TanStack Virtual keeps its state in a mutable instance; this app does not run the React
  // Compiler, so the hook's results are not memoized behind its back.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey,
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const items = useDocumentItems(rows.map((r) => visible[r.index] ?? ""));

  // Bring the selected document into view when it changes (after an import, a shortcut…).
  const selectedIndex = selectedDocumentId ? visible.indexOf(selectedDocumentId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const importCollections = async (file: File) => {
    const outcome = await importCollectionsFile(projectId, file);
    if (!outcome.ok) {
      pushToast({ tone: "error", message: outcome.reason });
      return;
    }
    const first = outcome.documents[0];
    if (first) selectDocument(first.id);
    pushToast({
      tone: "success",
      message: `Imported ${plural(outcome.documents.length, "document")} with their pairs from ${file.name}.`,
    });
  };

  const remove = async (id: string, title: string) => {
    const deleted = await deleteDocument(studio, id);
    if (!deleted) return;
    if (selectedDocumentId === id) selectDocument(null);
    selection.forget([id]);
    pushToast({
      tone: "info",
      message: `Deleted “${title}”.`,
      action: {
        label: "Undo",
        run: () =>
          attempt(
            () => restoreDocument(studio, deleted).then(() => selectDocument(id)),
            "Undo failed",
          ),
      },
    });
  };

  return (
    <aside
      aria-label="Documents"
      className="flex w-72 shrink-0 flex-col border-r border-neutral-200 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center gap-2 p-3">
        <h2 className="text-sm font-semibold">Documents</h2>
        <span className="text-xs text-neutral-500">{(ids?.length ?? 0).toLocaleString()}</span>
        <div className="flex w-full gap-1">
          <Button size="sm" onClick={() => setPasteOpen(true)}>
            New
          </Button>
          <Button size="sm" onClick={() => fileInput.current?.click()} title="Upload files">
            Upload
          </Button>
          <Button
            size="sm"
            onClick={() => folderInput.current?.click()}
            title="Upload every file in a folder"
          >
            Folder
          </Button>
          <Button
            size="sm"
            onClick={() => importInput.current?.click()}
            title="Import collections.jsonl written by the ipt command"
          >
            Import
          </Button>
          <input
            ref={importInput}
            type="file"
            accept=".jsonl,application/jsonl"
            aria-label="Import collections JSONL from the ipt command"
            className="hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) attempt(() => importCollections(file), "Import failed");
            }}
          />
          <FileUploadInput projectId={projectId} inputRef={fileInput} label="Upload files" />
          <FolderUploadInput projectId={projectId} inputRef={folderInput} label="Upload folder" />
        </div>
      </div>
      <div className="px-3 pb-2">
        <input
          id="document-filter"
          type="search"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Filter documents  ( / )"
          aria-label="Filter documents"
          className="w-full rounded-md border border-neutral-300 bg-transparent px-2 py-1 text-sm dark:border-neutral-700"
        />
      </div>
      {visible.length > 0 && (
        <div className="flex items-center gap-2 px-3 pb-2 text-xs text-neutral-600 dark:text-neutral-400">
          <button
            type="button"
            className="underline"
            onClick={() => selection.setMany(projectId, visible, true)}
          >
            {matches
              ? `Select all ${visible.length.toLocaleString()} matching`
              : `Select all ${visible.length.toLocaleString()}`}
          </button>
          {ticked && ticked.size > 0 && (
            <>
              <span data-testid="selected-count">{ticked.size.toLocaleString()} selected</span>
              <button type="button" className="ml-auto underline" onClick={selection.clear}>
                Clear selection
              </button>
            </>
          )}
        </div>
      )}
      <div ref={scroller} className="flex-1 overflow-y-auto px-2 pb-3">
        {ids && ids.length === 0 ? (
          <p className="p-3 text-xs text-neutral-500">
            No documents yet. Paste text, upload files or a folder, or drop them here.
          </p>
        ) : matches && visible.length === 0 ? (
          <p className="p-3 text-xs text-neutral-500">No document title contains “{filter}”.</p>
        ) : (
          <ul className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {rows.map((row) => {
              const id = visible[row.index] ?? "";
              const item = items?.get(id);
              const placement = {
                index: row.index,
                top: row.start,
                measure: virtualizer.measureElement,
              };
              return item ? (
                <DocumentItem
                  key={row.key}
                  item={item}
                  {...placement}
                  selected={id === selectedDocumentId}
                  onSelect={() => selectDocument(id)}
                  checked={ticked?.has(id) ?? false}
                  onCheck={(range) =>
                    range
                      ? selection.toggleRange(projectId, visible, id)
                      : selection.toggle(projectId, id)
                  }
                  onRename={(t) => attempt(() => renameDocument(studio, id, t), "Rename failed")}
                  onDelete={() => attempt(() => remove(id, item.title), "Delete failed")}
                />
              ) : (
                <DocumentItemPlaceholder key={row.key} {...placement} />
              );
            })}
          </ul>
        )}
      </div>
    </aside>
  );
}
