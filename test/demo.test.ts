import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cleanEnv } from "./support/cli.js";

const DEMO = fileURLToPath(new URL("../scripts/demo.mjs", import.meta.url));

describe("npm run demo (scripts/demo.mjs)", () => {
  it("lists the default seed as a table, runs a filtered query and a typed error, and exits 0 without AWS credentials", async () => {
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve) => {
      // A fake key in the parent environment must not leak into the demo's CLI runs.
      const env = { ...cleanEnv(), AWS_ACCESS_KEY_ID: "AKIAPARENTSHOULDNOTLEAK", AWS_PROFILE: "nope" };
      execFile(process.execPath, [DEMO], { env, timeout: 60_000 }, (error, out) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout: out });
      });
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Local ECR listening on http:\/\/127\.0\.0\.1:\d+ \(region us-east-1, default seed: 333 rules\)/,
    );
    expect(stdout).toContain("DescribePullThroughCacheRules (333 rules)");
    expect(stdout).toContain("(exit code 0; 4 HTTP requests to the local ECR)");
    expect(stdout).toContain('"ecrRepositoryPrefix": "payments/prod/ecr"');
    expect(stdout).toMatch(/stderr> An error occurred \(PullThroughCacheRuleNotFoundException\)/);
    expect(stdout).toContain("(exit code 254; 1 HTTP request to the local ECR)");
    expect(stdout).toMatch(/✓ Local ECR stopped\. Demo done in \d+\.\d s/);
    expect(stdout).not.toContain("AKIAPARENTSHOULDNOTLEAK");
  });
});
