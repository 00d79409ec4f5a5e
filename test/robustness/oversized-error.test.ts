import { afterEach, describe, expect, it } from "vitest";
import {
  DeserializationError,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRServiceException,
  type HttpRequestHandler,
} from "../../src/index.js";
import { defaultRequestHandler as fetchRuntimeDefault } from "../../src/transport/defaults.browser.js";
import { withRuntime } from "../support/fake-runtime.js";
import { SESSION_CREDENTIALS } from "../support/fixtures.js";
import { flood, MAX_RESPONSE_BYTES } from "../support/hostile-replies.js";
import { instantRuntime } from "../support/instant-runtime.js";
import { type LoopbackServer, startLoopbackServer } from "../support/loopback-server.js";
import { bundleForChild, runChild } from "../support/run-child.js";

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

const FLOOD_BYTES = 64 * 1024 * 1024;
const HEAD_503 = '{"__type":"ServiceUnavailable"';

const TRANSPORTS: readonly [string, () => HttpRequestHandler | undefined][] = [
  ["Node default transport", () => undefined],
  ["fetch-runtime default transport", () => fetchRuntimeDefault()],
];

async function setUp(status: number, head: string, transport: () => HttpRequestHandler | undefined) {
  const server = await startLoopbackServer(flood(status, head, FLOOD_BYTES));
  servers.push(server);
  const sleeps: number[] = [];
  const requestHandler = transport();
  const config = {
    region: "us-east-1",
    credentials: SESSION_CREDENTIALS,
    endpoint: server.url,
    maxAttempts: 3,
    ...(requestHandler && { requestHandler }),
  };
  const client = new ECRClient(withRuntime(config, instantRuntime(sleeps)));
  const error: unknown = await client.send(new DescribePullThroughCacheRulesCommand({})).then(
    () => expect.fail("send resolved"),
    (reason: unknown) => reason,
  );
  return { server, sleeps, error };
}

describe.each(TRANSPORTS)(
  "a response body far over the 8 MiB cap, over a real socket, %s",
  (_name, transport) => {
    it("a 503 is read up to the cap and stays a retryable 503: retried, then an ECRServiceException", async () => {
      const { server, sleeps, error } = await setUp(503, HEAD_503, transport);

      expect(error).toBeInstanceOf(ECRServiceException);
      const exception = error as ECRServiceException;
      expect(exception.$metadata).toMatchObject({ httpStatusCode: 503, attempts: 3 });
      expect(exception.$fault).toBe("server");
      expect(exception.message).toMatch(
        new RegExp(`^HTTP 503 .*truncated: only its first ${MAX_RESPONSE_BYTES} bytes were read\\)$`),
      );
      expect(exception.$response?.body).toHaveLength(MAX_RESPONSE_BYTES);
      expect(exception.$response?.body.startsWith(`${HEAD_503}   `)).toBe(true);
      expect(server.requests).toHaveLength(3);
      expect(sleeps).toHaveLength(2);
      // The server would go on flooding for 64 MiB: only the client hanging up at the cap closes a connection.
      expect(await server.waitForNoConnections(5_000)).toBe(true);
    });

    it("a 2xx is still refused with a DeserializationError, not retried, its connection closed", async () => {
      const { server, sleeps, error } = await setUp(200, '{"pullThroughCacheRules":[]', transport);

      expect(error).toBeInstanceOf(DeserializationError);
      const refused = error as DeserializationError;
      expect(refused.message).toMatch(`response body is larger than ${MAX_RESPONSE_BYTES} bytes`);
      expect(refused.$metadata).toMatchObject({ httpStatusCode: 200, attempts: 1 });
      expect(server.requests).toHaveLength(1);
      expect(sleeps).toEqual([]);
      expect(await server.waitForNoConnections(5_000)).toBe(true);
    });
  },
);

describe("after a retried 503 far over the cap the process exits by itself", () => {
  it.each(["node", "fetch"])("%s transport: no socket or timer left behind", async (transport) => {
    const server = await startLoopbackServer(flood(503, HEAD_503, FLOOD_BYTES));
    servers.push(server);
    const script = await bundleForChild("test/robustness/fixtures/send-each.ts");

    // The server floods until the child is gone, so only the client can end its connections.
    const run = await runChild(script, [transport, `${server.url}#retry`], 15_000);

    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ name: "Unknown", attempts: 3, status: 503 }),
    ]);
    expect(server.requests).toHaveLength(3);
    // A ref'd socket or timer would hold the child until the 15 s kill; an idle node exits in tens of ms.
    expect(run.lingered).toBeLessThan(3_000);
  });
});
