import { inspect } from "node:util";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  ECRClientError,
  ECRServiceException,
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
  ServerException,
  ValidationException,
} from "../src/index.js";
import { SESSION_CREDENTIALS } from "./support/fixtures.js";
import { capture, ENDPOINT, useMsw } from "./support/msw.js";
import { sentSignature } from "./support/sigv4.js";

const { server, requests } = useMsw();
// One attempt: these tests are about mapping a response to an error; retries are tested in test/resilience/.
const client = new ECRClient({ region: "us-east-1", credentials: SESSION_CREDENTIALS, maxAttempts: 1 });
const JSON_TYPE = { "content-type": "application/x-amz-json-1.1" };

/** Answers with exactly this status, body and headers. */
function reply(status: number, body: string | null, headers: Record<string, string> = JSON_TYPE) {
  return http.post(ENDPOINT, async ({ request }) => {
    await capture(request);
    return new HttpResponse(body, { status, headers });
  });
}

async function failure(
  status: number,
  body: string | null,
  headers?: Record<string, string>,
): Promise<ECRServiceException> {
  server.use(reply(status, body, headers));
  const error: unknown = await client
    .send(new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["quay"] }))
    .catch((e: unknown) => e);
  expect(requests).toHaveLength(1);
  expect(error).toBeInstanceOf(ECRServiceException);
  return error as ECRServiceException;
}

type ErrorClass = abstract new (...args: never[]) => ECRServiceException;

describe("modelled exceptions", () => {
  it.each<[ErrorClass, number, "client" | "server"]>([
    [ServerException, 500, "server"],
    [InvalidParameterException, 400, "client"],
    [ValidationException, 400, "client"],
    [PullThroughCacheRuleNotFoundException, 400, "client"],
  ])("%o", async (Class, status, fault) => {
    const name = Class.name;
    const error = await failure(
      status,
      JSON.stringify({ __type: `com.amazonaws.ecr#${name}`, message: `${name} happened` }),
      {
        ...JSON_TYPE,
        "x-amzn-requestid": `req-${name}`,
        "x-amz-id-2": "ext-id",
        "x-amz-cf-id": "cf-id",
      },
    );
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(ECRServiceException);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ECRClientError);
    expect(error.name).toBe(name);
    expect(error.message).toBe(`${name} happened`);
    expect(error.$fault).toBe(fault);
    expect(error.$metadata).toStrictEqual({
      httpStatusCode: status,
      requestId: `req-${name}`,
      extendedRequestId: "ext-id",
      cfId: "cf-id",
      attempts: 1,
      totalRetryDelay: 0,
    });
    expect(String(error)).toBe(`${name}: ${name} happened`);
  });
});

describe("where the code comes from", () => {
  it.each<[string, number, string, Record<string, string>, string, string]>([
    [
      "body __type",
      400,
      '{"__type":"ValidationException","message":"bad"}',
      {},
      "ValidationException",
      "bad",
    ],
    [
      "body code",
      400,
      '{"code":"InvalidParameterException","Message":"bad token"}',
      {},
      "InvalidParameterException",
      "bad token",
    ],
    [
      "x-amzn-errortype header",
      400,
      '{"message":"x"}',
      {
        "x-amzn-errortype":
          "PullThroughCacheRuleNotFoundException:http://internal.amazon.com/coral/com.amazonaws.ecr/",
      },
      "PullThroughCacheRuleNotFoundException",
      "x",
    ],
    [
      "__type beats code and the header",
      400,
      '{"__type":"ValidationException","code":"InvalidParameterException","message":"m"}',
      { "x-amzn-errortype": "ServerException" },
      "ValidationException",
      "m",
    ],
    [
      "code beats the header",
      400,
      '{"code":"ValidationException","message":"m"}',
      { "x-amzn-errortype": "InvalidParameterException" },
      "ValidationException",
      "m",
    ],
    [
      "message beats Message",
      400,
      '{"__type":"ValidationException","message":"lower","Message":"upper"}',
      {},
      "ValidationException",
      "lower",
    ],
    [
      "Message when there is no message",
      400,
      '{"__type":"ValidationException","Message":"upper"}',
      {},
      "ValidationException",
      "upper",
    ],
  ])("%s", async (_, status, body, headers, name, message) => {
    const error = await failure(status, body, { ...JSON_TYPE, ...headers });
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
  });
});

