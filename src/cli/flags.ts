import { parseArgs } from "node:util";
import { UsageError } from "./io";

type Flags<S extends string, B extends string> = { [K in S]?: string } & { [K in B]?: boolean };

/**
 * Parses a command's flags strictly (an unknown flag is a usage error) from the lists of its
 * string and boolean flags, so each command states its interface in one line.
 */
export function parseFlags<S extends string, B extends string>(
  argv: string[],
  strings: readonly S[],
  booleans: readonly B[],
): Flags<S, B> {
  const options: Record<string, { type: "string" | "boolean" }> = {};
  for (const s of strings) options[s] = { type: "string" };
  for (const b of booleans) options[b] = { type: "boolean" };
  return parseArgs({ args: argv, options, strict: true }).values as Flags<S, B>;
}

/** Fails with "--name is required" for the first missing flag. */
export function requireFlags<T extends object, K extends keyof T & string>(
  values: T,
  names: readonly K[],
): asserts values is T & { [P in K]-?: string } {
  for (const name of names) {
    if (!values[name]) throw new UsageError(`--${name} is required`);
  }
}
