import { Button } from "../../components/Button";
import { attempt, useUi } from "../../stores/ui-store";
import { exportProject } from "./export-project";
import { plural } from "../../core/plural";

export function ExportButton({
  projectId,
  projectName,
}: {
  projectId: string;
  projectName: string;
}) {
  const pushToast = useUi((s) => s.pushToast);
  return (
    <Button
      onClick={() =>
        attempt(async () => {
          const { documents, pairs } = await exportProject(projectId, projectName);
          pushToast({
            tone: "success",
            message: `Exported ${plural(documents, "document")} with ${plural(pairs, "pair")} as JSONL.`,
          });
        }, "Export failed")
      }
      title="Download this project as JSONL: one line per document with its pairs and their review status"
    >
      Export JSONL
    </Button>
  );
}
