import { setTimeout as delay } from "node:timers/promises";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AbortError,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type ECRClientConfig,
  type HttpRequestHandler,
  type Logger,
  TimeoutError,
} from "../../src/index.js";
import { sleep } from "../../src/retry/sleep.js";
import { fakeRuntime, withRuntime } from "../support/fake-runtime.js";
import { CREDENTIALS } from "../support/fixtures.js";
import { type ScriptedResponse, type ScriptedServer, useScriptedServer } from "../support/scripted-server.js";

const start = useScriptedServer();
const OK: ScriptedResponse = { body: {} };
/** "At once", with a wide margin for a loaded 2-core CI machine (the waits it cuts short are ≥ 15 s). */
const PROMPT_MS = 1_000;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

// Aborts and time-outs must hold with any Smithy handler that honours `abortSignal`: the default (fetch) and
// Smithy's node:http one. Handlers are made per client and destroyed after each test.
const handlers: [string, (() => HttpRequestHandler) | undefined][] = [
  ["FetchHttpHandler (default)", undefined],
  ["NodeHttpHandler", () => new NodeHttpHandler()],
  ["a handler that ignores abortSignal", () => deafTo(new NodeHttpHandler())],
];

function asHandler(handler: HttpRequestHandler): HttpRequestHandler {
  return handler;
}

/** A transport that never looks at the abort signal: the client alone must still stop at once. */
function deafTo(inner: NodeHttpHandler): HttpRequestHandler {
  return {
    handle: (request) => asHandler(inner).handle(request),
    destroy: () => {
      inner.destroy();
    },
  };
}
let makeHandler: (() => HttpRequestHandler) | undefined;
const clients: ECRClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});

function clientFor(server: ScriptedServer, config: ECRClientConfig = {}, runtime = fakeRuntime()): ECRClient {
  const requestHandler = makeHandler?.();
  const client = new ECRClient(
    withRuntime(
      {
        region: "us-east-1",
        credentials: CREDENTIALS,
        endpoint: server.url,
        ...(requestHandler ? { requestHandler } : {}),
        ...config,
      },
      runtime,
    ),
  );
  clients.push(client);
  return client;
}

async function failureOf(promise: Promise<unknown>): Promise<Error & { $metadata: Record<string, unknown> }> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as Error & { $metadata: Record<string, unknown> },
  );
}

async function untilRequests(server: ScriptedServer, count: number): Promise<void> {
  while (server.requests.length < count) await delay(2);
}

