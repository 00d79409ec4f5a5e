import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/**
 * Bundles a TypeScript entry (our sources included, packages left as imports) into node_modules/.cache, so a
 * plain `node` child can run it and still resolve the dependencies.
 */
export async function bundleForChild(entry: string): Promise<string> {
  const outfile = `${ROOT}node_modules/.cache/ecr-robustness/${entry.replace(/[^a-z0-9]+/gi, "-")}.mjs`;
  await build({
    entryPoints: [`${ROOT}${entry}`],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile,
    logLevel: "silent",
  });
  return outfile;
}

/** What a child printed, how it ended and how long it lived after printing `done`. */
export interface ChildRun {
  readonly lines: string[];
  readonly code: number | null;
  readonly stderr: string;
  /** Milliseconds between the `done` line and the exit (undefined when `done` never came). */
  readonly lingered: number | undefined;
}

/** Runs `node script ...args`; kills it after `killAfterMs` (a leaked handle would otherwise keep it alive). */
export function runChild(script: string, args: readonly string[], killAfterMs: number): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    let doneAt: number | undefined;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (doneAt === undefined && stdout.split("\n").includes("done")) doneAt = Date.now();
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const killer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
    child.on("close", (code) => {
      clearTimeout(killer);
      const lingered = doneAt === undefined ? undefined : Date.now() - doneAt;
      resolve({
        lines: stdout.split("\n").filter((line) => line !== "" && line !== "done"),
        code,
        stderr,
        lingered,
      });
    });
  });
}
