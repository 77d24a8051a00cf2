// Test helpers: run the built `ipt` as a child process, the way users run it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const IPT_BIN = fileURLToPath(new URL("./bin/ipt.mjs", import.meta.url));

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function startIpt(
  args: string[],
  stdin?: string,
  env?: Record<string, string>,
): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [IPT_BIN, ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdin?.end(stdin ?? "");
  const done = new Promise<RunResult>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return { child, done };
}

export function runIpt(
  args: string[],
  stdin?: string,
  env?: Record<string, string>,
): Promise<RunResult> {
  return startIpt(args, stdin, env).done;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "ipt-cli-"));
}
