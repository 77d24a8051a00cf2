import type { ReactNode } from "react";

export interface ErrorCalloutProps {
  title: string;
  message: string;
  detail?: string;
  children?: ReactNode;
}

/** An error that says what happened and what to do, with the technical text behind a toggle. */
export function ErrorCallout({ title, message, detail, children }: ErrorCalloutProps) {
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{title}</p>
      <p className="mt-1">{message}</p>
      {detail && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs">Details</summary>
          <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap font-mono text-xs">
            {detail}
          </pre>
        </details>
      )}
      {children && <div className="mt-2 flex flex-wrap gap-2">{children}</div>}
    </div>
  );
}
