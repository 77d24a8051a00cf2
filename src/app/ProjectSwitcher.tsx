import { CURRENT_PROJECT_KEY, createProject, setSetting, type ProjectRow } from "../db";
import { studio } from "../db/studio";
import { useWatchedQuery } from "../lib/use-watched-query";
import { attempt, useUi } from "../stores/ui-store";

const NEW = "__new__";

/** Switch between projects, or start a new one; the choice is remembered across reloads. */
export function ProjectSwitcher({ project }: { project: ProjectRow }) {
  const projects = useWatchedQuery(() => studio.db.projects.orderBy("createdAt").toArray(), "all", {
    db: studio.db.name,
    tables: ["projects"],
    keepPrevious: true,
  });
  const open = (id: string) =>
    attempt(async () => {
      await setSetting(studio, CURRENT_PROJECT_KEY, id);
      const ui = useUi.getState();
      ui.setProject(id);
      ui.selectDocument(null);
    }, "Could not open the project");
  return (
    <select
      aria-label="Project"
      value={project.id}
      onChange={(e) => {
        if (e.target.value !== NEW) return open(e.target.value);
        const name = window.prompt("Name of the new project", "New project");
        if (name !== null)
          attempt(
            async () => open((await createProject(studio, name)).id),
            "Could not create the project",
          );
      }}
      className="max-w-48 truncate rounded-md border border-transparent bg-transparent px-1 py-0.5 text-sm text-neutral-600 hover:border-neutral-300 dark:text-neutral-300 dark:hover:border-neutral-700"
    >
      {(projects ?? [project]).map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
      <option value={NEW}>+ New project…</option>
    </select>
  );
}
