/**
 * Why a file, or a record in it, did not become a document: one sentence a person can act on,
 * starting with the file's name. The worker writes them and the import report shows them.
 */
import { MAX_DOCUMENT_BYTES } from "../document-text";
import { FORMAT_LABELS, extensionOf, type IngestFormat } from "./formats";

const MB = 1024 * 1024;
const READS = ".txt, .md, .html, .pdf, .docx, .json, .jsonl, .csv and .tsv";
const mb = (bytes: number) => (bytes / MB).toFixed(1);

export const reasons = {
  hidden: (name: string) => `${name} is a hidden or system file; hidden files are left out.`,
  unsupported: (name: string) => {
    const ext = extensionOf(name);
    return `${name}: ${ext ? `.${ext} files are` : "files without an extension are"} not supported. The studio reads ${READS}.`;
  },
  unsupportedBinary: (name: string) =>
    `${name} looks like a binary file, not a format the studio reads (${READS}).`,
  tooLarge: (name: string, size: number, limit: number, format: IngestFormat) =>
    `${name} is ${mb(size)} MB; the limit is ${limit / MB} MB for ${FORMAT_LABELS[format]} files. Split it into smaller files.`,
  binary: (name: string) => `${name} looks like a binary file, not text.`,
  invalidUtf8: (name: string) =>
    `${name} is not valid UTF-8 text. Re-save it as UTF-8 and import it again.`,
  invalidUtf8After: (name: string, where: string) =>
    `${name} is not valid UTF-8 text after ${where}. Re-save it as UTF-8 and import it again.`,
  empty: (name: string) => `${name} is empty (or only whitespace).`,
  documentTooLarge: (name: string) =>
    `${name} holds more than ${MAX_DOCUMENT_BYTES / MB} MB of text, the limit for one document. Split it into smaller files.`,
  corruptPdf: (name: string) => `${name} is not a readable PDF: the file is corrupt or truncated.`,
  passwordPdf: (name: string) =>
    `${name} is password-protected. Remove the password and import it again.`,
  noTextPdf: (name: string) =>
    `${name} has no text layer (a scanned PDF?). Run it through OCR first, then import it.`,
  corruptDocx: (name: string) =>
    `${name} is not a readable Word document (.docx): the file is corrupt, or an old .doc renamed.`,
  invalidJson: (name: string) =>
    `${name} is not valid JSON. For one record per line, name the file .jsonl.`,
  noRecords: (name: string) =>
    `${name} holds no list of records: use an array of objects, or an object with such an array.`,
  noHeader: (name: string) => `${name} has no header row, so no column can be picked.`,
  noColumn: (name: string, column: string) => `${name} has no column "${column}".`,
  noField: (name: string) => `${name}: pick the field that holds the text.`,
  noUsableRecords: (name: string, first: string) => `${name} has no usable records: ${first}.`,
  noDocuments: (name: string) => `${name} gave no documents.`,
  unreadable: (name: string, detail: string) => `${name} could not be read: ${detail}`,
} as const;

/** A file that cannot be read; its message is the reason the report shows. */
export class FileProblem extends Error {}
