import { describe, expect, it } from "vitest";
import { EXAMPLES, type Example } from "./task-type-examples.test-helpers";
import { BLIND, HELD_OUT } from "./task-type-held-out.test-helpers";
import { TASK_TYPE_LABELS, TASK_TYPES, taskTypeOf, type TaskType } from "./task-type";

function misses(examples: readonly Example[]): string[] {
  return examples
    .map(([q, a, expected]) => [q, expected, taskTypeOf(q, a)] as const)
    .filter(([, expected, got]) => got !== expected)
    .map(([q, expected, got]) => `${JSON.stringify(q)}: expected ${expected}, got ${got}`);
}

describe("taskTypeOf", () => {
  it("has at least 60 development examples covering every task type several times", () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(60);
    const counts = new Map<TaskType, number>();
    for (const [, , t] of EXAMPLES) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const t of TASK_TYPES) expect(counts.get(t) ?? 0, t).toBeGreaterThanOrEqual(5);
  });

  it("classifies every development example", () => {
    expect(misses(EXAMPLES)).toEqual([]);
  });

  it("classifies every held-out example", () => {
    expect(misses(HELD_OUT)).toEqual([]);
  });

  it("misses only the known-ambiguous examples of the blind table", () => {
    // Questions about the world with no wording that marks them as commonsense: a rule-based
    // reading of the form cannot tell them from free-form questions about the text.
    expect(misses(BLIND)).toEqual([
      '"What does a person need to do before driving a car?": expected commonsense, got freeFormQa',
      '"What happens to water when it is heated to 100 degrees Celsius?": expected commonsense, got freeFormQa',
    ]);
  });

  it("labels every task type", () => {
    for (const t of TASK_TYPES) expect(TASK_TYPE_LABELS[t]).not.toBe("");
  });

  it("uses the answer when the question alone is not enough", () => {
    expect(taskTypeOf("Tell me whether the bridge is open.", "Yes")).toBe("yesNo");
    expect(taskTypeOf("Tell me whether the bridge is open.")).toBe("other");
    expect(taskTypeOf("How was the service at the cafe?", "Negative.")).toBe("sentiment");
    expect(taskTypeOf("Who came?", "No one")).toBe("extraction");
  });

  it("never throws on odd input", () => {
    for (const q of ["\ud800", "?", "\n\n", "🙂".repeat(50), "Options:\n- a"]) {
      expect(TASK_TYPES).toContain(taskTypeOf(q, "\u0000"));
    }
  });
});
