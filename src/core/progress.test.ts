import { expect, it } from "vitest";
import { countsAndTimeLeft } from "./progress";

it("states the counts, and the time left at the rate so far once there is enough to go on", () => {
  expect(countsAndTimeLeft(0, 54_545, 0)).toBe("0 / 54,545");
  expect(countsAndTimeLeft(12_000, 54_545, 500)).toBe("12,000 / 54,545");
  expect(countsAndTimeLeft(12_000, 54_545, 3000)).toBe("12,000 / 54,545 · 11 s left");
  expect(countsAndTimeLeft(54_545, 54_545, 14_000)).toBe("54,545 / 54,545");
});
