import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatJson, printableRule } from "../../src/cli/format-json.js";
import { DescribePullThroughCacheRulesCommand } from "../../src/index.js";
import {
  defaultSeedRules,
  LocalEcrSeedError,
  startLocalEcr,
  type SeedRule,
} from "../../src/emulator/index.js";
import { cleanUpLocalEcrs, localEcr } from "../support/local-ecr.js";

cleanUpLocalEcrs();

const ARN =
  /^arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache\/[a-z-]+-[A-Za-z0-9]{6}$/;

describe("the default seed", () => {
  const rules = defaultSeedRules();

  it("is a few hundred rules, the same on every call", () => {
    expect(rules).toHaveLength(333);
    expect(defaultSeedRules()).toEqual(rules);
    expect(new Set(rules.map((rule) => rule.ecrRepositoryPrefix)).size).toBe(rules.length);
  });

  it("covers every upstream registry", () => {
    expect(new Set(rules.map((rule) => rule.upstreamRegistry))).toEqual(
      new Set([
        "ecr",
        "ecr-public",
        "quay",
        "k8s",
        "docker-hub",
        "github-container-registry",
        "azure-container-registry",
        "gitlab-container-registry",
        "chainguard",
      ]),
    );
  });

  it.each([
    "docker-hub",
    "github-container-registry",
    "gitlab-container-registry",
    "azure-container-registry",
    "chainguard",
  ])("gives every %s rule a Secrets Manager credentialArn", (registry) => {
    const ofRegistry = rules.filter((rule) => rule.upstreamRegistry === registry);
    expect(ofRegistry.length).toBeGreaterThan(30);
    for (const rule of ofRegistry) expect(rule.credentialArn).toMatch(ARN);
  });

  it("gives ECR-to-ECR rules a customRoleArn and no credential; public registries neither", () => {
    for (const rule of rules.filter((r) => r.upstreamRegistry === "ecr")) {
      expect(rule.customRoleArn).toMatch(/^arn:aws:iam::123456789012:role\/ecr-pull-through-cache-[a-z]+$/);
      expect(rule.credentialArn).toBeUndefined();
    }
    for (const rule of rules.filter((r) => ["quay", "k8s", "ecr-public"].includes(r.upstreamRegistry!))) {
      expect(rule.credentialArn).toBeUndefined();
      expect(rule.customRoleArn).toBeUndefined();
    }
  });

  it("has updatedAt never before createdAt", () => {
    for (const rule of rules)
      expect((rule.updatedAt as Date).getTime()).toBeGreaterThanOrEqual((rule.createdAt as Date).getTime());
  });
});

describe("seed checks (what CreatePullThroughCacheRule would refuse)", () => {
  const quay: SeedRule = { ecrRepositoryPrefix: "quay", upstreamRegistryUrl: "quay.io" };
  it.each<{ name: string; rules: SeedRule[]; message: RegExp }>([
    {
      name: "a one-letter prefix",
      rules: [{ ...quay, ecrRepositoryPrefix: "q" }],
      message: /seed rule 0 \("q"\): ecrRepositoryPrefix/,
    },
    {
      name: "an upper-case prefix",
      rules: [{ ...quay, ecrRepositoryPrefix: "Quay" }],
      message: /ecrRepositoryPrefix must be/,
    },
    {
      name: "a duplicate prefix",
      rules: [quay, quay],
      message: /seed rule 1 .*used twice in registry 123456789012/,
    },
    {
      name: "docker-hub without credentialArn",
      rules: [{ ecrRepositoryPrefix: "dh", upstreamRegistryUrl: "registry-1.docker.io" }],
      message: /credentialArn is required for docker-hub/,
    },
    {
      name: "a credentialArn outside ecr-pullthroughcache/",
      rules: [{ ...quay, credentialArn: "arn:aws:secretsmanager:us-east-1:123456789012:secret:other" }],
      message: /credentialArn must be/,
    },
    {
      name: "an unknown upstream host",
      rules: [{ ...quay, upstreamRegistryUrl: "example.com" }],
      message: /upstreamRegistry is required/,
    },
    {
      name: "a bad registry id",
      rules: [{ ...quay, registryId: "42" }],
      message: /registryId must be 12 digits/,
    },
    { name: "a bad date", rules: [{ ...quay, createdAt: "yesterday" }], message: /createdAt is not a date/ },
  ])("refuses $name", async ({ rules, message }) => {
    const failure = startLocalEcr({ rules });
    await expect(failure).rejects.toThrow(LocalEcrSeedError);
    await expect(failure).rejects.toThrow(message);
  });

  it.each([
    {
      name: "both rules and seedFile",
      options: { rules: [], seedFile: "rules.json" },
      message: /rules or seedFile, not both/,
    },
    { name: "port 70000", options: { port: 70_000 }, message: /port must be an integer from 0 to 65535/ },
    {
      name: "defaultPageSize 0",
      options: { defaultPageSize: 0 },
      message: /defaultPageSize must be an integer from 1 to 1000/,
    },
  ])("refuses $name with a TypeError", async ({ options, message }) => {
    await expect(startLocalEcr(options)).rejects.toThrow(TypeError);
    await expect(startLocalEcr(options)).rejects.toThrow(message);
  });

  it("refuses an empty credentials list", async () => {
    await expect(startLocalEcr({ rules: [], credentials: [] })).rejects.toThrow(/at least one access key/);
  });
});

describe("seed files", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "local-ecr-seed-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("round-trips the CLI's JSON output: list, save, seed, list again", async () => {
    const { client } = await localEcr({ rules: defaultSeedRules().slice(0, 40) });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    const file = join(dir, "rules.json");
    await writeFile(
      file,
      formatJson({ pullThroughCacheRules: page.pullThroughCacheRules!.map(printableRule) }),
    );
    const { client: copy } = await localEcr({ seedFile: file });
    const again = await copy.send(new DescribePullThroughCacheRulesCommand({}));
    expect(again.pullThroughCacheRules).toEqual(page.pullThroughCacheRules);
  });

  it("accepts a bare array with epoch-second dates", async () => {
    const file = join(dir, "array.json");
    await writeFile(
      file,
      JSON.stringify([
        { ecrRepositoryPrefix: "k8s", upstreamRegistryUrl: "registry.k8s.io", createdAt: 1_700_000_000.5 },
      ]),
    );
    const { client } = await localEcr({ seedFile: file });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(page.pullThroughCacheRules).toEqual([
      {
        ecrRepositoryPrefix: "k8s",
        upstreamRegistryUrl: "registry.k8s.io",
        createdAt: new Date(1_700_000_000_500),
        registryId: "123456789012",
        upstreamRegistry: "k8s",
        updatedAt: new Date(1_700_000_000_500),
      },
    ]);
  });

  it.each([
    { name: "not JSON", content: "{", message: /is not JSON/ },
    { name: "a JSON object without rules", content: '{"rules":[]}', message: /must hold an array of rules/ },
    { name: "an array of strings", content: '["quay"]', message: /must hold an array of rules/ },
  ])("refuses a file that is $name", async ({ content, message }) => {
    const file = join(dir, "bad.json");
    await writeFile(file, content);
    await expect(startLocalEcr({ seedFile: file })).rejects.toThrow(message);
  });
});
