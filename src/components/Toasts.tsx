/** What a toast shows; the UI store's toasts have this shape. */
export interface Toast {
  id: number;
  tone: "info" | "error" | "success";
  message: string;
  detail?: string;
  action?: { label: string; run: () => void };
}

export interface ToastsProps {
  toasts: Toast[];
  onDismiss: (id: number) => void;
}

const tones: Record<Toast["tone"], string> = {
  info: "border-neutral-300 bg-white dark:border-neutral-700 dark:bg-neutral-900",
  success: "border-emerald-400 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950",
  error: "border-red-400 bg-red-50 dark:border-red-800 dark:bg-red-950",
};

export function Toasts({ toasts, onDismiss }: ToastsProps) {
  return (
    <div
      aria-live="polite"
      className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-96 flex-col gap-2"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className={`pointer-events-auto rounded-md border p-3 text-sm shadow-md ${tones[t.tone]}`}
        >
          <p>{t.message}</p>
          {t.detail && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs">Details</summary>
              <pre className="mt-1 whitespace-pre-wrap font-mono text-xs">{t.detail}</pre>
            </details>
          )}
          <div className="mt-2 flex gap-3 text-xs font-medium">
            {t.action && (
              <button
                type="button"
                className="text-indigo-700 underline dark:text-indigo-300"
                onClick={() => {
                  t.action?.run();
                  onDismiss(t.id);
                }}
              >
                {t.action.label}
              </button>
            )}
            <button
              type="button"
              className="text-neutral-600 dark:text-neutral-300"
              onClick={() => onDismiss(t.id)}
            >
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
