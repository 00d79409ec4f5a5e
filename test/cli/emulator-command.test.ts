import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { CLI, cleanEnv, runCli } from "../support/cli.js";

describe("ecr-ptc emulator", () => {
  it("serves a seed file, prints the endpoint and credentials, and stops on SIGTERM", async () => {
    const dir = await mkdtemp(join(tmpdir(), "ecr-ptc-emulator-"));
    const seed = join(dir, "rules.json");
    await writeFile(
      seed,
      JSON.stringify({
        pullThroughCacheRules: [{ ecrRepositoryPrefix: "quay", upstreamRegistryUrl: "quay.io" }],
      }),
    );
    const child = spawn(
      process.execPath,
      [CLI, "emulator", "--port", "0", "--seed", seed, "--region", "eu-central-1"],
      { env: cleanEnv() },
    );
    try {
      let stdout = "";
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes("Press Ctrl+C")) resolve();
        });
        child.once("exit", () => {
          reject(new Error(`emulator exited early: ${stderr}`));
        });
      });
      expect(stdout).toMatch(
        /^Local ECR listening on http:\/\/127\.0\.0\.1:\d+ \(region eu-central-1, 1 rules from .*rules\.json\)/,
      );
      const exported = Object.fromEntries(
        [...stdout.matchAll(/export (\w+)=(\S+)/g)].map((match) => [match[1]!, match[2]!]),
      );
      expect(Object.keys(exported)).toEqual(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]);
      const endpoint = /--endpoint-url (\S+)/.exec(stdout)![1]!;

      const listed = await runCli(
        ["describe-pull-through-cache-rules", "--endpoint-url", endpoint, "--output", "text"],
        cleanEnv(exported),
      );
      expect(listed.code).toBe(0);
      expect(listed.stdout).toMatch(/^PULLTHROUGHCACHERULES\t.*\tquay\t/);

      const exitCode = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exitCode).toBe(0);
      expect(stderr).toBe("Local ECR stopped.\n");
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("exits 253 with the reason when the seed file is bad", async () => {
    let err = "";
    const io = { stdout: { write: () => true }, stderr: { write: (text: string) => (err += text) }, env: {} };
    const dir = await mkdtemp(join(tmpdir(), "ecr-ptc-emulator-"));
    const seed = join(dir, "bad.json");
    await writeFile(
      seed,
      JSON.stringify([{ ecrRepositoryPrefix: "dh", upstreamRegistryUrl: "registry-1.docker.io" }]),
    );
    try {
      expect(await run(["emulator", "--port", "0", "--seed", seed], io)).toBe(253);
      expect(err).toMatch(
        /^ecr-ptc: LocalEcrSeedError: seed rule 0 \("dh"\): credentialArn is required for docker-hub\n$/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
