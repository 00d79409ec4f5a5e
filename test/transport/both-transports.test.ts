import { delay, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type ECRClientConfig,
  InvalidParameterException,
} from "../../src/index.js";
import * as fetchDefaults from "../../src/transport/defaults.browser.js";
import { NodeHttpHandler } from "../../src/transport/node-http-handler.js";
import { CREDENTIALS, wireRule } from "../support/fixtures.js";
import { ENDPOINT, capture, respond, useMsw } from "../support/msw.js";
import { expectedSignature, sentSignature } from "../support/sigv4.js";

const { server, requests } = useMsw();

// msw intercepts node:http(s) and fetch alike; a request that escaped it would fail on DNS, so each row proves its path.
const TRANSPORTS: { name: string; config: () => ECRClientConfig }[] = [
  { name: "node:http (Node default)", config: () => ({}) },
  { name: "node:http (explicit)", config: () => ({ requestHandler: new NodeHttpHandler() }) },
  {
    name: "fetch + sha256-js (fetch-runtime defaults)",
    config: () => ({
      requestHandler: fetchDefaults.defaultRequestHandler(),
      sha256: fetchDefaults.defaultSha256,
    }),
  },
];

const client = (config: ECRClientConfig): ECRClient =>
  new ECRClient({ region: "us-east-1", credentials: CREDENTIALS, ...config });

describe.each(TRANSPORTS)("over $name", ({ config }) => {
  it("sends a correctly signed request with its content-length and returns typed output", async () => {
    server.use(
      respond(
        { pullThroughCacheRules: [wireRule(1), wireRule(2)], nextToken: "t" },
        { headers: { "X-Amzn-RequestId": "req-9" } },
      ),
    );
    const output = await client(config()).send(
      new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["docker-hub-1"] }),
    );

    expect(output.pullThroughCacheRules?.map((rule) => rule.ecrRepositoryPrefix)).toEqual([
      "docker-hub-1",
      "docker-hub-2",
    ]);
    expect(output.pullThroughCacheRules?.[1]?.createdAt).toEqual(new Date(1_700_000_002_000));
    expect(output.$metadata).toMatchObject({ httpStatusCode: 200, requestId: "req-9" });
    const [request] = requests;
    expect(request?.body).toBe('{"ecrRepositoryPrefixes":["docker-hub-1"]}');
    expect(request?.headers["content-length"]).toBe(String(request?.body.length));
    expect(sentSignature(request!)).toBe(expectedSignature(request!, CREDENTIALS.secretAccessKey));
  });

  it("maps a service error to its typed exception", async () => {
    server.use(respond({ __type: "InvalidParameterException", message: "bad prefix" }, { status: 400 }));
    const sent = client(config()).send(new DescribePullThroughCacheRulesCommand({}));
    await expect(sent).rejects.toBeInstanceOf(InvalidParameterException);
    await expect(sent).rejects.toMatchObject({ message: "bad prefix", $metadata: { httpStatusCode: 400 } });
  });

  it("never follows a redirect (it would re-send the signed request elsewhere)", async () => {
    server.use(respond("", { status: 307, raw: true, headers: { location: "https://elsewhere.example/" } }));
    const sent = client(config()).send(new DescribePullThroughCacheRulesCommand({}));
    await expect(sent).rejects.toMatchObject({ $metadata: { httpStatusCode: 307 } });
    expect(requests).toHaveLength(1);
  });

  it("aborts a call that is waiting for its response", async () => {
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        await capture(request);
        await delay("infinite");
      }),
    );
    const controller = new AbortController();
    const sent = client(config()).send(new DescribePullThroughCacheRulesCommand({}), {
      abortSignal: controller.signal,
    });
    while (requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await expect(sent).rejects.toBeInstanceOf(AbortError);
  });
});
