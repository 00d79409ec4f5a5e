import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRClientError,
  ECRServiceException,
} from "../../src/index.js";
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

describe("hostile server over a real loopback socket", () => {
  it.each(HOSTILE_SCENARIOS)("$name → $error", async (scenario) => {
    const server = await serve(scenario.reply);
    const client = new ECRClient({
      region: "us-east-1",
      credentials: SESSION_CREDENTIALS,
      endpoint: server.url,
    });
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

  it("never follows a redirect: the session token must not travel to another origin", async () => {
    const elsewhere = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
      response.end("{}");
    });
    const server = await serve((_request, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/` });
      response.end();
    });
    const client = new ECRClient({
      region: "us-east-1",
      credentials: SESSION_CREDENTIALS,
      endpoint: server.url,
    });

    const error = await client
      .send(new DescribePullThroughCacheRulesCommand({}))
      .catch((reason: unknown) => reason);

    expect(elsewhere.requests).toEqual([]);
    expect(error).toBeInstanceOf(ECRServiceException);
    expect(error).toMatchObject({ name: "Unknown", $fault: "client", $metadata: { httpStatusCode: 307 } });
    client.destroy();
  });
});
