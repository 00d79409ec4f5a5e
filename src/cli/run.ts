import { ECRServiceException } from "../errors/service-exception.js";
import { VERSION } from "../version.js";
import { describeCommand } from "./describe-command.js";
import { EXIT, UsageError } from "./exit-codes.js";
import { MAIN_HELP } from "./help.js";
import type { CliIo } from "./io.js";

type CommandRunner = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Readonly<Record<string, CommandRunner>> = {
  "describe-pull-through-cache-rules": describeCommand,
  // Loaded on demand so listing rules never pays for the emulator's code.
  emulator: async (argv, io) => (await import("./emulator-command.js")).emulatorCommand(argv, io),
};

/** Exit codes of the errors raised when the client could not ask (by `name`); anything else is 255. */
const CLIENT_ERROR_EXITS: Readonly<Record<string, number>> = {
  InputValidationError: EXIT.usage,
  ConfigurationError: EXIT.configuration,
  CredentialsError: EXIT.configuration,
};

/**
 * Runs `ecr-ptc` with the given arguments and returns the exit code. Results go to stdout; errors to stderr
 * as `<name>: <message>` (service errors in the AWS CLI's words).
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === "--version" || name === "-v") {
      io.stdout.write(`ecr-ptc ${VERSION}\n`);
      return EXIT.ok;
    }
    if (name === "--help" || name === "-h" || name === "help") {
      io.stdout.write(MAIN_HELP);
      return EXIT.ok;
    }
    const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (command === undefined) {
      throw new UsageError(
        name === undefined ? "a command is required" : `unknown command ${JSON.stringify(name)}`,
      );
    }
    return await command(rest, io);
  } catch (error) {
    return report(error, name, io);
  }
}

function report(error: unknown, command: string | undefined, io: CliIo): number {
  if (error instanceof UsageError) {
    const hint =
      command !== undefined && Object.hasOwn(COMMANDS, command)
        ? `ecr-ptc ${command} --help`
        : "ecr-ptc --help";
    io.stderr.write(`ecr-ptc: UsageError: ${error.message}\nSee '${hint}'.\n`);
    return EXIT.usage;
  }
  if (error instanceof ECRServiceException) {
    const requestId =
      error.$metadata.requestId === undefined ? "" : ` (request id ${error.$metadata.requestId})`;
    io.stderr.write(
      `An error occurred (${error.name}) when calling the DescribePullThroughCacheRules operation: ${error.message}${requestId}\n`,
    );
    return EXIT.service;
  }
  if (error instanceof Error && error.name === "LocalEcrSeedError") {
    io.stderr.write(`ecr-ptc: ${error.name}: ${error.message}\n`);
    return EXIT.configuration;
  }
  const { name, message } = error instanceof Error ? error : { name: "Error", message: String(error) };
  const shown = name === "TimeoutError" ? `${message} (--cli-read-timeout)` : message;
  io.stderr.write(`ecr-ptc: ${name}: ${shown}\n`);
  return (Object.hasOwn(CLIENT_ERROR_EXITS, name) ? CLIENT_ERROR_EXITS[name] : undefined) ?? EXIT.network;
}
