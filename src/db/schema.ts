import { Dexie, type Table } from "dexie";
import type { DocumentRow, PairRow, ProjectRow, ResultRow, SettingRow } from "../core/rows";

export type {
  DocumentRow,
  DocumentSourceKind,
  PairRow,
  PairStatus,
  ProjectRow,
  ResultRow,
  ResultState,
  SettingRow,
} from "../core/rows";

export class StudioDB extends Dexie {
  projects!: Table<ProjectRow, string>;
  documents!: Table<DocumentRow, string>;
  results!: Table<ResultRow, string>;
  pairs!: Table<PairRow, string>;
  settings!: Table<SettingRow, string>;

  constructor(name = "ipt-studio") {
    super(name);
    // Version 1. Keep every version declared here forever; add new ones below it.
    this.version(1).stores({
      projects: "id, createdAt",
      documents: "id, projectId, [projectId+createdAt], contentHash",
      results: "id, projectId, documentId, state, [documentId+startedAt]",
      pairs: "id, projectId, documentId, resultId, [documentId+index], status",
      settings: "key",
    });
  }
}
