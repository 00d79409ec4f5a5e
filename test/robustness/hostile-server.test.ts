import { NodeHttpHandler } from "@smithy/node-http-handler";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRClientError,
  ECRServiceException,
  type HttpRequestHandler,
  TimeoutError,
} from "../../src/index.js";
import { defaultRequestHandler as fetchRuntimeDefault } from "../../src/transport/defaults.browser.js";
import { SESSION_CREDENTIALS } from "../support/fixtures.js";
import { HOSTILE_SCENARIOS } from "../support/hostile-replies.js";
import { type LoopbackServer, startLoopbackServer } from "../support/loopback-server.js";

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};
beforeAll(() => process.on("unhandledRejection", onUnhandled));
afterAll(() => process.off("unhandledRejection", onUnhandled));

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

async function serve(reply: Parameters<typeof startLoopbackServer>[0]): Promise<LoopbackServer> {
  const server = await startLoopbackServer(reply);
  servers.push(server);
  return server;
}

/** The transports the client is used with: its defaults (Node, and fetch runtimes), and the SDK's Node handler. */
const TRANSPORTS: readonly [string, () => HttpRequestHandler | undefined][] = [
  ["Node default transport", () => undefined],
  ["fetch-runtime default transport", () => fetchRuntimeDefault()],
  ["@smithy/node-http-handler", () => new NodeHttpHandler()],
];

function clientFor(server: LoopbackServer, transport: () => HttpRequestHandler | undefined): ECRClient {
  const requestHandler = transport();
  return new ECRClient({
    region: "us-east-1",
    credentials: SESSION_CREDENTIALS,
    // One attempt: each scenario is about one response (retries of the retryable ones are tested elsewhere).
    maxAttempts: 1,
    endpoint: server.url,
    ...(requestHandler && { requestHandler }),
  });
}

describe.each(TRANSPORTS)("hostile server over a real loopback socket, %s", (_name, transport) => {
  it.each(HOSTILE_SCENARIOS)("$name → $error", async (scenario) => {
    const server = await serve(scenario.reply);
    const client = clientFor(server, transport);
    const abortSignal = scenario.stalls ? AbortSignal.timeout(300) : undefined;

    const error: unknown = await client
      .send(new DescribePullThroughCacheRulesCommand({}), { abortSignal })
      .then(
        () => expect.fail("send resolved"),
        (reason: unknown) => reason,
      );

    expect(error instanceof ECRClientError || error instanceof ECRServiceException).toBe(true);
    const typed = error as ECRClientError | ECRServiceException;
    expect(typed.name).toBe(scenario.error);
    expect(typed.message).toMatch(scenario.message);
    expect(typed.$metadata).toMatchObject({ attempts: 1 });
    if (scenario.status !== undefined) expect(typed.$metadata.httpStatusCode).toBe(scenario.status);
    expect(server.requests).toHaveLength(1);
    client.destroy();
    expect(unhandled).toEqual([]);
  });

  it.each(HOSTILE_SCENARIOS.filter((scenario) => scenario.stalls))(
    "$name → TimeoutError after every attempt timed out (requestTimeout)",
    async (scenario) => {
      const server = await serve(scenario.reply);
      const requestHandler = transport();
      const client = new ECRClient({
        region: "us-east-1",
        credentials: SESSION_CREDENTIALS,
        endpoint: server.url,
        maxAttempts: 2,
        requestTimeout: 150,
        ...(requestHandler && { requestHandler }),
      });

      const error = await client
        .send(new DescribePullThroughCacheRulesCommand({}))
        .catch((reason: unknown) => reason);

      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).message).toMatch(/requestTimeout \(150 ms\)/);
      expect((error as TimeoutError).$metadata.attempts).toBe(2);
      expect(server.requests).toHaveLength(2);
      client.destroy();
    },
  );

  it("never follows a redirect: the session token must not travel to another origin", async () => {
    const elsewhere = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      response.end("{}");
    });
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/` });
      response.end();
    });
    const client = clientFor(server, transport);

    const error = await client
      .send(new DescribePullThroughCacheRulesCommand({}))
      .catch((reason: unknown) => reason);

    expect(elsewhere.requests).toEqual([]);
    expect(error).toBeInstanceOf(ECRServiceException);
    expect(error).toMatchObject({ name: "Unknown", $fault: "client", $metadata: { httpStatusCode: 307 } });
    client.destroy();
  });
});
