import type { DbContext } from "./context";
import type { ProjectRow } from "./schema";
import { guardWrite } from "./storage-error";

const DEFAULT_PROJECT_NAME = "My first project";

/** Returns the oldest project, creating one the first time the studio opens. */
export async function ensureDefaultProject(ctx: DbContext): Promise<ProjectRow> {
  const { db } = ctx;
  return guardWrite(() =>
    db.transaction("rw", db.projects, async () => {
      const first = await db.projects.orderBy("createdAt").first();
      if (first) return first;
      const t = ctx.now();
      const row: ProjectRow = {
        id: ctx.newId(),
        name: DEFAULT_PROJECT_NAME,
        createdAt: t,
        updatedAt: t,
      };
      await db.projects.add(row);
      return row;
    }),
  );
}

export async function createProject(ctx: DbContext, name: string): Promise<ProjectRow> {
  const t = ctx.now();
  const row: ProjectRow = {
    id: ctx.newId(),
    name: name.trim() || "Untitled project",
    createdAt: t,
    updatedAt: t,
  };
  await guardWrite(() => ctx.db.projects.add(row));
  return row;
}

export async function renameProject(ctx: DbContext, id: string, name: string): Promise<void> {
  const trimmed = name.trim();
  if (trimmed === "") return;
  await guardWrite(() => ctx.db.projects.update(id, { name: trimmed, updatedAt: ctx.now() }));
}