describe.each(handlers)("with %s", (_name, handler) => {
  beforeEach(() => {
    makeHandler = handler;
  });

  describe("abortSignal", () => {
    it("aborts an in-flight request at once, with an AbortError, and sends nothing more", async () => {
      const server = await start([{ action: "stall" }]);
      const controller = new AbortController();
      const pending = failureOf(
        clientFor(server).send(new DescribePullThroughCacheRulesCommand(), {
          abortSignal: controller.signal,
        }),
      );
      await untilRequests(server, 1);
      const abortedAt = performance.now();
      controller.abort();
      const failure = await pending;
      expect(performance.now() - abortedAt).toBeLessThan(PROMPT_MS);
      expect(failure).toBeInstanceOf(AbortError);
      expect(failure.name).toBe("AbortError");
      expect(failure.message).toBe("the request was aborted");
      expect(failure.$metadata).toMatchObject({ attempts: 1 });
      await delay(50);
      expect(server.requests).toHaveLength(1);
    });

    it("aborts the backoff sleep at once and never sends the retry", async () => {
      // A throttled answer asking for 15 s: the real sleep would wait that long.
      const server = await start([
        { status: 429, headers: { "retry-after": "15" }, body: { __type: "ThrottlingException" } },
        OK,
      ]);
      const controller = new AbortController();
      let abortedAt = 0;
      // The debug line of the failed attempt is written right before the sleep starts.
      const logger: Logger = {
        ...silent,
        debug() {
          abortedAt = performance.now();
          controller.abort();
        },
      };
      const runtime = fakeRuntime({ sleep });
      const pending = failureOf(
        clientFor(server, { logger }, runtime).send(new DescribePullThroughCacheRulesCommand(), {
          abortSignal: controller.signal,
        }),
      );
      const failure = await pending;
      expect(performance.now() - abortedAt).toBeLessThan(PROMPT_MS);
      expect(failure.name).toBe("AbortError");
      expect(failure.cause).toMatchObject({ name: "ThrottlingException" });
      expect(failure.$metadata).toMatchObject({ httpStatusCode: 429, attempts: 1, totalRetryDelay: 0 });
      await delay(50);
      expect(server.requests).toHaveLength(1);
    });

    it("treats AbortSignal.timeout() as an abort: AbortError, not retried", async () => {
      const server = await start([OK, { action: "stall" }, OK]);
      const client = clientFor(server, { maxAttempts: 3 });
      await client.send(new DescribePullThroughCacheRulesCommand()); // warm the transport, as in the time-out tests
      const failure = await failureOf(
        client.send(new DescribePullThroughCacheRulesCommand(), { abortSignal: AbortSignal.timeout(200) }),
      );
      expect(failure).toBeInstanceOf(AbortError);
      expect(failure.message).toBe("the abort signal timed out");
      expect(failure.$metadata.attempts).toBe(1);
      expect(server.requests.length).toBeLessThanOrEqual(2);
    });

    it("sends nothing when the signal has already fired", async () => {
      const server = await start([OK]);
      const failure = await failureOf(
        clientFor(server).send(new DescribePullThroughCacheRulesCommand(), {
          abortSignal: AbortSignal.abort(),
        }),
      );
      expect(failure.name).toBe("AbortError");
      expect(server.requests).toHaveLength(0);
    });

    it("aborts while the response body is stalled", async () => {
      const server = await start([{ action: "stall-body", body: { pullThroughCacheRules: [] } }]);
      const controller = new AbortController();
      const pending = failureOf(
        clientFor(server).send(new DescribePullThroughCacheRulesCommand(), {
          abortSignal: controller.signal,
        }),
      );
      await untilRequests(server, 1);
      await delay(20);
      controller.abort();
      const failure = await pending;
      expect(failure.name).toBe("AbortError");
      expect(failure.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
    });

    it("aborts a credentials provider that never answers", async () => {
      const server = await start([OK]);
      const never = (): Promise<never> => new Promise(() => {});
      const failure = await failureOf(
        clientFor(server, { credentials: never }).send(new DescribePullThroughCacheRulesCommand(), {
          abortSignal: AbortSignal.timeout(30),
        }),
      );
      expect(failure.name).toBe("AbortError");
      expect(server.requests).toHaveLength(0);
    });
  });

  describe("requestTimeout", () => {
    // Each test first sends one request that succeeds, so the transport is warm (the first fetch of a process
    // loads undici) and the time-out measures the scripted stall only.
    const TIMEOUT = 200;

    it("turns a server that never answers into a TimeoutError that is retried", async () => {
      const server = await start([OK, { action: "stall" }, OK]);
      const client = clientFor(server, { requestTimeout: TIMEOUT });
      await client.send(new DescribePullThroughCacheRulesCommand());
      const output = await client.send(new DescribePullThroughCacheRulesCommand());
      expect(output.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2, totalRetryDelay: 25 });
      expect(server.requests).toHaveLength(3);
    });

    it("times out a body that stalls after the headers, on every attempt", async () => {
      const server = await start([OK, { action: "stall-body", body: { pullThroughCacheRules: [] } }]);
      const client = clientFor(server, { requestTimeout: TIMEOUT, maxAttempts: 2 });
      await client.send(new DescribePullThroughCacheRulesCommand());
      const failure = await failureOf(client.send(new DescribePullThroughCacheRulesCommand()));
      expect(failure).toBeInstanceOf(TimeoutError);
      expect(failure.message).toContain(`requestTimeout (${TIMEOUT} ms)`);
      expect(failure.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 2 });
      expect(server.requests).toHaveLength(3);
    });

    it("does not cut a response that arrives in time", async () => {
      const server = await start([{ ...OK, delay: 10 }]);
      const output = await clientFor(server, { requestTimeout: 2_000 }).send(
        new DescribePullThroughCacheRulesCommand(),
      );
      expect(output.$metadata.attempts).toBe(1);
    });

    it.each([0, -5, Number.NaN])("rejects requestTimeout %s when the client is made", (requestTimeout) => {
      expect(() => new ECRClient({ requestTimeout })).toThrow(/requestTimeout must be/);
    });
  });
});
