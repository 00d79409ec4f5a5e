import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  paginateDescribePullThroughCacheRules,
  PullThroughCacheRuleNotFoundException,
} from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { cleanUpLocalEcrs, localEcr, manyRules } from "../support/local-ecr.js";

cleanUpLocalEcrs();

// The local ECR must be faithful enough for the official client too: its SigV4 (with x-amz-content-sha256 and
// the SDK's extra headers), its paginator, its timestamp parser and its error mapping.
describe("local ECR with the official @aws-sdk/client-ecr", () => {
  const sdkClient = (ecr: {
    region: string;
    endpoint: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
  }) =>
    new ECRClient({
      region: ecr.region,
      endpoint: ecr.endpoint,
      credentials: ecr.credentials,
      maxAttempts: 1,
    });

  it("pages through 1,050 rules with the SDK's paginator", async () => {
    const { ecr } = await localEcr({ rules: manyRules(1050) });
    const client = sdkClient(ecr);
    const prefixes: string[] = [];
    for await (const page of paginateDescribePullThroughCacheRules({ client, pageSize: 500 }, {})) {
      prefixes.push(...(page.pullThroughCacheRules ?? []).map((rule) => rule.ecrRepositoryPrefix!));
    }
    client.destroy();
    expect(prefixes).toEqual(manyRules(1050).map((rule) => rule.ecrRepositoryPrefix));
    expect(ecr.requests.map((request) => (request.input as { maxResults: number }).maxResults)).toEqual([
      500, 500, 500,
    ]);
  });

  it("parses the E-notation timestamps into the same Dates", async () => {
    const { ecr } = await localEcr({
      rules: [
        {
          ecrRepositoryPrefix: "k8s",
          upstreamRegistryUrl: "registry.k8s.io",
          createdAt: "2024-05-01T10:00:00.123Z",
        },
      ],
    });
    const client = sdkClient(ecr);
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    client.destroy();
    expect(page.pullThroughCacheRules?.[0]?.createdAt).toEqual(new Date("2024-05-01T10:00:00.123Z"));
    expect(page.$metadata.requestId).toBe(ecr.requests[0]?.requestId);
  });

  it("maps the not-found error to the SDK's modelled exception", async () => {
    const { ecr } = await localEcr({ rules: manyRules(2) });
    const client = sdkClient(ecr);
    const failure = client.send(
      new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["nope"] }),
    );
    await expect(failure).rejects.toBeInstanceOf(PullThroughCacheRuleNotFoundException);
    client.destroy();
  });

  it("refuses the SDK's request signed with a wrong secret", async () => {
    const { ecr } = await localEcr({ rules: manyRules(2) });
    const client = new ECRClient({
      region: ecr.region,
      endpoint: ecr.endpoint,
      credentials: { ...ecr.credentials, secretAccessKey: "wrong" },
      maxAttempts: 1,
    });
    await expect(client.send(new DescribePullThroughCacheRulesCommand({}))).rejects.toMatchObject({
      name: "InvalidSignatureException",
      $metadata: { httpStatusCode: 403 },
    });
    client.destroy();
  });
});
