import { flattenSpans, indexSource } from "../core/quality/grounding";
import { NearDuplicateIndex } from "../core/quality/near-duplicates";
import { qualityOf } from "../core/quality/quality";
import type { DuplicateMark } from "../core/rows";
import type { QualityReply, QualityRequest } from "./quality-job";

/**
 * The quality worker's state and answers, apart from the messaging so tests can call it: per-pair
 * scores (grounding, format flags, task type) and the open project's near-duplicate index,
 * fed incrementally as pairs arrive and change.
 */
export function createQualityHandler(): (request: QualityRequest) => QualityReply {
  let duplicates = new NearDuplicateIndex();

  const markOf = (id: string): DuplicateMark | null => {
    const group = duplicates.groupOf(id);
    if (group === undefined) return null;
    const flags = duplicates.flagsOf(id);
    if (flags.includes("duplicate")) return { kind: "duplicate", group };
    if (flags.includes("nearDuplicate")) return { kind: "nearDuplicate", group };
    return null;
  };
  const changedMarks = (): QualityReply => ({
    kind: "marks",
    marks: duplicates.takeChanged().map((id) => ({ id, duplicate: markOf(id) })),
    indexed: duplicates.size,
  });

  return (request) => {
    switch (request.kind) {
      case "score": {
        const scores = request.chunks.flatMap((chunk) => {
          // Index the chunk once for all of its pairs.
          const source = indexSource(chunk.text);
          return chunk.pairs.map((p) => {
            const { grounding, flags, taskType, spans } = qualityOf(p, source);
            return {
              id: p.id,
              quality: { grounding, flags, taskType, spans: flattenSpans(spans) },
            };
          });
        });
        return { kind: "scores", scores };
      }
      case "resetDuplicates":
        duplicates = new NearDuplicateIndex();
        return { kind: "marks", marks: [], indexed: 0 };
      case "addQuestions":
        for (const { id, question } of request.items) duplicates.add(id, question);
        return changedMarks();
      case "removeQuestions":
        for (const id of request.ids) duplicates.remove(id);
        return changedMarks();
    }
  };
}
