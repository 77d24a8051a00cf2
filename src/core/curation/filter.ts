import type { PairFacts } from "./facts";
import type { PairsFilter } from "./view";

/**
 * The filter as one predicate, built once per query so testing 100,000 pairs costs a few
 * comparisons each. Within a kind of filter any value matches (accepted OR pending); the kinds
 * combine (status AND document AND type AND flag AND grounding).
 */
export function filterPredicate(filter: PairsFilter): (pair: PairFacts) => boolean {
  const tests: ((pair: PairFacts) => boolean)[] = [];
  if (filter.statuses.length > 0) {
    const statuses = new Set(filter.statuses);
    tests.push((p) => statuses.has(p.status));
  }
  if (filter.documents.length > 0) {
    const documents = new Set(filter.documents);
    tests.push((p) => documents.has(p.documentId));
  }
  if (filter.taskTypes.length > 0) {
    const types = new Set(filter.taskTypes);
    tests.push((p) => p.taskType !== null && types.has(p.taskType));
  }
  if (filter.flags.length > 0) {
    const flags = new Set(filter.flags);
    tests.push((p) => p.flags.some((f) => flags.has(f)));
  }
  const { groundingMin: min, groundingMax: max } = filter;
  if (min !== null || max !== null) {
    tests.push(
      (p) =>
        p.grounding !== null &&
        (min === null || p.grounding >= min) &&
        (max === null || p.grounding <= max),
    );
  }
  if (tests.length === 0) return () => true;
  return (p) => tests.every((t) => t(p));
}
