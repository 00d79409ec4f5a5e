import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { LocalEcr } from "../../src/emulator/index.js";

export const CLI = fileURLToPath(new URL("../../dist/cli/main.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of a spawned CLI: nothing of the parent's AWS_* (no real account can be reached), plus `env`. */
export function cleanEnv(env: Record<string, string> = {}): Record<string, string> {
  const base: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("AWS_") && value !== undefined) base[key] = value;
  }
  return { ...base, AWS_CONFIG_FILE: "/nonexistent", AWS_SHARED_CREDENTIALS_FILE: "/nonexistent", ...env };
}

/** The environment that points the CLI at a local ECR. */
export function envFor(ecr: LocalEcr, extra: Record<string, string> = {}): Record<string, string> {
  return cleanEnv({
    AWS_ACCESS_KEY_ID: ecr.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: ecr.credentials.secretAccessKey,
    AWS_REGION: ecr.region,
    AWS_ENDPOINT_URL: ecr.endpoint,
    ...extra,
  });
}

/** Runs the built `ecr-ptc` (dist/, built by `npm test` before vitest) as a child process. */
export function runCli(args: readonly string[], env: Record<string, string>): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
