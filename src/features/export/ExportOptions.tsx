import { Button } from "../../components/Button";
import type { TemplatePack } from "../../core/cook/template-pack";
import { PAPER_FROM_SCRATCH_RAW_RATIO, TARGETS, type ExportSettings } from "./export-settings";

export interface ExportOptionsProps {
  settings: ExportSettings;
  packs: TemplatePack[];
  onChange: (patch: Partial<ExportSettings>) => void;
  onImportPack: (file: File) => void;
  onImportGeneral: (file: File) => void;
  onLoadTokenizer: (file: File) => void;
}

const field =
  "rounded-md border border-neutral-300 bg-transparent px-2 py-1 text-sm dark:border-neutral-700";

function FilePick({
  label,
  accept,
  onFile,
}: {
  label: string;
  accept: string;
  onFile: (f: File) => void;
}) {
  return (
    <label className="inline-flex cursor-pointer items-center rounded-md border border-neutral-300 px-2 py-1 text-xs font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800">
      {label}
      <input
        type="file"
        accept={accept}
        className="sr-only"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) onFile(f);
        }}
      />
    </label>
  );
}

/** The Export page's choices: format, pairs, seed, template pack, raw share and general mix. */
export function ExportOptions({ settings: s, packs, onChange, ...on }: ExportOptionsProps) {
  const cooking = s.target === "pretraining" || s.target === "hub";
  return (
    <section
      aria-label="Export options"
      className="flex flex-col gap-4 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1 text-sm font-semibold">Format</legend>
        {TARGETS.map((t) => (
          <label key={t.value} className="flex items-baseline gap-2 text-sm">
            <input
              type="radio"
              name="target"
              checked={s.target === t.value}
              onChange={() => onChange({ target: t.value })}
            />
            <span>{t.label}</span>
            <span className="text-xs text-neutral-500">{t.hint}</span>
          </label>
        ))}
      </fieldset>
      {s.target !== "project" && (
        <label className="flex items-center gap-2 text-sm">
          Pairs
          <select
            className={field}
            value={s.filter}
            onChange={(e) => onChange({ filter: e.target.value as ExportSettings["filter"] })}
          >
            <option value="accepted">Accepted only</option>
            <option value="non-rejected">All but rejected (accepted and pending)</option>
          </select>
        </label>
      )}
      {(s.target === "messages" || s.target === "sharegpt") && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={s.questionOnly}
            onChange={(e) => onChange({ questionOnly: e.target.checked })}
          />
          User turn is the question alone (leave the document out)
        </label>
      )}
      {cooking && (
        <>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              Seed
              <input
                type="number"
                className={`${field} w-32`}
                value={s.seed}
                onChange={(e) => onChange({ seed: Math.trunc(Number(e.target.value)) || 0 })}
              />
            </label>
            <Button
              size="sm"
              onClick={() => onChange({ seed: Math.floor(Math.random() * 2 ** 31) })}
            >
              Reshuffle
            </Button>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              Template pack
              <select
                className={field}
                value={s.pack.name}
                onChange={(e) =>
                  onChange({ pack: packs.find((p) => p.name === e.target.value) ?? s.pack })
                }
              >
                {packs.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name} (v{p.version}, {p.qa.length} Q/A patterns)
                  </option>
                ))}
              </select>
            </label>
            <FilePick
              label="Import pack…"
              accept=".json,application/json"
              onFile={on.onImportPack}
            />
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label className="flex items-center gap-2">
              Raw documents share
              <input
                type="number"
                min={0}
                max={1}
                step={0.05}
                className={`${field} w-24`}
                value={s.rawRatio}
                onChange={(e) =>
                  onChange({ rawRatio: Math.min(1, Math.max(0, Number(e.target.value) || 0)) })
                }
              />
            </label>
            <Button size="sm" onClick={() => onChange({ rawRatio: PAPER_FROM_SCRATCH_RAW_RATIO })}>
              Paper&apos;s from-scratch mix (0.8)
            </Button>
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>General instructions</span>
            <FilePick
              label={s.general ? `${s.general.name} (${s.general.texts.length})` : "Import JSONL…"}
              accept=".jsonl,.json"
              onFile={on.onImportGeneral}
            />
            {s.general && (
              <label className="flex items-center gap-2">
                tokens per domain token
                <input
                  type="number"
                  min={0}
                  step={0.25}
                  className={`${field} w-20`}
                  value={s.generalRatio ?? ""}
                  placeholder="all"
                  onChange={(e) =>
                    onChange({
                      generalRatio:
                        e.target.value === "" ? null : Math.max(0, Number(e.target.value)),
                    })
                  }
                />
              </label>
            )}
            {s.general && (
              <Button size="sm" variant="ghost" onClick={() => onChange({ general: null })}>
                Remove
              </Button>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>Token counts</span>
            <FilePick
              label={
                s.tokenizer ? `exact: ${s.tokenizer.name}` : "Load tokenizer.json for exact counts…"
              }
              accept=".json"
              onFile={on.onLoadTokenizer}
            />
          </div>
        </>
      )}
      {s.target === "hub" && (
        <div className="grid grid-cols-3 gap-2 text-sm">
          <label className="flex flex-col gap-1">
            Dataset name
            <input
              className={field}
              value={s.hub.prettyName}
              onChange={(e) => onChange({ hub: { ...s.hub, prettyName: e.target.value } })}
            />
          </label>
          <label className="flex flex-col gap-1">
            License
            <input
              className={field}
              value={s.hub.license}
              onChange={(e) => onChange({ hub: { ...s.hub, license: e.target.value } })}
            />
          </label>
          <label className="flex flex-col gap-1">
            Language
            <input
              className={field}
              value={s.hub.language}
              onChange={(e) => onChange({ hub: { ...s.hub, language: e.target.value } })}
            />
          </label>
        </div>
      )}
    </section>
  );
}
