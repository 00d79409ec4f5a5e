import { afterEach, describe, expect, it } from "vitest";
import { DescribePullThroughCacheRulesCommand, ECRClient } from "../../src/index.js";
import { SESSION_CREDENTIALS } from "../support/fixtures.js";
import { expectedSignature, sentSignature } from "../support/sigv4.js";
import { type LoopbackServer, startLoopbackServer } from "../support/loopback-server.js";

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SENDS = 200;

describe("concurrency: one client, many sends in flight", () => {
  it(`${SENDS} concurrent sends all succeed, each with its own answer, after one credential resolution`, async () => {
    // Answers out of order (a later request may finish first) with a rule named after the request's prefix.
    server = await startLoopbackServer((request, response) => {
      const { ecrRepositoryPrefixes } = JSON.parse(request.body) as { ecrRepositoryPrefixes: string[] };
      const prefix = ecrRepositoryPrefixes[0]!;
      const delay = (Number(prefix.slice(2)) * 7) % 23;
      setTimeout(() => {
        response.writeHead(200, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-requestid": `req-${prefix}`,
        });
        response.end(
          JSON.stringify({
            pullThroughCacheRules: [{ ecrRepositoryPrefix: prefix, createdAt: 1_700_000_000 }],
          }),
        );
      }, delay);
    });
    let resolutions = 0;
    const credentials = async () => {
      resolutions += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return SESSION_CREDENTIALS;
    };
    const client = new ECRClient({ region: "us-east-1", credentials, endpoint: server.url });
    const prefixes = Array.from({ length: SENDS }, (_, i) => `p-${i}`);

    const outputs = await Promise.all(
      prefixes.map((prefix) =>
        client.send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: [prefix] })),
      ),
    );

    expect(outputs.map((output) => output.pullThroughCacheRules?.[0]?.ecrRepositoryPrefix)).toEqual(prefixes);
    expect(outputs.map((output) => output.$metadata.requestId)).toEqual(
      prefixes.map((prefix) => `req-${prefix}`),
    );
    expect(server.requests).toHaveLength(SENDS);
    expect(resolutions).toBe(1);
    // Every request carried its own body, signed for that body (no shared mutable request between sends).
    const bodies = server.requests.map((request) => request.body).sort();
    expect(bodies).toEqual(
      prefixes.map((prefix) => JSON.stringify({ ecrRepositoryPrefixes: [prefix] })).sort(),
    );
    for (const { method, url, headers, body } of server.requests) {
      const captured = { method, path: url, headers: headers as Record<string, string>, body };
      expect(sentSignature(captured)).toBe(expectedSignature(captured, SESSION_CREDENTIALS.secretAccessKey));
    }
    client.destroy();
  });
});
