/**
 * Files out of a file picker or a drop, with their paths inside dropped folders. Folders are
 * walked through the entries API (webkitGetAsEntry), which every current browser has.
 */

export interface PickedFile {
  file: File;
  /** "folder/sub/name.md" for a file from a folder, else the file's name. */
  path: string;
}

/** A drop of a whole disk should not freeze the tab listing files: stop at this many. */
export const MAX_FILES = 10_000;

/** Files from an <input type="file">, with folder paths when it is a folder picker. */
export function pickedFiles(list: FileList | null): PickedFile[] {
  return [...(list ?? [])]
    .slice(0, MAX_FILES)
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}

/** True when a drag carries files (not text or a link). */
export const dragHasFiles = (dt: DataTransfer | null): boolean =>
  dt !== null && [...dt.types].includes("Files");

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

/** All entries of a folder: readEntries answers in batches until it answers with none. */
async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  const path = entry.fullPath.replace(/^\//, "") || entry.name;
  if (entry.isFile) {
    out.push({ file: await fileOf(entry as FileSystemFileEntry), path });
  } else if (entry.isDirectory) {
    // Folders are listed in name order, so the report reads like the folder.
    const children = await entriesOf(entry as FileSystemDirectoryEntry);
    children.sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) await walk(child, out);
  }
}

/**
 * The files of a drop, folders walked. The entries are taken before the first `await`: a
 * DataTransfer is emptied once its event handler returns.
 */
export function droppedFiles(dt: DataTransfer): Promise<PickedFile[]> {
  const taken = [...dt.items]
    .filter((item) => item.kind === "file")
    .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
  // Some drops (synthetic ones, or from other apps) carry files without entries.
  const fallback = taken.length === 0 ? [...dt.files] : [];
  return (async () => {
    const out: PickedFile[] = fallback.map((file) => ({ file, path: file.name }));
    for (const { entry, file } of taken) {
      if (out.length >= MAX_FILES) break;
      if (entry) await walk(entry, out);
      else if (file) out.push({ file, path: file.name });
    }
    return out.slice(0, MAX_FILES);
  })();
}
