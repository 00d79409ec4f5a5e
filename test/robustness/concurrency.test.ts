import { afterEach, describe, expect, it } from "vitest";
import { type LocalEcr, type LocalEcrFault, startLocalEcr } from "../../src/emulator/index.js";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRClientError,
  ECRServiceException,
  StandardRetryStrategy,
} from "../../src/index.js";
import { withRuntime } from "../support/fake-runtime.js";
import { instantRuntime } from "../support/instant-runtime.js";
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

  it(`${SENDS} concurrent sends through a storm: each gets its own answer or a typed error, within one shared quota`, async () => {
    const rules = manyRules(SENDS);
    const storm: LocalEcrFault[] = Array.from({ length: 150 }, (_, i) =>
      i % 3 === 0
        ? { type: "throttle" }
        : i % 3 === 1
          ? { type: "server-error", status: 503 }
          : { type: "reset" },
    );
    ecr = await startLocalEcr({ rules, faults: storm });
    const strategy = new StandardRetryStrategy(() => 0.5);
    const sleeps: number[] = [];
    const config = {
      region: ecr.region,
      endpoint: ecr.endpoint,
      credentials: ecr.credentials,
      retryStrategy: strategy,
    };
    const client = new ECRClient(withRuntime(config, instantRuntime(sleeps)));
    const prefixes = rules.map((rule) => rule.ecrRepositoryPrefix);

    const outcomes = await Promise.allSettled(
      prefixes.map((prefix) =>
        client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: [prefix] })),
      ),
    );

    let attempts = 0;
    let failedAttempts = 0;
    outcomes.forEach((outcome, i) => {
      if (outcome.status === "fulfilled") {
        expect(outcome.value.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual([
          prefixes[i],
        ]);
        attempts += outcome.value.$metadata.attempts ?? 0;
        failedAttempts += (outcome.value.$metadata.attempts ?? 0) - 1;
      } else {
        const error: unknown = outcome.reason;
        expect(error instanceof ECRServiceException || error instanceof ECRClientError).toBe(true);
        attempts += (error as ECRClientError).$metadata.attempts ?? 0;
        failedAttempts += (error as ECRClientError).$metadata.attempts ?? 0;
      }
    });
    // Every attempt is accounted for: each failed attempt met one scripted fault, and no healthy answer was lost.
    expect(ecr.requests).toHaveLength(attempts);
    expect(failedAttempts).toBe(storm.length);
    expect(ecr.requests.filter((request) => request.fault !== undefined)).toHaveLength(storm.length);
    // Each send stayed within maxAttempts (3); retries were paced by the one shared quota, never below zero.
    expect(attempts).toBeLessThanOrEqual(3 * SENDS);
    expect(sleeps).toHaveLength(attempts - SENDS);
    expect(strategy.quota).toBeGreaterThanOrEqual(0);
    client.destroy();
  });
});
