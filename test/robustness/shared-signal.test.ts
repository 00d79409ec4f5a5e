import { getEventListeners, setMaxListeners } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { type LocalEcr, startLocalEcr } from "../../src/emulator/index.js";
import { AbortError, DescribePullThroughCacheRulesCommand, ECRClient } from "../../src/index.js";
import { manyRules } from "../support/local-ecr.js";

let ecr: LocalEcr | undefined;
afterEach(async () => {
  await ecr?.close();
  ecr = undefined;
});

const SENDS = 60;

describe("one abort signal shared by many concurrent sends (a Lambda's deadline, an HTTP request's signal)", () => {
  it("aborts exactly the sends that carry it, leaves the others alone, and keeps no listener behind", async () => {
    const rules = manyRules(SENDS);
    // Every answer is held back 150 ms, so the abort at 40 ms finds every send in flight.
    const faults = Array.from({ length: SENDS }, () => ({ type: "delay", ms: 150 }) as const);
    ecr = await startLocalEcr({ rules, faults });
    const client = new ECRClient({
      region: ecr.region,
      endpoint: ecr.endpoint,
      credentials: ecr.credentials,
    });
    const shared = new AbortController();
    // Each send in flight listens on the caller's signal, so more than 10 at once trip Node's
    // MaxListenersExceededWarning (as with fetch); raising the limit is what a caller does today.
    setMaxListeners(4 * SENDS, shared.signal);
    const carries = (i: number): boolean => i % 2 === 0;

    const sends = rules.map((rule, i) => {
      const command = new DescribePullThroughCacheRulesCommand({
        ecrRepositoryPrefixes: [rule.ecrRepositoryPrefix],
      });
      return client.send(command, carries(i) ? { abortSignal: shared.signal } : {});
    });
    setTimeout(() => {
      shared.abort();
    }, 40);
    const outcomes = await Promise.allSettled(sends);

    outcomes.forEach((outcome, i) => {
      if (carries(i)) {
        expect(outcome.status).toBe("rejected");
        expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(AbortError);
      } else {
        expect(outcome.status).toBe("fulfilled");
        const output = (outcome as PromiseFulfilledResult<Awaited<(typeof sends)[number]>>).value;
        expect(output.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual([
          rules[i]!.ecrRepositoryPrefix,
        ]);
      }
    });
    expect(getEventListeners(shared.signal, "abort")).toEqual([]);
    client.destroy();
  });

  it("a signal that never fires keeps no listener once every send is done", async () => {
    ecr = await startLocalEcr({ rules: manyRules(SENDS) });
    const client = new ECRClient({
      region: ecr.region,
      endpoint: ecr.endpoint,
      credentials: ecr.credentials,
    });
    const signal = new AbortController().signal;
    setMaxListeners(4 * SENDS, signal);

    await Promise.all(
      Array.from({ length: SENDS }, () =>
        client.send(new DescribePullThroughCacheRulesCommand({}), { abortSignal: signal }),
      ),
    );

    expect(getEventListeners(signal, "abort")).toEqual([]);
    client.destroy();
  });
});
