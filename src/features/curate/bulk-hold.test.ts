import { describe, expect, it } from "vitest";
import { bulkActionRunning, holdForBulkAction, onBulkActionsEnd } from "./bulk-hold";

describe("bulk-action hold", () => {
  it("tells followers once, when the last of overlapping bulk actions ends", () => {
    let ends = 0;
    const stop = onBulkActionsEnd(() => ends++);
    const first = holdForBulkAction();
    const second = holdForBulkAction();
    expect(bulkActionRunning()).toBe(true);
    first();
    first(); // released twice: counted once
    expect(bulkActionRunning()).toBe(true);
    expect(ends).toBe(0);
    second();
    expect(bulkActionRunning()).toBe(false);
    expect(ends).toBe(1);
    holdForBulkAction()();
    expect(ends).toBe(2);
    stop();
    holdForBulkAction()();
    expect(ends).toBe(2);
  });

  it("lets a follower that unsubscribes while being told leave the others their turn", () => {
    const told: string[] = [];
    const stopA = onBulkActionsEnd(() => {
      told.push("a");
      stopA();
    });
    const stopB = onBulkActionsEnd(() => told.push("b"));
    holdForBulkAction()();
    holdForBulkAction()();
    stopB();
    expect(told).toEqual(["a", "b", "b"]);
  });
});
