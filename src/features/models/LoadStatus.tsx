import { Button } from "../../components/Button";
import { ErrorCallout } from "../../components/ErrorCallout";
import { ProgressBar } from "../../components/ProgressBar";
import type { CatalogModel } from "../../engine/webllm/catalog";
import { useEngine } from "../../stores/engine-store";

export interface LoadStatusProps {
  catalog: CatalogModel[];
  onLoad: (model: CatalogModel) => void;
  onCancel: () => void;
}

function remaining(overall: number, elapsed: number): string {
  if (overall < 0.03 || elapsed < 2) return "estimating…";
  const left = (elapsed * (1 - overall)) / overall;
  return left < 60 ? `~${Math.ceil(left)} s left` : `~${Math.ceil(left / 60)} min left`;
}

/** The load in progress (one bar across WebLLM's phases) or the last load's failure. */
export function LoadStatus({ catalog, onLoad, onCancel }: LoadStatusProps) {
  const status = useEngine((s) => s.status);
  if (status.state === "loading") {
    const p = status.progress;
    return (
      <div className="flex items-end gap-3 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800">
        <ProgressBar
          value={p.overall}
          label={`Loading ${status.label}: ${p.label}`}
          detail={`${Math.round(p.overall * 100)}% · ${p.elapsedSeconds.toFixed(0)} s elapsed · ${remaining(p.overall, p.elapsedSeconds)}`}
        />
        <Button size="sm" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    );
  }
  if (status.state !== "error") return null;
  const { kind, message, detail } = status.error;
  const failed = catalog.find((m) => m.label === status.label);
  const f32 = failed?.f32VariantId ? catalog.find((m) => m.id === failed.f32VariantId) : undefined;
  return (
    <ErrorCallout title={`Could not load ${status.label}`} message={message} detail={detail}>
      {kind === "no-shader-f16" && f32 && (
        <Button size="sm" variant="primary" onClick={() => onLoad(f32)}>
          Load {f32.label} instead
        </Button>
      )}
      {(kind === "device-lost" || kind === "out-of-memory") && (
        <Button size="sm" onClick={() => window.location.reload()}>
          Reload the page
        </Button>
      )}
      {failed && kind !== "no-shader-f16" && kind !== "no-webgpu" && (
        <Button size="sm" onClick={() => onLoad(failed)}>
          Try again
        </Button>
      )}
    </ErrorCallout>
  );
}
