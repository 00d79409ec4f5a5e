import { describe, expect, it } from "vitest";
import { DescribePullThroughCacheRulesCommand, ECRClient } from "../src/index.js";
import { CREDENTIALS, SESSION_CREDENTIALS, wireRule } from "./support/fixtures.js";
import { respond, useMsw } from "./support/msw.js";
import { expectedSignature, sentSignature } from "./support/sigv4.js";

const { server, requests } = useMsw();

describe("ECRClient.send over fetch (msw)", () => {
  it("sends a signed awsJson 1.1 request and returns typed output", async () => {
    server.use(
      respond(
        { pullThroughCacheRules: [wireRule(1)], nextToken: "t2" },
        { headers: { "x-amzn-requestid": "req-1" } },
      ),
    );
    const client = new ECRClient({ region: "us-east-1", credentials: CREDENTIALS });
    const output = await client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 5 }));

    expect(output.nextToken).toBe("t2");
    expect(output.pullThroughCacheRules?.[0]?.createdAt).toEqual(new Date(1_700_000_001_000));
    expect(output.$metadata).toMatchObject({ httpStatusCode: 200, requestId: "req-1", attempts: 1 });
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/");
    expect(request?.body).toBe('{"maxResults":5}');
    expect(request?.headers["x-amz-target"]).toBe(
      "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules",
    );
    expect(request?.headers["content-type"]).toBe("application/x-amz-json-1.1");
    expect(sentSignature(request!)).toBe(expectedSignature(request!, CREDENTIALS.secretAccessKey));
  });

  it("signs the session token", async () => {
    server.use(respond({}));
    const client = new ECRClient({ region: "us-east-1", credentials: SESSION_CREDENTIALS });
    await client.send(new DescribePullThroughCacheRulesCommand());
    const [request] = requests;
    expect(request?.headers["x-amz-security-token"]).toBe(SESSION_CREDENTIALS.sessionToken);
    expect(request?.headers["authorization"]).toContain("x-amz-security-token");
    expect(request?.body).toBe("{}");
    expect(sentSignature(request!)).toBe(expectedSignature(request!, SESSION_CREDENTIALS.secretAccessKey));
  });
});
