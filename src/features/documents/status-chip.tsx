import type { DocumentListItem } from "./use-document-list";

const chip: Record<DocumentListItem["status"], { label: string; cls: string }> = {
  pending: {
    label: "pending",
    cls: "bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300",
  },
  running: {
    label: "synthesizing",
    cls: "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200",
  },
  done: {
    label: "done",
    cls: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200",
  },
  incomplete: {
    label: "incomplete",
    cls: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  },
  failed: { label: "failed", cls: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200" },
};

export function StatusChip({ status }: { status: DocumentListItem["status"] }) {
  const c = chip[status];
  return (
    <span className={`rounded px-1.5 py-0.5 text-[11px] font-medium ${c.cls}`}>{c.label}</span>
  );
}
