import { COOK_HELP, cookCommand } from "./commands/cook";
import { EXPORT_HELP, exportCommand } from "./commands/export";
import { PARSE_HELP, parseCommand } from "./commands/parse";
import { SYNTHESIZE_HELP, synthesizeCommand } from "./commands/synthesize";
import { UsageError } from "./io";

const HELP = `ipt: Instruction Pre-Training at corpus scale (the IPT Studio pipeline, on vLLM or any
OpenAI-compatible server). Same prompts, parser and formats as the studio.

Commands:
${PARSE_HELP}

${SYNTHESIZE_HELP}

${COOK_HELP}

${EXPORT_HELP}

Run "ipt <command> --help" for a command's options.`;

type Command = (argv: string[]) => Promise<number>;
const commands: Record<string, { run: Command; help: string }> = {
  parse: { run: parseCommand, help: PARSE_HELP },
  synthesize: { run: synthesizeCommand, help: SYNTHESIZE_HELP },
  cook: { run: cookCommand, help: COOK_HELP },
  export: { run: exportCommand, help: EXPORT_HELP },
};

/** Runs the CLI and returns the exit code: 0 done, 1 finished with recorded failures, 2 usage. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP + "\n");
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`ipt: unknown command "${name}". Run "ipt --help".\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.help + "\n");
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    // Node's parseArgs throws TypeErrors with a code for unknown or malformed flags.
    const code = (err as { code?: string }).code;
    if (err instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`ipt ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    process.stderr.write(`ipt ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
