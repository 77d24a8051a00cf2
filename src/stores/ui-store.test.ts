import { afterEach, describe, expect, it, vi } from "vitest";
import { NOTICE_MS, useUi } from "./ui-store";

describe("toasts", () => {
  afterEach(() => vi.useRealTimers());

  it("lets a plain notice go after a while, and keeps errors and notices with an action", () => {
    vi.useFakeTimers();
    const { pushToast } = useUi.getState();
    pushToast({ tone: "success", message: "Restored 3 documents." });
    pushToast({ tone: "error", message: "The disk is full." });
    pushToast({
      tone: "info",
      message: "Deleted 2 pairs.",
      action: { label: "Undo", run: () => {} },
    });
    expect(useUi.getState().toasts).toHaveLength(3);
    vi.advanceTimersByTime(NOTICE_MS - 1);
    expect(useUi.getState().toasts).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(useUi.getState().toasts.map((t) => t.message)).toEqual([
      "The disk is full.",
      "Deleted 2 pairs.",
    ]);
  });
});
