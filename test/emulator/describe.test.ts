import { describe, expect, it } from "vitest";
import { DescribePullThroughCacheRulesCommand } from "../../src/index.js";
import { defaultSeedRules, DEFAULT_ACCOUNT_ID } from "../../src/emulator/index.js";
import { cleanUpLocalEcrs, localEcr, manyRules } from "../support/local-ecr.js";
import { rawCall } from "../support/raw-call.js";

cleanUpLocalEcrs();

describe("local ECR: DescribePullThroughCacheRules through the public client", () => {
  it("serves the default seed with typed rules, request id and Date header", async () => {
    const { client, ecr } = await localEcr();
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(page.pullThroughCacheRules).toHaveLength(100);
    expect(page.nextToken).toEqual(expect.any(String));
    expect(page.$metadata.httpStatusCode).toBe(200);
    expect(page.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ecr.requests[0]?.requestId).toBe(page.$metadata.requestId);
    const [first] = page.pullThroughCacheRules!;
    const seed = defaultSeedRules()[0]!;
    expect(first).toEqual({
      ecrRepositoryPrefix: seed.ecrRepositoryPrefix,
      upstreamRegistryUrl: seed.upstreamRegistryUrl,
      createdAt: seed.createdAt,
      registryId: DEFAULT_ACCOUNT_ID,
      credentialArn: seed.credentialArn,
      upstreamRepositoryPrefix: "library",
      upstreamRegistry: "docker-hub",
      updatedAt: seed.updatedAt,
    });
  });

  it("sends epoch-second timestamps in E-notation, with the service's headers", async () => {
    const { ecr } = await localEcr({
      rules: [
        {
          ecrRepositoryPrefix: "quay",
          upstreamRegistryUrl: "quay.io",
          createdAt: "2024-05-01T10:00:00.123Z",
        },
      ],
    });
    const response = await rawCall(ecr);
    expect(response.status).toBe(200);
    expect(response.text).toBe(
      '{"pullThroughCacheRules":[{"ecrRepositoryPrefix":"quay","upstreamRegistryUrl":"quay.io","createdAt":1.714557600123E9,"registryId":"123456789012","upstreamRegistry":"quay","updatedAt":1.714557600123E9}]}',
    );
    expect(response.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(Math.abs(new Date(response.headers["date"]!).getTime() - Date.now())).toBeLessThan(60_000);
    expect(response.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each([
    { name: "one prefix", prefixes: ["quay"], expected: ["quay"] },
    {
      name: "several prefixes, store order",
      prefixes: ["k8s", "docker-hub"],
      expected: ["docker-hub", "k8s"],
    },
    { name: "a nested prefix", prefixes: ["payments/prod/ghcr"], expected: ["payments/prod/ghcr"] },
  ])("filters by ecrRepositoryPrefixes: $name", async ({ prefixes, expected }) => {
    const { client } = await localEcr();
    const page = await client.send(
      new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: prefixes }),
    );
    expect(page.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual(expected);
    expect(page.nextToken).toBeUndefined();
  });

  it("filters by registryId, defaulting to the caller's account", async () => {
    const other = "000000000042";
    const { client } = await localEcr({ rules: [...manyRules(3), ...manyRules(2, other)] });
    const mine = await client.send(new DescribePullThroughCacheRulesCommand({}));
    const theirs = await client.send(new DescribePullThroughCacheRulesCommand({ registryId: other }));
    const none = await client.send(new DescribePullThroughCacheRulesCommand({ registryId: "999999999999" }));
    expect(mine.pullThroughCacheRules?.map((rule) => rule.registryId)).toEqual([
      DEFAULT_ACCOUNT_ID,
      DEFAULT_ACCOUNT_ID,
      DEFAULT_ACCOUNT_ID,
    ]);
    expect(theirs.pullThroughCacheRules?.map((rule) => rule.registryId)).toEqual([other, other]);
    expect(none.pullThroughCacheRules).toEqual([]);
  });

  it("answers an empty registry with an empty list", async () => {
    const { client } = await localEcr({ rules: [] });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(page.pullThroughCacheRules).toEqual([]);
    expect(page.nextToken).toBeUndefined();
  });
});
