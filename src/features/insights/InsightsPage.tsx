/** Charts of the project's pairs next to the paper's reference figures. */
export function InsightsPage({ projectId }: { projectId: string }) {
  return (
    <main className="p-8 text-sm text-neutral-500" data-project={projectId}>
      Insights are not built yet.
    </main>
  );
}
