import type { DocumentRow } from "../../db";

/** The document as plain text (never HTML), with its size. */
export function DocumentText({ doc }: { doc: DocumentRow }) {
  const words = doc.text.trim().split(/\s+/).length;
  return (
    <article aria-label="Document text" className="flex-1 overflow-y-auto p-6">
      <h1 className="text-xl font-semibold">{doc.title}</h1>
      <p className="mt-1 text-xs text-neutral-500">
        {doc.text.length.toLocaleString()} characters · {words.toLocaleString()} words ·{" "}
        {doc.source.kind === "file" ? `from ${doc.source.name ?? "a file"}` : doc.source.kind}
      </p>
      <div className="mt-4 max-w-3xl whitespace-pre-wrap leading-relaxed text-neutral-800 dark:text-neutral-200">
        {doc.text}
      </div>
    </article>
  );
}
