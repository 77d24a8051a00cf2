/** Saves text as a file through the browser's download mechanism. */
export function downloadText(filename: string, text: string, mime = "application/jsonl"): void {
  downloadBlob(filename, new Blob([text], { type: mime }));
}

/** Saves a Blob (a worker's export, a zip) as a file. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  // Revoke later: some browsers start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
