import { useEffect, useState } from "react";
import { Button } from "../../components/Button";
import { ErrorCallout } from "../../components/ErrorCallout";
import { listModels } from "../../engine/openai/list-models";
import { attempt } from "../../stores/ui-store";
import {
  DEFAULT_REMOTE,
  connectRemote,
  loadRemoteSettings,
  type RemoteServerSettings,
} from "./remote-server";

const field =
  "rounded-md border border-neutral-300 bg-transparent px-2 py-1.5 text-sm dark:border-neutral-700";

/** Connects an OpenAI-compatible server (vLLM, llama.cpp server, Ollama). */
export function RemoteServerForm() {
  const [s, setS] = useState<RemoteServerSettings>(DEFAULT_REMOTE);
  const [apiKey, setApiKey] = useState("");
  const [check, setCheck] = useState<
    { ok: true; models: string[] } | { ok: false; message: string; detail: string } | null
  >(null);

  useEffect(() => {
    let live = true;
    void loadRemoteSettings().then((loaded) => {
      if (!live) return;
      setS(loaded);
      setApiKey(loaded.apiKey ?? "");
    });
    return () => {
      live = false;
    };
  }, []);

  const test = async () => {
    try {
      setCheck({ ok: true, models: await listModels(s.baseUrl, apiKey || undefined) });
    } catch (err) {
      const e = err as { message?: string; detail?: string };
      setCheck({ ok: false, message: e.message ?? String(err), detail: e.detail ?? "" });
    }
  };

  return (
    <form
      aria-label="OpenAI-compatible server"
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        attempt(() => connectRemote(s, apiKey), "Could not connect");
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Base URL
        <input
          className={field}
          value={s.baseUrl}
          onChange={(e) => setS({ ...s, baseUrl: e.target.value })}
          placeholder="http://localhost:8000/v1"
          required
          type="url"
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Model name
        <input
          className={field}
          value={s.model}
          onChange={(e) => setS({ ...s, model: e.target.value })}
          required
        />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        API key (optional)
        <input
          className={field}
          value={apiKey}
          onChange={(e) => setApiKey(e.target.value)}
          type="password"
          autoComplete="off"
        />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={s.rememberKey}
          onChange={(e) => setS({ ...s, rememberKey: e.target.checked })}
        />
        Remember the API key in this browser
      </label>
      <p className="text-xs text-neutral-500">
        The key is kept in memory only unless you tick the box; then it is stored in this
        browser&apos;s IndexedDB. It is never written into exports.
      </p>
      <div className="flex gap-2">
        <Button type="submit" variant="primary">
          Use this server
        </Button>
        <Button onClick={() => void test()}>Test connection</Button>
      </div>
      {check?.ok && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          Connected. The server offers: {check.models.join(", ") || "(no models listed)"}
          {check.models.length > 0 &&
            !check.models.includes(s.model) &&
            ` — note: "${s.model}" is not among them.`}
        </p>
      )}
      {check && !check.ok && (
        <ErrorCallout title="Connection failed" message={check.message} detail={check.detail} />
      )}
    </form>
  );
}
