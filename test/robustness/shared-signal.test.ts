import { getEventListeners } from "node:events";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type LocalEcr, startLocalEcr } from "../../src/emulator/index.js";
import {
  AbortError,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type HttpRequestHandler,
} from "../../src/index.js";
import { sleep } from "../../src/retry/sleep.js";
import { defaultRequestHandler as fetchRuntimeDefault } from "../../src/transport/defaults.browser.js";
import { withRuntime } from "../support/fake-runtime.js";
import { CREDENTIALS } from "../support/fixtures.js";
import { instantRuntime } from "../support/instant-runtime.js";
import { manyRules } from "../support/local-ecr.js";
import { useScriptedServer } from "../support/scripted-server.js";

const serve = useScriptedServer();
let ecr: LocalEcr | undefined;
afterEach(async () => {
  await ecr?.close();
  ecr = undefined;
});

// Node warns once a signal has more than 10 "abort" listeners; a signal per Lambda invocation or per incoming
// HTTP request is commonly handed to dozens of sends at once.
const warnings: Error[] = [];
const onWarning = (warning: Error): void => {
  if (warning.name === "MaxListenersExceededWarning") warnings.push(warning);
};
beforeAll(() => process.on("warning", onWarning));
afterAll(() => process.off("warning", onWarning));
beforeEach(() => {
  warnings.length = 0;
});
/** Warnings are emitted on a later tick than the listener that caused them. */
const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const SENDS = 60;

const TRANSPORTS: readonly [string, () => HttpRequestHandler | undefined][] = [
  ["Node default transport", () => undefined],
  ["fetch-runtime default transport", () => fetchRuntimeDefault()],
];

function clientFor(local: LocalEcr, transport: () => HttpRequestHandler | undefined): ECRClient {
  const requestHandler = transport();
  return new ECRClient({
    region: local.region,
    endpoint: local.endpoint,
    credentials: local.credentials,
    ...(requestHandler && { requestHandler }),
  });
}

describe.each(TRANSPORTS)("one abort signal shared by many concurrent sends, %s", (_name, transport) => {
  it("aborts exactly the sends that carry it, at once, with one listener on it and none left behind", async () => {
    const rules = manyRules(SENDS);
    // Every answer is held back 150 ms, so the abort at 40 ms finds every send in flight.
    const faults = Array.from({ length: SENDS }, () => ({ type: "delay", ms: 150 }) as const);
    ecr = await startLocalEcr({ rules, faults });
    const client = clientFor(ecr, transport);
    const shared = new AbortController();
    const reason = new Error("the caller gave up");
    const carries = (i: number): boolean => i % 2 === 0;

    const sends = rules.map((rule, i) => {
      const command = new DescribePullThroughCacheRulesCommand({
        ecrRepositoryPrefixes: [rule.ecrRepositoryPrefix],
      });
      return client.send(command, carries(i) ? { abortSignal: shared.signal } : {});
    });
    let listenersInFlight: number | undefined;
    setTimeout(() => {
      listenersInFlight = getEventListeners(shared.signal, "abort").length;
      shared.abort(reason);
    }, 40);
    const outcomes = await Promise.allSettled(sends);
    await settled();

    outcomes.forEach((outcome, i) => {
      if (carries(i)) {
        expect(outcome.status).toBe("rejected");
        const error = (outcome as PromiseRejectedResult).reason as AbortError;
        expect(error).toBeInstanceOf(AbortError);
        expect(error.cause).toBe(reason);
      } else {
        expect(outcome.status).toBe("fulfilled");
        const output = (outcome as PromiseFulfilledResult<Awaited<(typeof sends)[number]>>).value;
        expect(output.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual([
          rules[i]!.ecrRepositoryPrefix,
        ]);
      }
    });
    expect(listenersInFlight).toBe(1);
    expect(warnings).toEqual([]);
    expect(getEventListeners(shared.signal, "abort")).toEqual([]);
    client.destroy();
  });

  it("through a slow credentials provider, a throttled first attempt and a backoff sleep each: one listener at most, no warning", async () => {
    // Each send's first attempt is throttled, its second answered.
    const server = await serve((request) =>
      request.headers["amz-sdk-request"]?.startsWith("attempt=1;")
        ? { status: 429, body: { __type: "ThrottlingException", message: "Rate exceeded" } }
        : { body: { pullThroughCacheRules: [] } },
    );
    const signal = new AbortController().signal;
    let peak = 0;
    const watch = (): void => {
      peak = Math.max(peak, getEventListeners(signal, "abort").length);
    };
    const requestHandler = transport();
    const config = {
      region: "us-east-1",
      endpoint: server.url,
      // Every send waits here together before its first attempt.
      credentials: async () => {
        await sleep(20);
        watch();
        return CREDENTIALS;
      },
      ...(requestHandler && { requestHandler }),
    };
    const runtime = {
      ...instantRuntime([]),
      sleep: (_ms: number, abortSignal?: AbortSignal) => {
        watch();
        return sleep(5, abortSignal);
      },
    };
    const client = new ECRClient(withRuntime(config, runtime));

    const outputs = await Promise.all(
      Array.from({ length: SENDS }, () =>
        client.send(new DescribePullThroughCacheRulesCommand({}), { abortSignal: signal }),
      ),
    );
    await settled();

    expect(outputs.map((output) => output.$metadata.attempts)).toEqual(Array(SENDS).fill(2));
    expect(server.requests).toHaveLength(2 * SENDS);
    expect(peak).toBe(1);
    expect(warnings).toEqual([]);
    expect(getEventListeners(signal, "abort")).toEqual([]);
    client.destroy();
  });
});
