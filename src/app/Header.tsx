import { Button } from "../components/Button";
import type { ProjectRow } from "../db";
import { preloadProject } from "../features/curate/table/pairs-sync";
import { ExportButton } from "../features/export/ExportButton";
import { useUi, type Theme } from "../stores/ui-store";
import { EngineBadge } from "./EngineBadge";
import { ProjectSwitcher } from "./ProjectSwitcher";
import { QualityStatus } from "./QualityStatus";

const nextTheme: Record<Theme, Theme> = { system: "dark", dark: "light", light: "system" };

export function Header({ project }: { project: ProjectRow }) {
  const { view, setView, theme, setTheme, setShortcutsOpen } = useUi();
  const tab = (v: typeof view, label: string) => (
    <button
      type="button"
      aria-current={view === v ? "page" : undefined}
      // The Pairs page's pairs start loading as the button goes down, before the page renders.
      onPointerDown={v === "pairs" ? () => preloadProject(project.id) : undefined}
      onClick={() => setView(v)}
      className={`rounded-md px-2.5 py-1 text-sm ${view === v ? "bg-neutral-200 font-medium dark:bg-neutral-800" : "hover:bg-neutral-100 dark:hover:bg-neutral-800/60"}`}
    >
      {label}
    </button>
  );
  return (
    <header className="flex items-center gap-3 border-b border-neutral-200 px-4 py-2 dark:border-neutral-800">
      <span className="font-semibold tracking-tight">IPT Studio</span>
      <ProjectSwitcher project={project} />
      <nav aria-label="Pages" className="ml-4 flex gap-1">
        {tab("studio", "Studio")}
        {tab("pairs", "Pairs")}
        {tab("insights", "Insights")}
        {tab("models", "Models")}
        {tab("export", "Export")}
      </nav>
      <div className="ml-auto flex items-center gap-2">
        <QualityStatus />
        <EngineBadge />
        <ExportButton projectId={project.id} projectName={project.name} />
        <Button
          variant="ghost"
          aria-label={`Theme: ${theme}. Switch to ${nextTheme[theme]}`}
          onClick={() => setTheme(nextTheme[theme])}
        >
          {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"}
        </Button>
        <Button
          variant="ghost"
          aria-label="Keyboard shortcuts"
          onClick={() => setShortcutsOpen(true)}
        >
          ?
        </Button>
      </div>
    </header>
  );
}
