/** The project's pairs table (curation workbench). */
export function PairsPage({ projectId }: { projectId: string }) {
  return (
    <main className="p-8 text-sm text-neutral-500" data-project={projectId}>
      The pairs table is not built yet.
    </main>
  );
}
