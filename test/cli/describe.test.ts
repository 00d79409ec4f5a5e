import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultSeedRules } from "../../src/emulator/index.js";
import { cleanEnv, envFor, runCli } from "../support/cli.js";
import { localEcrFor, manyRules } from "../support/local-ecr.js";

const DESCRIBE = "describe-pull-through-cache-rules";
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/;

interface JsonOutput {
  pullThroughCacheRules: Record<string, string>[];
  NextToken?: string;
  nextToken?: string;
}
const parse = (stdout: string): JsonOutput => JSON.parse(stdout) as JsonOutput;
const prefixes = (stdout: string): string[] =>
  parse(stdout).pullThroughCacheRules.map((rule) => rule["ecrRepositoryPrefix"]!);

describe.concurrent(
  "ecr-ptc describe-pull-through-cache-rules (spawned) against the local ECR",
  { timeout: 60_000 },
  () => {
    it("lists every rule of the default seed as AWS-CLI-shaped JSON, following all pages", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished);
      const result = await runCli([DESCRIBE], envFor(ecr));
      expect(result).toMatchObject({ code: 0, stderr: "" });
      const output = parse(result.stdout);
      expect(Object.keys(output)).toEqual(["pullThroughCacheRules"]);
      expect(output.pullThroughCacheRules).toHaveLength(defaultSeedRules().length);
      expect(ecr.requests).toHaveLength(4);
      const [first] = output.pullThroughCacheRules;
      expect(Object.keys(first!)).toEqual([
        "ecrRepositoryPrefix",
        "upstreamRegistryUrl",
        "createdAt",
        "registryId",
        "credentialArn",
        "upstreamRepositoryPrefix",
        "upstreamRegistry",
        "updatedAt",
      ]);
      expect(first!["createdAt"]).toMatch(ISO);
      expect(new Date(first!["createdAt"]!).getTime()).toBe(
        (defaultSeedRules()[0]!.createdAt as Date).getTime(),
      );
      expect(result.stdout).toMatch(
        /^\{\n {4}"pullThroughCacheRules": \[\n {8}\{\n {12}"ecrRepositoryPrefix"/,
      );
    });

    it("--page-size sets maxResults of each request", async ({ onTestFinished }) => {
      const ecr = await localEcrFor(onTestFinished, { rules: manyRules(25) });
      const result = await runCli([DESCRIBE, "--page-size", "10"], envFor(ecr));
      expect(prefixes(result.stdout)).toHaveLength(25);
      expect(ecr.requests.map((request) => (request.input as { maxResults?: number }).maxResults)).toEqual([
        10, 10, 10,
      ]);
    });

    it("--max-items cuts mid-page with a NextToken; --starting-token resumes at the next rule, with any --page-size", async ({
      onTestFinished,
    }) => {
      const rules = manyRules(23);
      const ecr = await localEcrFor(onTestFinished, { rules });
      const env = envFor(ecr);
      const first = parse((await runCli([DESCRIBE, "--page-size", "5", "--max-items", "7"], env)).stdout);
      expect(first.pullThroughCacheRules).toHaveLength(7);
      expect(JSON.parse(Buffer.from(first.NextToken!, "base64").toString())).toMatchObject({
        boto_truncate_amount: 2,
      });
      const rest = parse(
        (await runCli([DESCRIBE, "--page-size", "3", "--starting-token", first.NextToken!], env)).stdout,
      );
      expect(rest.NextToken).toBeUndefined();
      expect(
        [...first.pullThroughCacheRules, ...rest.pullThroughCacheRules].map(
          (rule) => rule["ecrRepositoryPrefix"],
        ),
      ).toEqual(rules.map((rule) => rule.ecrRepositoryPrefix));
    });

    it("--no-paginate makes one request and prints the service's raw nextToken", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished, { rules: manyRules(12) });
      const output = parse(
        (await runCli([DESCRIBE, "--no-paginate", "--page-size", "5"], envFor(ecr))).stdout,
      );
      expect(output.pullThroughCacheRules).toHaveLength(5);
      expect(output.nextToken).toEqual(expect.any(String));
      expect(output.NextToken).toBeUndefined();
      expect(ecr.requests).toHaveLength(1);
    });

    it("--ecr-repository-prefixes takes several values, --registry-id filters the registry", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished, {
        rules: [...manyRules(5), ...manyRules(2, "000000000042")],
      });
      const env = envFor(ecr);
      const filtered = await runCli(
        [DESCRIBE, "--ecr-repository-prefixes", "team-00004", "team-00001", "--output", "json"],
        env,
      );
      expect(prefixes(filtered.stdout)).toEqual(["team-00001", "team-00004"]);
      expect(ecr.requests[0]?.input).toEqual({ ecrRepositoryPrefixes: ["team-00004", "team-00001"] });
      const other = await runCli([DESCRIBE, "--registry-id", "000000000042"], env);
      expect(parse(other.stdout).pullThroughCacheRules.map((rule) => rule["registryId"])).toEqual([
        "000000000042",
        "000000000042",
      ]);
    });

    it("--output table fits in 80 columns and shows every rule", async ({ onTestFinished }) => {
      const ecr = await localEcrFor(onTestFinished);
      const result = await runCli([DESCRIBE, "--output", "table"], envFor(ecr));
      expect(result.code).toBe(0);
      const lines = result.stdout.trimEnd().split("\n");
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
      expect(lines[1]).toContain("DescribePullThroughCacheRules (333 rules)");
      expect(lines.filter((line) => /^\| [a-z0-9]/.test(line))).toHaveLength(333);
      expect(result.stdout).toContain("| payments/prod/ghcr ");
    });

    it("--output text prints one tab-separated line per rule with all nine members", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished, { rules: manyRules(3) });
      const result = await runCli([DESCRIBE, "--output", "text", "--max-items", "2"], envFor(ecr));
      const lines = result.stdout.trimEnd().split("\n");
      expect(lines).toHaveLength(3);
      expect(lines[0]!.split("\t")).toEqual([
        "PULLTHROUGHCACHERULES",
        "2023-11-14T22:13:20+00:00",
        "None",
        "None",
        "team-00000",
        "123456789012",
        "2023-11-14T22:13:20+00:00",
        "quay",
        "quay.io",
        "None",
      ]);
      expect(lines[2]).toMatch(/^NEXTTOKEN\t[A-Za-z0-9+/=]+$/);
    });

    it("AWS_DEFAULT_OUTPUT chooses the format, --endpoint-url overrides AWS_ENDPOINT_URL", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished, { rules: manyRules(2) });
      const env = envFor(ecr, { AWS_DEFAULT_OUTPUT: "text", AWS_ENDPOINT_URL: "http://127.0.0.1:9" });
      const result = await runCli([DESCRIBE, "--endpoint-url", ecr.endpoint], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^PULLTHROUGHCACHERULES\t/);
    });

    it("--region signs for that region (the local ECR refuses another)", async ({ onTestFinished }) => {
      const ecr = await localEcrFor(onTestFinished, { rules: manyRules(2) });
      const result = await runCli([DESCRIBE, "--region", "eu-west-1"], envFor(ecr));
      expect(result.code).toBe(254);
      expect(result.stderr).toMatch(
        /^An error occurred \(InvalidSignatureException\) when calling the DescribePullThroughCacheRules operation: Credential should be scoped to a valid region, not 'eu-west-1'/,
      );
    });

    it("--cli-read-timeout times out each attempt; after the retries, exit 255", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished, {
        rules: manyRules(2),
        faults: [1, 2, 3].map(() => ({ type: "delay", ms: 5_000 }) as const),
      });
      const result = await runCli([DESCRIBE, "--cli-read-timeout", "1"], envFor(ecr));
      expect(result.code).toBe(255);
      expect(result.stderr).toMatch(/^ecr-ptc: TimeoutError: .*\(--cli-read-timeout\)\n$/);
    });

    it("--profile takes credentials from that profile, not from AWS_ACCESS_KEY_ID", async ({
      onTestFinished,
    }) => {
      const ecr = await localEcrFor(onTestFinished, { rules: manyRules(2) });
      const dir = await mkdtemp(join(tmpdir(), "ecr-ptc-profile-"));
      onTestFinished(() => rm(dir, { recursive: true, force: true }));
      const credentialsFile = join(dir, "credentials");
      const { accessKeyId, secretAccessKey } = ecr.credentials;
      await writeFile(
        credentialsFile,
        `[local]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
      );
      // The environment's key is unknown to the local ECR: only the profile's can succeed.
      const env = envFor(ecr, {
        AWS_ACCESS_KEY_ID: "AKIAWRONGWRONGWRONG0",
        AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
      });
      const viaProfile = await runCli([DESCRIBE, "--profile", "local"], env);
      expect(viaProfile.code).toBe(0);
      expect(parse(viaProfile.stdout).pullThroughCacheRules).toHaveLength(2);
      const missing = await runCli([DESCRIBE, "--profile", "nobody"], env);
      expect(missing.code).toBe(253);
      expect(missing.stderr).toMatch(/^ecr-ptc: (CredentialsError|ConfigurationError): .*nobody/);
    });
  },
);

describe.concurrent("ecr-ptc errors: message on stderr, distinct exit codes", { timeout: 60_000 }, () => {
  it.for([
    {
      name: "an unknown prefix (service error)",
      args: [DESCRIBE, "--ecr-repository-prefixes", "nope"],
      code: 254,
      stderr:
        /^An error occurred \(PullThroughCacheRuleNotFoundException\) when calling the DescribePullThroughCacheRules operation: The pull through cache rule with prefix 'nope' does not exist.*\(request id [0-9a-f-]{36}\)\n$/,
    },
    {
      name: "an unknown option",
      args: [DESCRIBE, "--max-itemz", "3"],
      code: 252,
      stderr:
        /^ecr-ptc: UsageError: .*--max-itemz.*\nSee 'ecr-ptc describe-pull-through-cache-rules --help'\.\n$/,
    },
  ])("$name → exit $code", async ({ args, code, stderr }, { onTestFinished }) => {
    const ecr = await localEcrFor(onTestFinished, { rules: manyRules(2) });
    const result = await runCli(args, envFor(ecr));
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(stderr);
    expect(result.stdout).toBe("");
  });

  it("a refused connection → exit 255 with NetworkError", async ({ onTestFinished }) => {
    const ecr = await localEcrFor(onTestFinished, { rules: [] });
    await ecr.close();
    const result = await runCli([DESCRIBE], envFor(ecr));
    expect(result.code).toBe(255);
    expect(result.stderr).toMatch(/^ecr-ptc: NetworkError: request failed/);
  });

  it("no region → exit 253 with ConfigurationError", async () => {
    const result = await runCli(
      [DESCRIBE, "--endpoint-url", "http://127.0.0.1:9"],
      cleanEnv({ AWS_ACCESS_KEY_ID: "AKIAX", AWS_SECRET_ACCESS_KEY: "y" }),
    );
    expect(result.code).toBe(253);
    expect(result.stderr).toMatch(/^ecr-ptc: ConfigurationError: .*region/);
  });

  it("never prints the secret key", async ({ onTestFinished }) => {
    const ecr = await localEcrFor(onTestFinished, {
      rules: manyRules(2),
      faults: [{ type: "server-error", body: "html" }],
    });
    const result = await runCli(
      [DESCRIBE, "--output", "table"],
      envFor(ecr, { AWS_SESSION_TOKEN: "never-print-this-token" }),
    );
    expect(result.code).toBe(254);
    expect(result.stdout + result.stderr).not.toContain(ecr.credentials.secretAccessKey);
    expect(result.stdout + result.stderr).not.toContain("never-print-this-token");
  });
});

describe.concurrent("ecr-ptc help (spawned)", () => {
  it("--help lists the commands and exits 0", async () => {
    const result = await runCli(["--help"], cleanEnv());
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/describe-pull-through-cache-rules \[options\][\s\S]*emulator \[options\]/);
  });
});
