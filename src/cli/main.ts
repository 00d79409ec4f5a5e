#!/usr/bin/env node
import { run } from "./run.js";

const argv = process.argv.slice(2);

/** Ctrl+C / SIGTERM stop the emulator cleanly; a second Ctrl+C exits at once. Other commands keep Node's default. */
function stopRequested(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.once("SIGINT", () => process.exit(130));
      resolve();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

const stopSignal = argv[0] === "emulator" ? stopRequested() : undefined;
void run(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  ...(stopSignal ? { stopSignal } : {}),
}).then((code) => {
  process.exitCode = code;
  process.removeAllListeners("SIGINT");
  process.removeAllListeners("SIGTERM");
});
