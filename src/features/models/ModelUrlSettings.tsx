import { useState } from "react";
import { Button } from "../../components/Button";
import type { CatalogModel } from "../../engine/webllm/catalog";

export interface ModelUrlSettingsProps {
  model: CatalogModel;
  onSave: (patch: { weightsUrl: string; libUrl: string; requiredFeatures?: string[] }) => void;
}

const field =
  "w-full rounded-md border border-neutral-300 bg-transparent px-2 py-1 font-mono text-xs dark:border-neutral-700";

/** The URLs a user supplies for their own MLC build (the synthesizer and custom models). */
export function ModelUrlSettings({ model, onSave }: ModelUrlSettingsProps) {
  const [weightsUrl, setWeightsUrl] = useState(model.weightsUrl);
  const [libUrl, setLibUrl] = useState(model.libUrl);
  const [f16, setF16] = useState(model.requiredFeatures.includes("shader-f16"));
  return (
    <form
      aria-label={`${model.label} URLs`}
      className="mt-3 flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({
          weightsUrl,
          libUrl,
          ...(model.kind === "custom" ? { requiredFeatures: f16 ? ["shader-f16"] : [] } : {}),
        });
      }}
    >
      <label className="text-xs">
        Weights URL (folder with mlc-chat-config.json, containing /resolve/&lt;revision&gt;/)
        <input
          className={field}
          value={weightsUrl}
          onChange={(e) => setWeightsUrl(e.target.value)}
          placeholder="https://huggingface.co/you/instruction-synthesizer-q4f16_1-MLC/resolve/main/"
        />
      </label>
      <label className="text-xs">
        Model library URL (.wasm compiled for WebLLM 0.2.86)
        <input className={field} value={libUrl} onChange={(e) => setLibUrl(e.target.value)} />
      </label>
      {model.kind === "custom" && (
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" checked={f16} onChange={(e) => setF16(e.target.checked)} />
          Requires shader-f16 (q4f16 quantizations)
        </label>
      )}
      <div>
        <Button size="sm" type="submit">
          Save URLs
        </Button>
      </div>
    </form>
  );
}
