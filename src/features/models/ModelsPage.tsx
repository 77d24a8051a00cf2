import { RemoteServerForm } from "./RemoteServerForm";

export function ModelsPage() {
  return (
    <main className="flex-1 overflow-y-auto p-6">
      <section aria-label="Remote server" className="max-w-xl">
        <h2 className="mb-3 text-lg font-semibold">OpenAI-compatible server</h2>
        <RemoteServerForm />
      </section>
    </main>
  );
}
