import { expect, it } from "vitest";
import { DEFAULT_JOB_SETTINGS } from "../../core/job-settings";
import { formatDuration, settingsSummary } from "./batch-format";

it("summarises the default settings the way the batch bar shows them", () => {
  expect(settingsSummary(DEFAULT_JOB_SETTINGS)).toBe(
    "400 new tokens · 4096 context · temperature 0 · 1 round · budget in words (estimate) · 8 at once",
  );
});

it("formats time remaining", () => {
  expect(formatDuration(44.6)).toBe("45 s");
  expect(formatDuration(185)).toBe("3 min 05 s");
  expect(formatDuration(7800)).toBe("2 h 10 min");
});
