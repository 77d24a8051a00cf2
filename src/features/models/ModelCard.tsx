import { Button } from "../../components/Button";
import type { CatalogModel } from "../../engine/webllm/catalog";
import { ModelUrlSettings } from "./ModelUrlSettings";

export interface ModelCardProps {
  model: CatalogModel;
  recommended: boolean;
  /** undefined while checking the cache. */
  cached: boolean | undefined;
  loaded: boolean;
  busy: boolean;
  onLoad: () => void;
  onDelete: () => void;
  onSaveUrls: (patch: { weightsUrl: string; libUrl: string; requiredFeatures?: string[] }) => void;
}

const kindBadge: Record<CatalogModel["kind"], string> = {
  synthesizer: "synthesizer",
  approximation: "approximation",
  custom: "custom",
};

export function ModelCard(props: ModelCardProps) {
  const { model, cached } = props;
  const missing =
    model.weightsUrl === ""
      ? "Set the weights URL first."
      : model.libUrl === ""
        ? "Set the library URL first."
        : null;
  const size = [
    model.downloadMB ? `~${(model.downloadMB / 1000).toFixed(1)} GB download` : null,
    model.vramMB ? `~${(model.vramMB / 1024).toFixed(1)} GB VRAM` : null,
    model.requiredFeatures.length ? `needs ${model.requiredFeatures.join(", ")}` : "no f16 needed",
  ].filter(Boolean);
  return (
    <li
      aria-label={model.label}
      className="rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-medium">{model.label}</h3>
        <span className="rounded bg-neutral-100 px-1.5 text-[11px] dark:bg-neutral-800">
          {kindBadge[model.kind]}
        </span>
        {props.recommended && (
          <span className="rounded bg-indigo-100 px-1.5 text-[11px] text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200">
            recommended here
          </span>
        )}
        {props.loaded && (
          <span className="rounded bg-emerald-100 px-1.5 text-[11px] text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
            loaded
          </span>
        )}
        <span className="ml-auto text-xs text-neutral-500">
          {cached === undefined
            ? "checking cache…"
            : cached
              ? "cached in this browser"
              : "not downloaded"}
        </span>
      </div>
      <p className="mt-1 text-xs text-neutral-600 dark:text-neutral-400">{model.description}</p>
      <p className="mt-1 text-xs text-neutral-500">{size.join(" · ")}</p>
      {model.userConfigurable && <ModelUrlSettings model={model} onSave={props.onSaveUrls} />}
      <div className="mt-3 flex items-center gap-2">
        <Button
          size="sm"
          variant="primary"
          disabled={props.busy || missing !== null}
          onClick={props.onLoad}
          aria-label={`Load ${model.label}`}
        >
          Load
        </Button>
        {cached && (
          <Button
            size="sm"
            variant="ghost"
            onClick={props.onDelete}
            aria-label={`Delete ${model.label} from cache`}
          >
            Delete from cache
          </Button>
        )}
        {missing && <span className="text-xs text-neutral-500">{missing}</span>}
      </div>
    </li>
  );
}
