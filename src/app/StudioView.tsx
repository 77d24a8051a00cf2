import { useEffect, useRef } from "react";
import { EmptyState } from "../components/EmptyState";
import type { ProjectRow } from "../db";
import { studio } from "../db/studio";
import { useWatchedQuery } from "../lib/use-watched-query";
import { DocumentText } from "../features/curate/DocumentText";
import { PairsPanel } from "../features/curate/PairsPanel";
import { addSampleDocuments } from "../features/documents/add-documents";
import { FileUploadInput } from "../features/documents/FileUploadInput";
import { DocumentsSidebar } from "../features/documents/DocumentsSidebar";
import { useDocumentIds } from "../features/documents/use-document-list";
import { Welcome } from "../features/help/Welcome";
import { BatchPanel } from "../features/synthesize/BatchPanel";
import { SynthesizePanel } from "../features/synthesize/SynthesizePanel";
import { attempt, useUi } from "../stores/ui-store";

export function StudioView({ project }: { project: ProjectRow }) {
  // Ids only: reading every document's text here would re-read megabytes per imported batch.
  const docs = useDocumentIds(project.id);
  const { selectedDocumentId, selectDocument, setPasteOpen } = useUi();
  const doc = useWatchedQuery(
    () => studio.db.documents.get(selectedDocumentId ?? ""),
    selectedDocumentId,
    { db: studio.db.name, tables: ["documents"], keepPrevious: true },
  );
  const upload = useRef<HTMLInputElement>(null);

  // Keep a document selected whenever there is one.
  useEffect(() => {
    if (docs && docs.length > 0 && (!selectedDocumentId || !docs.includes(selectedDocumentId))) {
      selectDocument(docs[0] ?? null);
    }
  }, [docs, selectedDocumentId, selectDocument]);

  if (docs === undefined) return null;

  if (docs.length === 0) {
    return (
      <main className="flex-1 overflow-y-auto">
        <Welcome
          onSamples={() =>
            attempt(() => addSampleDocuments(project.id), "Could not add the samples")
          }
          onPaste={() => setPasteOpen(true)}
          onUpload={() => upload.current?.click()}
        />
        <FileUploadInput projectId={project.id} inputRef={upload} label="Upload files" />
      </main>
    );
  }

  return (
    <div className="flex min-h-0 flex-1">
      <DocumentsSidebar projectId={project.id} />
      <main className="flex min-w-0 flex-1 flex-col">
        <BatchPanel projectId={project.id} />
        {doc ? (
          <>
            <DocumentText doc={doc} />
            <SynthesizePanel doc={doc} />
          </>
        ) : (
          <EmptyState title="Select a document">
            <p>Pick a document on the left to read it and synthesize pairs.</p>
          </EmptyState>
        )}
      </main>
      {doc && <PairsPanel doc={doc} />}
    </div>
  );
}
