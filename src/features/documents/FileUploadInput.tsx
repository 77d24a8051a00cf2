import type { RefObject } from "react";
import { attempt, useUi } from "../../stores/ui-store";
import { addFiles } from "./add-documents";

export interface FileUploadInputProps {
  projectId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
}

/** Adds the files it is given, reports each refused one, and selects the first new document. */
export async function uploadFiles(projectId: string, files: File[]): Promise<void> {
  const { pushToast, selectDocument } = useUi.getState();
  const outcome = await addFiles(projectId, files);
  for (const s of outcome.skipped) pushToast({ tone: "error", message: s.reason });
  if (!outcome.ok) return;
  const first = outcome.documents[0];
  if (first) selectDocument(first.id);
  pushToast({ tone: "success", message: `Added ${outcome.documents.length} document(s).` });
}

/** A hidden file picker for .txt/.md files; a button elsewhere opens it through `inputRef`. */
export function FileUploadInput({ projectId, inputRef, label }: FileUploadInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      multiple
      accept=".txt,.md,.markdown,text/plain,text/markdown"
      aria-label={label}
      className="hidden"
      onChange={(e) => {
        const files = [...(e.target.files ?? [])];
        e.target.value = "";
        attempt(() => uploadFiles(projectId, files), "Upload failed");
      }}
    />
  );
}
