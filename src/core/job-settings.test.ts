import { expect, it } from "vitest";
import { chunkBudget } from "./chunk";
import { DEFAULT_JOB_SETTINGS, chunkOptionsFor, jobSettingsProblem } from "./job-settings";

it("uses the whole prompt budget for one round, and leaves room for demonstrations for more", () => {
  const one = chunkOptionsFor(DEFAULT_JOB_SETTINGS, "words");
  expect(chunkBudget(one).promptLimit).toBe(3696);
  // Two rounds: a chunk, plus one demonstration of a chunk and up to 400 tokens of pairs.
  const two = chunkOptionsFor({ ...DEFAULT_JOB_SETTINGS, rounds: 2 }, "words");
  expect(chunkBudget(two).promptLimit).toBe((3696 - 400) / 2);
  const three = chunkOptionsFor({ ...DEFAULT_JOB_SETTINGS, rounds: 3 }, "words");
  expect(chunkBudget(three).promptLimit).toBe(Math.floor((3696 - 800) / 3));
});

it("names the setting that cannot run", () => {
  expect(jobSettingsProblem(DEFAULT_JOB_SETTINGS)).toBeNull();
  expect(jobSettingsProblem({ ...DEFAULT_JOB_SETTINGS, maxNewTokens: 4096 })).toMatch(
    /must be below the context length/,
  );
  expect(jobSettingsProblem({ ...DEFAULT_JOB_SETTINGS, rounds: 0 })).toMatch(/Rounds/);
  expect(jobSettingsProblem({ ...DEFAULT_JOB_SETTINGS, concurrency: 1.5 })).toMatch(/Concurrency/);
  expect(jobSettingsProblem({ ...DEFAULT_JOB_SETTINGS, temperature: -1 })).toMatch(/Temperature/);
});
