import { Button } from "../../components/Button";
import { useEngine } from "../../stores/engine-store";
import { attempt, useUi } from "../../stores/ui-store";
import { LoadStatus } from "./LoadStatus";
import { ModelCard } from "./ModelCard";
import { RemoteServerForm } from "./RemoteServerForm";
import { useModels } from "./use-models";
import { WebGPUPanel } from "./WebGPUPanel";
import {
  cancelWebLLMLoad,
  deleteModelFromCache,
  loadWebLLMModel,
  saveModelSettings,
  unloadWebLLM,
} from "./webllm-session";

/** The Models page: what this browser can run, the WebLLM catalog, and a remote server. */
export function ModelsPage() {
  const { report, catalog, cached, recommendedId, refresh } = useModels();
  const status = useEngine((s) => s.status);
  const pushToast = useUi((s) => s.pushToast);
  const webllmLoaded =
    status.state === "ready" && status.engine.id === "webllm" ? status.label : null;
  const load = (m: Parameters<typeof loadWebLLMModel>[0]) =>
    attempt(() => loadWebLLMModel(m).then(refresh));

  return (
    <main className="flex-1 overflow-y-auto p-6">
      <div className="mx-auto flex max-w-4xl flex-col gap-6">
        <WebGPUPanel report={report} />
        {report && !report.available && (
          <p className="text-sm">
            No WebGPU here, so models cannot run in this browser.{" "}
            <a className="text-indigo-700 underline dark:text-indigo-300" href="#remote-server">
              Use a remote server
            </a>{" "}
            below instead.
          </p>
        )}
        <section aria-label="In-browser models" className="flex flex-col gap-3">
          <div className="flex items-center gap-3">
            <h2 className="text-lg font-semibold">In-browser models (WebLLM)</h2>
            {webllmLoaded && (
              <Button size="sm" className="ml-auto" onClick={() => attempt(() => unloadWebLLM())}>
                Unload {webllmLoaded}
              </Button>
            )}
          </div>
          <LoadStatus catalog={catalog ?? []} onLoad={load} onCancel={cancelWebLLMLoad} />
          {catalog === null ? (
            <p className="text-sm text-neutral-500">Reading the model catalog…</p>
          ) : (
            <ul className="flex flex-col gap-3">
              {catalog.map((m) => (
                <ModelCard
                  key={m.id}
                  model={m}
                  recommended={m.id === recommendedId}
                  cached={cached[m.id]}
                  loaded={webllmLoaded === m.label}
                  busy={status.state === "loading"}
                  onLoad={() => load(m)}
                  onDelete={() =>
                    attempt(async () => {
                      await deleteModelFromCache(m);
                      pushToast({
                        tone: "success",
                        message: `Deleted ${m.label} from the browser cache.`,
                      });
                      refresh();
                    }, "Could not delete from the cache")
                  }
                  onSaveUrls={(patch) =>
                    attempt(async () => {
                      await saveModelSettings(m.id, patch);
                      pushToast({ tone: "success", message: `Saved the URLs for ${m.label}.` });
                      refresh();
                    }, "Could not save the URLs")
                  }
                />
              ))}
            </ul>
          )}
        </section>
        <section
          id="remote-server"
          aria-label="Remote server"
          className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
        >
          <h2 className="mb-1 text-lg font-semibold">OpenAI-compatible server</h2>
          <p className="mb-3 text-xs text-neutral-500">
            vLLM, llama.cpp server or Ollama serving the synthesizer. The server must allow this
            page&apos;s origin (CORS).
          </p>
          <RemoteServerForm />
        </section>
      </div>
    </main>
  );
}
