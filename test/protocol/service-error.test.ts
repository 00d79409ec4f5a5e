import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ECRServiceException,
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
  ServerException,
  ValidationException,
  type ResponseMetadata,
} from "../../src/index.js";
import { MAX_MESSAGE_LENGTH, toServiceException } from "../../src/protocol/service-error.js";

const $metadata: ResponseMetadata = { httpStatusCode: 400, requestId: "req-e" };
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const JSON_TYPE = { "content-type": "application/x-amz-json-1.1" };

function convert(
  statusCode: number,
  body: string | Uint8Array,
  headers: Record<string, string> = JSON_TYPE,
): ECRServiceException {
  return toServiceException(
    { statusCode, headers, body: typeof body === "string" ? encode(body) : body },
    $metadata,
  );
}

describe("toServiceException: code → class", () => {
  it.each<
    [
      string,
      number,
      string,
      Record<string, string> | undefined,
      abstract new (...args: never[]) => ECRServiceException,
      string,
      "client" | "server",
    ]
  >([
    [
      "ServerException",
      500,
      '{"__type":"ServerException","message":"m"}',
      undefined,
      ServerException,
      "ServerException",
      "server",
    ],
    [
      "InvalidParameterException",
      400,
      '{"__type":"InvalidParameterException","message":"m"}',
      undefined,
      InvalidParameterException,
      "InvalidParameterException",
      "client",
    ],
    [
      "ValidationException",
      400,
      '{"__type":"ValidationException","message":"m"}',
      undefined,
      ValidationException,
      "ValidationException",
      "client",
    ],
    [
      "PullThroughCacheRuleNotFoundException",
      400,
      '{"__type":"PullThroughCacheRuleNotFoundException","message":"m"}',
      undefined,
      PullThroughCacheRuleNotFoundException,
      "PullThroughCacheRuleNotFoundException",
      "client",
    ],
    [
      "a namespaced __type",
      400,
      '{"__type":"com.amazonaws.ecr#PullThroughCacheRuleNotFoundException"}',
      undefined,
      PullThroughCacheRuleNotFoundException,
      "PullThroughCacheRuleNotFoundException",
      "client",
    ],
    [
      "a body code",
      400,
      '{"code":"ValidationException"}',
      undefined,
      ValidationException,
      "ValidationException",
      "client",
    ],
    [
      "the x-amzn-errortype header",
      400,
      "{}",
      { "x-amzn-errortype": "ValidationException:http://internal.amazon.com/coral/com.amazonaws.ecr/" },
      ValidationException,
      "ValidationException",
      "client",
    ],
    [
      "__type before code",
      400,
      '{"__type":"InvalidParameterException","code":"ValidationException"}',
      undefined,
      InvalidParameterException,
      "InvalidParameterException",
      "client",
    ],
    [
      "code before the header",
      400,
      '{"code":"InvalidParameterException"}',
      { "x-amzn-errortype": "ValidationException" },
      InvalidParameterException,
      "InvalidParameterException",
      "client",
    ],
    [
      "__type before the header",
      400,
      '{"__type":"ValidationException"}',
      { "x-amzn-errortype": "ServerException" },
      ValidationException,
      "ValidationException",
      "client",
    ],
    [
      "an empty __type falls through to code",
      400,
      '{"__type":"","code":"ValidationException"}',
      undefined,
      ValidationException,
      "ValidationException",
      "client",
    ],
    [
      "a non-string __type falls through to the header",
      400,
      '{"__type":7}',
      { "x-amzn-errortype": "InvalidParameterException" },
      InvalidParameterException,
      "InvalidParameterException",
      "client",
    ],
    [
      "a modelled server error keeps $fault server on any status",
      503,
      '{"__type":"ServerException"}',
      undefined,
      ServerException,
      "ServerException",
      "server",
    ],
    [
      "a modelled client error keeps $fault client on a 5xx",
      500,
      '{"__type":"ValidationException"}',
      undefined,
      ValidationException,
      "ValidationException",
      "client",
    ],
    [
      "an unknown code under 500",
      400,
      '{"__type":"com.amazonaws.ecr#ThrottlingException"}',
      undefined,
      ECRServiceException,
      "ThrottlingException",
      "client",
    ],
    [
      "an unknown code at 500+",
      503,
      '{"__type":"ServiceUnavailableException"}',
      undefined,
      ECRServiceException,
      "ServiceUnavailableException",
      "server",
    ],
    [
      "an unknown code from the header",
      429,
      "",
      { "x-amzn-errortype": "TooManyRequestsException" },
      ECRServiceException,
      "TooManyRequestsException",
      "client",
    ],
    ["no code at all", 400, '{"message":"m"}', undefined, ECRServiceException, "Unknown", "client"],
    [
      "a code that sanitizes to nothing",
      500,
      '{"__type":"com.amazonaws.ecr#"}',
      undefined,
      ECRServiceException,
      "Unknown",
      "server",
    ],
    ["a 3xx", 301, "", {}, ECRServiceException, "Unknown", "client"],
    [
      "Object.prototype names are not classes",
      400,
      '{"__type":"constructor"}',
      undefined,
      ECRServiceException,
      "constructor",
      "client",
    ],
    [
      "__proto__ is not a class",
      400,
      '{"__type":"__proto__"}',
      undefined,
      ECRServiceException,
      "__proto__",
      "client",
    ],
    [
      "toString is not a class",
      500,
      '{"__type":"toString"}',
      undefined,
      ECRServiceException,
      "toString",
      "server",
    ],
  ])("%s", (_, status, body, headers, Class, name, fault) => {
    const error = convert(status, body, headers ?? JSON_TYPE);
    expect(error).toBeInstanceOf(Class);
    expect(error.constructor).toBe(Class);
    expect(error.name).toBe(name);
    expect(error.$fault).toBe(fault);
    expect(error.$metadata).toBe($metadata);
  });
});