describe("unknown and missing codes", () => {
  it.each<[string, number, string | null, Record<string, string>, string, "client" | "server", RegExp]>([
    [
      "an unknown 4xx code",
      400,
      '{"__type":"com.amazonaws.ecr#ThrottlingException","message":"Rate exceeded"}',
      JSON_TYPE,
      "ThrottlingException",
      "client",
      /^Rate exceeded$/,
    ],
    [
      "an unknown 5xx code",
      503,
      '{"__type":"ServiceUnavailableException","message":"down"}',
      JSON_TYPE,
      "ServiceUnavailableException",
      "server",
      /^down$/,
    ],
    [
      "an unknown code in the header",
      429,
      '{"message":"slow down"}',
      { ...JSON_TYPE, "x-amzn-errortype": "TooManyRequestsException" },
      "TooManyRequestsException",
      "client",
      /^slow down$/,
    ],
    ["no code, 4xx", 403, '{"message":"denied"}', JSON_TYPE, "Unknown", "client", /^denied$/],
    [
      "no code, 5xx, no message",
      500,
      "{}",
      JSON_TYPE,
      "Unknown",
      "server",
      /^Unknown: HTTP 500 with no error message$/,
    ],
    [
      "an HTML 502 from a proxy",
      502,
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n</html>",
      { "content-type": "text/html" },
      "Unknown",
      "server",
      /^HTTP 502 with a body that is not a JSON object \(text\/html\): "<html> <head><title>502 Bad Gateway<\/title><\/head> <\/html>"$/,
    ],
    ["an empty 503", 503, null, {}, "Unknown", "server", /^HTTP 503 with an empty body \(no content-type\)$/],
    [
      "an empty 504 with a content-type",
      504,
      null,
      { "content-type": "application/json" },
      "Unknown",
      "server",
      /^HTTP 504 with an empty body \(application\/json\)$/,
    ],
    [
      "plain text 400",
      400,
      "Bad Request",
      { "content-type": "text/plain" },
      "Unknown",
      "client",
      /^HTTP 400 with a body that is not a JSON object \(text\/plain\): "Bad Request"$/,
    ],
  ])("%s", async (_, status, body, headers, name, fault, message) => {
    const error = await failure(status, body, { ...headers, "x-amz-request-id": "req-s3-style" });
    expect(error.constructor).toBe(ECRServiceException);
    expect(error.name).toBe(name);
    expect(error.$fault).toBe(fault);
    expect(error.message).toMatch(message);
    expect(error.$metadata).toStrictEqual({
      httpStatusCode: status,
      requestId: "req-s3-style",
      attempts: 1,
      totalRetryDelay: 0,
    });
  });
});

describe("$metadata.requestId", () => {
  it.each<[Record<string, string>, string | undefined]>([
    [{ "x-amzn-requestid": "a", "x-amzn-request-id": "b", "x-amz-request-id": "c" }, "a"],
    [{ "x-amzn-request-id": "b", "x-amz-request-id": "c" }, "b"],
    [{ "x-amz-request-id": "c" }, "c"],
    [{}, undefined],
  ])("%j → %s", async (headers, requestId) => {
    const error = await failure(500, '{"__type":"ServerException"}', { ...JSON_TYPE, ...headers });
    expect(error.$metadata.requestId).toBe(requestId);
  });
});

describe("$response", () => {
  it("holds the raw response but is not enumerable, so it stays out of logs and JSON", async () => {
    const body = '{"__type":"ValidationException","message":"bad","detail":"only-in-raw-body"}';
    const error = await failure(400, body, { ...JSON_TYPE, "x-amzn-requestid": "r" });
    expect(error.$response).toMatchObject({
      statusCode: 400,
      body,
      headers: { "x-amzn-requestid": "r", "content-type": "application/x-amz-json-1.1" },
    });
    expect(Object.getOwnPropertyDescriptor(error, "$response")?.enumerable).toBe(false);
    expect(Object.keys(error)).toEqual(expect.not.arrayContaining(["$response"]));
    expect(JSON.stringify(error)).not.toContain("only-in-raw-body");
    expect(inspect(error)).not.toContain("only-in-raw-body");
  });

  it("redacts the signature and session token a debugging proxy echoes back", async () => {
    server.use(
      http.post(ENDPOINT, async ({ request }) => {
        await capture(request);
        // Echo the two secrets first, so they fall inside the excerpt.
        const authorization = request.headers.get("authorization") ?? "";
        const token = request.headers.get("x-amz-security-token") ?? "";
        const echo = `x-amz-security-token: ${token}\nauthorization: …${authorization.slice(authorization.indexOf("Signature="))}`;
        return new HttpResponse(`<pre>${echo}</pre>`, {
          status: 400,
          headers: { "content-type": "text/html" },
        });
      }),
    );
    const error: unknown = await client
      .send(new DescribePullThroughCacheRulesCommand())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ECRServiceException);
    const { message } = error as ECRServiceException;
    expect(message).toMatch(/^HTTP 400 with a body that is not a JSON object \(text\/html\): "<pre>/);
    expect(message).toContain("Signature=<redacted>");
    expect(message).not.toContain(SESSION_CREDENTIALS.sessionToken);
    expect(message).not.toContain(sentSignature(requests[0]!));
  });

  it("carries no secret of the request", async () => {
    const error = await failure(400, '{"__type":"ValidationException","message":"bad"}');
    const shown = [
      inspect(error, { showHidden: true, depth: 10 }),
      JSON.stringify(error),
      JSON.stringify(error.$response),
      String(error.stack),
    ].join("\n");
    expect(shown).not.toContain(SESSION_CREDENTIALS.secretAccessKey);
    expect(shown).not.toContain(SESSION_CREDENTIALS.sessionToken);
    expect(shown).not.toMatch(/Signature=/);
  });
});
