import { Button } from "../../components/Button";
import { CURRENT_PROJECT_KEY, createBackup, restoreBackup, setSetting } from "../../db";
import { studio } from "../../db/studio";
import { APP_VERSION } from "../../lib/app-version";
import { backupFileName, backupToBlob, readBackupFile } from "../../lib/backup-file";
import { downloadBlob } from "../../lib/download";
import { attempt, useUi } from "../../stores/ui-store";
import { plural } from "../../core/plural";

/** Workspace backup (one file, no API keys) and restore as a new project or into this one. */
export function BackupPanel({
  projectId,
  projectName,
}: {
  projectId: string;
  projectName: string;
}) {
  const { pushToast, setProject, selectDocument } = useUi();

  const restore = async (file: File, mode: "new-project" | "merge") => {
    const read = await readBackupFile(file);
    if (!read.ok) {
      // The message names the file already.
      pushToast({ tone: "error", message: `${read.message} Nothing was changed.` });
      return;
    }
    const summary = await restoreBackup(
      studio,
      read.json,
      mode === "merge" ? { kind: "merge", projectId } : { kind: "new-project" },
    );
    if (mode === "new-project") {
      await setSetting(studio, CURRENT_PROJECT_KEY, summary.projectId);
      setProject(summary.projectId);
      selectDocument(null);
    }
    pushToast({
      tone: "success",
      message: `Restored ${plural(summary.documents, "document")} and ${plural(summary.pairs, "pair")}${summary.skippedDocuments ? ` (${summary.skippedDocuments} already here, skipped)` : ""}.`,
    });
  };

  const picker = (mode: "new-project" | "merge", label: string) => (
    <label className="inline-flex cursor-pointer items-center rounded-md border border-neutral-300 px-3 py-1.5 text-sm font-medium hover:bg-neutral-100 dark:border-neutral-700 dark:hover:bg-neutral-800">
      {label}
      <input
        type="file"
        accept=".gz,.json,application/gzip,application/json"
        className="sr-only"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) attempt(() => restore(f, mode), "Restore failed");
        }}
      />
    </label>
  );

  return (
    <section
      aria-label="Workspace backup"
      className="flex flex-col gap-2 rounded-lg border border-neutral-200 p-4 dark:border-neutral-800"
    >
      <h2 className="text-sm font-semibold">Workspace backup</h2>
      <p className="text-xs text-neutral-500">
        One file with this project&apos;s documents, results, pairs (statuses and edits) and
        settings. API keys are never included.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          onClick={() =>
            attempt(async () => {
              const backup = await createBackup(studio, projectId, {
                name: "IPT Studio",
                version: APP_VERSION,
              });
              downloadBlob(backupFileName(projectName, backup.exportedAt), backupToBlob(backup));
            }, "Backup failed")
          }
        >
          Download backup
        </Button>
        {picker("new-project", "Restore as a new project…")}
        {picker("merge", "Restore into this project…")}
      </div>
    </section>
  );
}