describe("toServiceException: message", () => {
  it.each<[string, number, string | Uint8Array, Record<string, string>, string]>([
    ["message", 400, '{"__type":"ValidationException","message":"lower"}', JSON_TYPE, "lower"],
    ["Message", 400, '{"__type":"ValidationException","Message":"upper"}', JSON_TYPE, "upper"],
    [
      "message before Message",
      400,
      '{"__type":"ValidationException","Message":"upper","message":"lower"}',
      JSON_TYPE,
      "lower",
    ],
    [
      "an empty message falls through to Message",
      400,
      '{"__type":"ValidationException","message":"","Message":"upper"}',
      JSON_TYPE,
      "upper",
    ],
    [
      "a non-string message is ignored",
      400,
      '{"__type":"ValidationException","message":{"text":"x"},"Message":"upper"}',
      JSON_TYPE,
      "upper",
    ],
    [
      "no message in a JSON body",
      500,
      '{"__type":"ServerException"}',
      JSON_TYPE,
      "ServerException: HTTP 500 with no error message",
    ],
    ["no message and no code", 418, "{}", JSON_TYPE, "Unknown: HTTP 418 with no error message"],
    ["an empty body", 503, "", {}, "HTTP 503 with an empty body (no content-type)"],
    [
      "a blank body with a content-type",
      503,
      "  \n",
      { "content-type": "text/plain" },
      "HTTP 503 with an empty body (text/plain)",
    ],
    [
      "an HTML proxy page",
      502,
      "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>Bad Gateway</body>\n</html>",
      { "content-type": "text/html" },
      'HTTP 502 with a body that is not a JSON object (text/html): "<html> <head><title>502 Bad Gateway</title></head> <body>Bad Gateway</body> </html>"',
    ],
    [
      "a JSON array",
      500,
      "[1,2]",
      JSON_TYPE,
      'HTTP 500 with a body that is not a JSON object (application/x-amz-json-1.1): "[1,2]"',
    ],
    [
      "JSON null",
      500,
      "null",
      JSON_TYPE,
      'HTTP 500 with a body that is not a JSON object (application/x-amz-json-1.1): "null"',
    ],
    [
      "invalid UTF-8",
      502,
      new Uint8Array([0xff, 0xfe]),
      { "content-type": "application/octet-stream" },
      'HTTP 502 with a body that is not a JSON object (application/octet-stream): "<invalid UTF-8>"',
    ],
  ])("%s", (_, status, body, headers, message) => {
    expect(convert(status, body, headers).message).toBe(message);
  });

  it("keeps only a short excerpt of a long body", () => {
    const error = convert(502, `<html>${"x".repeat(10_000)}</html>`, { "content-type": "text/html" });
    expect(error.message.length).toBeLessThan(250);
    expect(error.message).toMatch(
      /^HTTP 502 with a body that is not a JSON object \(text\/html\): "<html>x+…"$/,
    );
    expect(error.$response?.body).toHaveLength(10_013);
  });

  it("caps a huge service message and keeps the whole body in $response", () => {
    const huge = "m".repeat(MAX_MESSAGE_LENGTH * 50);
    const error = convert(400, JSON.stringify({ __type: "ValidationException", message: huge }));
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.message).toBe(
      `${"m".repeat(MAX_MESSAGE_LENGTH)}… (${MAX_MESSAGE_LENGTH * 49} more characters in $response.body)`,
    );
    expect(error.$response?.body).toContain(huge);
  });

  it("keeps a message of exactly the cap whole", () => {
    const error = convert(400, JSON.stringify({ message: "k".repeat(MAX_MESSAGE_LENGTH) }));
    expect(error.message).toBe("k".repeat(MAX_MESSAGE_LENGTH));
  });

  it("names the code from the header even when the body is HTML", () => {
    const error = convert(502, "<html>Bad Gateway</html>", {
      "content-type": "text/html",
      "x-amzn-errortype": "ServerException",
    });
    expect(error).toBeInstanceOf(ServerException);
    expect(error.message).toBe(
      'HTTP 502 with a body that is not a JSON object (text/html): "<html>Bad Gateway</html>"',
    );
  });
});

