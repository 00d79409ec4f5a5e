// The "Testing your code against a local ECR" example of the README, with imports from src/: if it breaks, the
// README is wrong.
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  ECRClient,
  DescribePullThroughCacheRulesCommand,
  PullThroughCacheRuleNotFoundException,
} from "../../src/index.js";
import { startLocalEcr, type LocalEcr } from "../../src/emulator/index.js";

let ecr: LocalEcr;
let client: ECRClient;

beforeAll(async () => {
  ecr = await startLocalEcr({
    rules: [
      { ecrRepositoryPrefix: "quay", upstreamRegistryUrl: "quay.io" },
      {
        ecrRepositoryPrefix: "docker-hub",
        upstreamRegistryUrl: "registry-1.docker.io",
        credentialArn:
          "arn:aws:secretsmanager:us-east-1:123456789012:secret:ecr-pullthroughcache/docker-hub-AbCdEf",
      },
    ],
  });
  client = new ECRClient({ region: ecr.region, endpoint: ecr.endpoint, credentials: ecr.credentials });
});
afterAll(() => ecr.close());

it("lists the rules", async () => {
  const { pullThroughCacheRules } = await client.send(new DescribePullThroughCacheRulesCommand({}));
  expect(pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual(["quay", "docker-hub"]);
});

it("copes with throttling and proxy errors", async () => {
  ecr.inject({ type: "throttle" }, { type: "server-error", body: "html" });
  const single = new ECRClient({
    region: ecr.region,
    endpoint: ecr.endpoint,
    credentials: ecr.credentials,
    maxAttempts: 1,
  });
  await expect(single.send(new DescribePullThroughCacheRulesCommand({}))).rejects.toMatchObject({
    name: "ThrottlingException",
  });
  await expect(single.send(new DescribePullThroughCacheRulesCommand({}))).rejects.toMatchObject({
    $metadata: { httpStatusCode: 502 },
  });
});

it("reports a missing rule", async () => {
  await expect(
    client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["nope"] })),
  ).rejects.toBeInstanceOf(PullThroughCacheRuleNotFoundException);
});
