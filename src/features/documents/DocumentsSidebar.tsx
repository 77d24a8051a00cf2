import { useRef, useState } from "react";
import { Button } from "../../components/Button";
import { deleteDocument, renameDocument, restoreDocument } from "../../db";
import { studio } from "../../db/studio";
import { attempt, useUi } from "../../stores/ui-store";
import { FileUploadInput, uploadFiles } from "./FileUploadInput";
import { importCollectionsFile } from "./import-collections";
import { DocumentItem } from "./DocumentItem";
import { useDocumentList } from "./use-document-list";

/** The documents column: add by paste or upload, filter, select, rename, delete with undo. */
export function DocumentsSidebar({ projectId }: { projectId: string }) {
  const docs = useDocumentList(projectId);
  const { selectedDocumentId, selectDocument, setPasteOpen, pushToast } = useUi();
  const [filter, setFilter] = useState("");
  const fileInput = useRef<HTMLInputElement>(null);
  const importInput = useRef<HTMLInputElement>(null);

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
      message: `Imported ${outcome.documents.length} document(s) with their pairs from ${file.name}.`,
    });
  };

  const remove = async (id: string, title: string) => {
    const deleted = await deleteDocument(studio, id);
    if (!deleted) return;
    if (selectedDocumentId === id) selectDocument(null);
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

  const visible = (docs ?? []).filter((d) => d.title.toLowerCase().includes(filter.toLowerCase()));

  return (
    <aside
      aria-label="Documents"
      className="flex w-72 shrink-0 flex-col border-r border-neutral-200 dark:border-neutral-800"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        attempt(() => uploadFiles(projectId, [...e.dataTransfer.files]), "Upload failed");
      }}
    >
      <div className="flex flex-wrap items-center gap-2 p-3">
        <h2 className="text-sm font-semibold">Documents</h2>
        <span className="text-xs text-neutral-500">{docs?.length ?? 0}</span>
        <div className="flex w-full gap-1">
          <Button size="sm" onClick={() => setPasteOpen(true)}>
            New
          </Button>
          <Button size="sm" onClick={() => fileInput.current?.click()}>
            Upload
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
          <FileUploadInput
            projectId={projectId}
            inputRef={fileInput}
            label="Upload .txt or .md files"
          />
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
      <ul className="flex-1 space-y-1 overflow-y-auto px-2 pb-3">
        {visible.map((d) => (
          <DocumentItem
            key={d.id}
            item={d}
            selected={d.id === selectedDocumentId}
            onSelect={() => selectDocument(d.id)}
            onRename={(t) => attempt(() => renameDocument(studio, d.id, t), "Rename failed")}
            onDelete={() => attempt(() => remove(d.id, d.title), "Delete failed")}
          />
        ))}
        {docs && docs.length === 0 && (
          <li className="p-3 text-xs text-neutral-500">
            No documents yet. Paste text, upload .txt/.md files, or drop them here.
          </li>
        )}
      </ul>
    </aside>
  );
}
