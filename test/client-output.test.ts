import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { DescribePullThroughCacheRulesCommand, DeserializationError, ECRClient } from "../src/index.js";
import { CREDENTIALS, wireRule } from "./support/fixtures.js";
import { capture, ENDPOINT, respond, useMsw } from "./support/msw.js";

const { server } = useMsw();
const client = new ECRClient({ region: "us-east-1", credentials: CREDENTIALS });
const send = () => client.send(new DescribePullThroughCacheRulesCommand({}));
const IDS = { "x-amzn-requestid": "req-ok", "x-amz-id-2": "ext-2", "x-amz-cf-id": "cf-3" };

/** Answers with raw bytes or text and exactly the given headers. */
function reply(status: number, body: string | Uint8Array | null, headers: Record<string, string>) {
  return http.post(ENDPOINT, async ({ request }) => {
    await capture(request);
    return new HttpResponse(body, { status, headers });
  });
}

describe("typed output", () => {
  it("returns all nine members with Dates and the full $metadata", async () => {
    server.use(
      respond(
        { pullThroughCacheRules: [wireRule(1), null, wireRule(2)], nextToken: "page-2", futureMember: true },
        { headers: IDS },
      ),
    );
    const output = await send();
    expect(output).toStrictEqual({
      $metadata: {
        httpStatusCode: 200,
        requestId: "req-ok",
        extendedRequestId: "ext-2",
        cfId: "cf-3",
        attempts: 1,
        totalRetryDelay: 0,
      },
      nextToken: "page-2",
      pullThroughCacheRules: [1, 2].map((i) => ({
        ecrRepositoryPrefix: `docker-hub-${i}`,
        upstreamRegistryUrl: "registry-1.docker.io",
        createdAt: new Date((1_700_000_000 + i) * 1000),
        registryId: "012345678901",
        credentialArn: `arn:aws:secretsmanager:us-east-1:012345678901:secret:ecr-pullthroughcache/docker-hub-${i}`,
        customRoleArn: "arn:aws:iam::012345678901:role/ptc",
        upstreamRepositoryPrefix: `library-${i}`,
        upstreamRegistry: "docker-hub",
        updatedAt: new Date(1_700_000_000_500),
      })),
    });
  });

  it("reads E-notation and numeric-string dates from the raw wire text", async () => {
    const body = '{"pullThroughCacheRules":[{"createdAt":1.563223656E9,"updatedAt":"1563223656.789"}]}';
    server.use(reply(200, body, { "content-type": "application/x-amz-json-1.1" }));
    const [rule] = (await send()).pullThroughCacheRules ?? [];
    expect(rule).toStrictEqual({
      createdAt: new Date(1_563_223_656_000),
      updatedAt: new Date(1_563_223_656_789),
    });
  });

  it("returns only $metadata for an empty page", async () => {
    server.use(respond({ pullThroughCacheRules: null, nextToken: null }));
    expect(await send()).toStrictEqual({
      $metadata: { httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
  });
});

describe("2xx bodies that are not the documented shape", () => {
  const JSON_TYPE = { "content-type": "application/x-amz-json-1.1", ...IDS };
  it.each<[string, string | Uint8Array | null, string, RegExp]>([
    ["invalid JSON", '{"pullThroughCacheRules":[{"createdAt":1', "", /^response body is not valid JSON: /],
    [
      "an HTML page with status 200",
      "<html>captive portal</html>",
      "",
      /not valid JSON: "<html>captive portal<\/html>"/,
    ],
    ["an empty body", null, "", /^response body is empty$/],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]), "", /not valid UTF-8/],
    ["a JSON array root", "[]", "", /must be a JSON object/],
    ["a JSON string root", '"rules"', "", /must be a JSON object/],
    ["a JSON null root", "null", "", /must be a JSON object/],
    [
      "rules that are not a list",
      '{"pullThroughCacheRules":{}}',
      "pullThroughCacheRules",
      /expected an array/,
    ],
    [
      "a rule that is not an object",
      '{"pullThroughCacheRules":[{},1]}',
      "pullThroughCacheRules[1]",
      /expected an object/,
    ],
    [
      "a junk date",
      '{"pullThroughCacheRules":[{},null,{},{"createdAt":"soon"}]}',
      "pullThroughCacheRules[3].createdAt",
      /got the string "soon"/,
    ],
    [
      "an out-of-range date",
      '{"pullThroughCacheRules":[{"updatedAt":1e20}]}',
      "pullThroughCacheRules[0].updatedAt",
      /outside the range/,
    ],
    [
      "a boolean date",
      '{"pullThroughCacheRules":[{"createdAt":true}]}',
      "pullThroughCacheRules[0].createdAt",
      /got boolean true/,
    ],
    [
      "a numeric registry id",
      '{"pullThroughCacheRules":[{"registryId":12}]}',
      "pullThroughCacheRules[0].registryId",
      /expected a string/,
    ],
    ["a numeric next token", '{"nextToken":2}', "nextToken", /expected a string/],
  ])("%s → DeserializationError with $metadata", async (_, body, path, message) => {
    server.use(reply(200, body, JSON_TYPE));
    const error: unknown = await send().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeserializationError);
    const typed = error as DeserializationError;
    expect(typed.name).toBe("DeserializationError");
    expect(typed.path).toBe(path);
    expect(typed.message).toMatch(
      path ? new RegExp(`^${path.replace(/[[\].]/g, "\\$&")}: `) : /^response body/,
    );
    expect(typed.message).toMatch(message);
    expect(typed.$metadata).toStrictEqual({
      httpStatusCode: 200,
      requestId: "req-ok",
      extendedRequestId: "ext-2",
      cfId: "cf-3",
      attempts: 1,
      totalRetryDelay: 0,
    });
    expect(error).not.toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(SyntaxError);
  });
});
