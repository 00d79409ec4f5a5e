import { afterEach, describe, expect, it } from "vitest";
import { type LocalEcr, startLocalEcr } from "../../src/emulator/index.js";
import { DescribePullThroughCacheRulesCommand, ECRClient } from "../../src/index.js";
import { manyRules } from "../support/local-ecr.js";

let ecr: LocalEcr | undefined;
afterEach(async () => {
  await ecr?.close();
  ecr = undefined;
});

const SENDS = 200;

describe("concurrency: one client, many sends in flight", () => {
  it(`${SENDS} concurrent sends to the emulator all succeed, each with its own answer, after one credential resolution`, async () => {
    const rules = manyRules(SENDS);
    ecr = await startLocalEcr({ rules });
    const { credentials } = ecr;
    let resolutions = 0;
    const provider = async () => {
      resolutions += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return credentials;
    };
    const client = new ECRClient({ region: ecr.region, endpoint: ecr.endpoint, credentials: provider });
    const prefixes = rules.map((rule) => rule.ecrRepositoryPrefix);

    // The emulator verifies every signature, so a request signed for another's body would fail.
    const outputs = await Promise.all(
      prefixes.map((prefix) =>
        client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: [prefix] })),
      ),
    );

    expect(
      outputs.map((output) => output.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)),
    ).toEqual(prefixes.map((prefix) => [prefix]));
    const requestIds = outputs.map((output) => output.$metadata.requestId);
    expect(new Set(requestIds).size).toBe(SENDS);
    expect(ecr.requests.map((request) => request.requestId).sort()).toEqual([...requestIds].sort());
    expect(ecr.requests.every((request) => request.statusCode === 200)).toBe(true);
    expect(resolutions).toBe(1);
    client.destroy();
  });
});
