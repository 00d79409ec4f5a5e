import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalEcr, type LocalEcrFault, startLocalEcr } from "../../src/emulator/index.js";
import {
  ECRClient,
  ECRClientError,
  ECRServiceException,
  paginateDescribePullThroughCacheRules,
  StandardRetryStrategy,
} from "../../src/index.js";
import { PROPERTY_RUNS } from "../support/arbitraries.js";
import { withRuntime } from "../support/fake-runtime.js";
import { instantRuntime } from "../support/instant-runtime.js";
import { manyRules } from "../support/local-ecr.js";

const TOTAL = 3_000;
const PAGE_SIZE = 100;
const PAGES = TOTAL / PAGE_SIZE;
const MAX_ATTEMPTS = 3;
const RULES = manyRules(TOTAL);
const PREFIXES = RULES.map((rule) => rule.ecrRepositoryPrefix);

/** One request's fate: answered normally, or a scripted fault of the emulator. */
type Step = LocalEcrFault | "ok";

// The standard retry policy's numbers (ECR-API.md "Retries"), for an independent model of the outcome.
const QUOTA = 500;
const COST = { THROTTLING: 5, TRANSIENT: 14 } as const;

/** What the standard policy must make of a storm: the pages that get through, the attempts of each, the quota left. */
function expectedOutcome(storm: readonly Step[], quota = QUOTA) {
  const script = [...storm];
  const attempts: number[] = [];
  for (let page = 0; page < PAGES; page++) {
    let lastRetried: keyof typeof COST | undefined;
    for (let attempt = 1; ; attempt++) {
      const step = script.shift() ?? "ok";
      if (step === "ok") {
        quota = Math.min(QUOTA, quota + (lastRetried === undefined ? 1 : COST[lastRetried]));
        attempts.push(attempt);
        break;
      }
      const type = step.type === "throttle" ? "THROTTLING" : "TRANSIENT";
      if (attempt === MAX_ATTEMPTS || quota < COST[type]) {
        return { pages: page, attempts: [...attempts, attempt], failed: true, quota };
      }
      quota -= COST[type];
      lastRetried = type;
    }
  }
  return { pages: PAGES, attempts, failed: false, quota };
}

const fault = fc.constantFrom<LocalEcrFault>(
  { type: "throttle" },
  { type: "throttle", status: 429 },
  { type: "server-error", status: 503, body: "json" },
  { type: "server-error", status: 502, body: "html" },
  { type: "server-error", status: 500 },
  { type: "server-error", status: 504, body: "empty" },
  { type: "reset" },
  { type: "truncate" },
);
/** Faults before each page's answer: mostly none, sometimes one or two, rarely as many as attempts allow. */
const burst = fc.oneof(
  { weight: 20, arbitrary: fc.constant([]) },
  { weight: 12, arbitrary: fc.array(fault, { minLength: 1, maxLength: 1 }) },
  { weight: 6, arbitrary: fc.array(fault, { minLength: 2, maxLength: 2 }) },
  { weight: 1, arbitrary: fc.array(fault, { minLength: 3, maxLength: 3 }) },
);
const storm = fc
  .array(burst, { minLength: PAGES, maxLength: PAGES })
  .map((bursts) => bursts.flatMap((faults): Step[] => [...faults, "ok"]));

const toFaults = (steps: readonly Step[]): LocalEcrFault[] =>
  steps.map((step) => (step === "ok" ? { type: "delay", ms: 0 } : step));

let ecr: LocalEcr | undefined;
afterEach(async () => {
  await ecr?.close();
  ecr = undefined;
});

async function stormyClient(steps: readonly Step[]) {
  ecr = await startLocalEcr({ rules: RULES, faults: toFaults(steps) });
  const strategy = new StandardRetryStrategy(() => 0.5);
  const sleeps: number[] = [];
  const config = {
    region: ecr.region,
    endpoint: ecr.endpoint,
    credentials: ecr.credentials,
    maxAttempts: MAX_ATTEMPTS,
    retryStrategy: strategy,
  };
  return { ecr, strategy, sleeps, client: new ECRClient(withRuntime(config, instantRuntime(sleeps))) };
}

/** Pages through every rule, collecting what arrived, each page's attempts and the failure, if any. */
async function pageThrough(client: ECRClient) {
  const seen: string[] = [];
  const attempts: number[] = [];
  try {
    for await (const page of paginateDescribePullThroughCacheRules({ client, pageSize: PAGE_SIZE })) {
      for (const rule of page.pullThroughCacheRules ?? []) seen.push(rule.ecrRepositoryPrefix ?? "");
      attempts.push(page.$metadata.attempts ?? 0);
    }
    return { seen, attempts, failure: undefined };
  } catch (failure) {
    return { seen, attempts, failure };
  }
}

function expectOutcome(
  run: Awaited<ReturnType<typeof pageThrough>>,
  expected: ReturnType<typeof expectedOutcome>,
) {
  // Never a gap or a duplicate: what arrived is exactly the first whole pages, in order.
  expect(run.seen).toEqual(PREFIXES.slice(0, expected.pages * PAGE_SIZE));
  expect(run.attempts).toEqual(expected.attempts.slice(0, expected.pages));
  if (!expected.failed) {
    expect(run.failure).toBeUndefined();
    return;
  }
  expect(run.failure instanceof ECRServiceException || run.failure instanceof ECRClientError).toBe(true);
  expect((run.failure as ECRClientError).$metadata.attempts).toBe(expected.attempts.at(-1));
}

describe(`fault storms while paging through ${TOTAL} rules`, () => {
  it("every rule arrives once and in order, or the iteration fails with a typed error; attempts and quota hold", async () => {
    await fc.assert(
      fc.asyncProperty(storm, async (steps) => {
        const { client, strategy, sleeps } = await stormyClient(steps);
        const run = await pageThrough(client);
        client.destroy();
        const expected = expectedOutcome(steps);

        expectOutcome(run, expected);
        expect(Math.max(...expected.attempts)).toBeLessThanOrEqual(MAX_ATTEMPTS);
        expect(strategy.quota).toBe(expected.quota);
        expect(sleeps).toHaveLength(expected.attempts.reduce((sum, n) => sum + n - 1, 0));
        expect(ecr!.requests).toHaveLength(expected.attempts.reduce((sum, n) => sum + n, 0));
      }),
      { ...PROPERTY_RUNS, numRuns: 10 },
    );
  });

  it("a sustained storm drains the retry quota, and then failures are no longer retried", async () => {
    // Two 503s before every page: each page costs 28 tokens and its success refunds 14.
    const steps = Array.from({ length: PAGES }, (): Step[] => [
      { type: "server-error", status: 503 },
      { type: "server-error", status: 503 },
      "ok",
    ]).flat();
    const { client, strategy, ecr: local } = await stormyClient(steps);

    const first = await pageThrough(client);
    const afterFirst = expectedOutcome(steps);
    expectOutcome(first, afterFirst);
    expect(strategy.quota).toBe(afterFirst.quota);

    local.inject(...toFaults(steps));
    const second = await pageThrough(client);
    const afterSecond = expectedOutcome(steps, afterFirst.quota);
    expectOutcome(second, afterSecond);
    expect(afterSecond.failed).toBe(true);
    // Stopped by the quota, not by maxAttempts.
    expect(afterSecond.attempts.at(-1)).toBeLessThan(MAX_ATTEMPTS);
    client.destroy();
  });
});
