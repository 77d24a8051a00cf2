import type { RefObject } from "react";
import { SUPPORTED_EXTENSIONS } from "../../core/ingest/formats";
import { pickedFiles } from "./ingest/collect-files";
import { IngestHost } from "./ingest/IngestHost";
import { useIngest } from "./ingest/ingest-store";

export interface FileUploadInputProps {
  projectId: string;
  inputRef: RefObject<HTMLInputElement | null>;
  label: string;
}

const ACCEPT = SUPPORTED_EXTENSIONS.join(",");

/**
 * A hidden file picker (a button elsewhere opens it through `inputRef`). The files go to the
 * import dialog, which this also hosts with the page-wide drop target: every way of adding
 * files (picker, folder picker, drop) ends in the same dialog.
 */
export function FileUploadInput({ projectId, inputRef, label }: FileUploadInputProps) {
  return (
    <>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept={ACCEPT}
        aria-label={label}
        className="hidden"
        onChange={(e) => {
          const files = pickedFiles(e.target.files);
          e.target.value = "";
          if (files.length > 0) useIngest.getState().offer(projectId, files);
        }}
      />
      <IngestHost projectId={projectId} />
    </>
  );
}

/** A hidden folder picker: every file inside, subfolders included, goes to the import dialog. */
export function FolderUploadInput({ projectId, inputRef, label }: FileUploadInputProps) {
  return (
    <input
      ref={inputRef}
      type="file"
      // React does not know the attribute; the empty string switches it on.
      {...{ webkitdirectory: "" }}
      aria-label={label}
      className="hidden"
      onChange={(e) => {
        const files = pickedFiles(e.target.files);
        e.target.value = "";
        if (files.length > 0) useIngest.getState().offer(projectId, files);
      }}
    />
  );
}