describe("toServiceException: $response", () => {
  it("keeps the raw response, not enumerable", () => {
    const headers = { ...JSON_TYPE, "x-amzn-requestid": "req-e" };
    const error = convert(400, '{"__type":"ValidationException","message":"m"}', headers);
    expect(error.$response).toStrictEqual({
      statusCode: 400,
      headers,
      body: '{"__type":"ValidationException","message":"m"}',
    });
    expect(Object.keys(error)).not.toContain("$response");
    expect(JSON.stringify(error)).not.toContain("$response");
  });
});

describe("toServiceException: a body cut at the size cap", () => {
  const truncated = (
    statusCode: number,
    body: string | Uint8Array,
    headers: Record<string, string>,
  ): ECRServiceException =>
    toServiceException(
      { statusCode, headers, body: typeof body === "string" ? encode(body) : body, truncatedAt: 64 },
      $metadata,
    );
  const NOTE = " (response body truncated: only its first 64 bytes were read)";

  it.each<
    [string, number, string | Uint8Array, Record<string, string>, string, string, string, "client" | "server"]
  >([
    [
      "JSON cut mid-object, code from the header",
      503,
      '{"__type":"ServiceUnavailable","message":"slow do',
      { ...JSON_TYPE, "x-amzn-errortype": "ServiceUnavailable" },
      "ServiceUnavailable",
      `HTTP 503 with a body that is not a JSON object (application/x-amz-json-1.1): "{\\"__type\\":\\"ServiceUnavailable\\",\\"message\\":\\"slow do"${NOTE}`,
      '{"__type":"ServiceUnavailable","message":"slow do',
      "server",
    ],
    [
      "a whole JSON object followed by padding that was cut",
      429,
      `{"__type":"ThrottlingException","message":"slow down"}${" ".repeat(10)}`,
      JSON_TYPE,
      "ThrottlingException",
      `slow down${NOTE}`,
      `{"__type":"ThrottlingException","message":"slow down"}${" ".repeat(10)}`,
      "client",
    ],
    [
      "a character split by the cut is dropped, not turned into invalid UTF-8",
      502,
      encode("<html>Bad Gateway é").subarray(0, 19),
      { "content-type": "text/html" },
      "Unknown",
      `HTTP 502 with a body that is not a JSON object (text/html): "<html>Bad Gateway"${NOTE}`,
      "<html>Bad Gateway ",
      "server",
    ],
  ])("%s", (_case, status, body, headers, name, message, kept, fault) => {
    const error = truncated(status, body, headers);
    expect(error.name).toBe(name);
    expect(error.message).toBe(message);
    expect(error.$fault).toBe(fault);
    expect(error.$response?.body).toBe(kept);
  });

  it("says nothing about truncation when the body was whole", () => {
    expect(convert(503, "<html>busy</html>").message).not.toMatch(/truncated/);
  });
});

describe("toServiceException: any response", () => {
  it("gives an ECRServiceException with a non-empty name and a message, whatever the bytes", () => {
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.jsonValue().map((value) => encode(JSON.stringify(value))),
      fc
        .record(
          { __type: fc.jsonValue(), code: fc.jsonValue(), message: fc.jsonValue(), Message: fc.jsonValue() },
          { requiredKeys: [] },
        )
        .map((value) => encode(JSON.stringify(value))),
    );
    const headers = fc.record(
      { "x-amzn-errortype": fc.string(), "content-type": fc.string() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.integer({ min: 300, max: 599 }), body, headers, (statusCode, bytes, responseHeaders) => {
        const error = toServiceException({ statusCode, headers: responseHeaders, body: bytes }, $metadata);
        expect(error).toBeInstanceOf(ECRServiceException);
        expect(error.name).not.toBe("");
        expect(typeof error.message).toBe("string");
        expect(error.message).not.toBe("");
        expect(["client", "server"]).toContain(error.$fault);
        expect(error.$response?.statusCode).toBe(statusCode);
      }),
    );
  });
});
