import { describe, expect, it } from "vitest";
import { DeserializationError, type ResponseMetadata } from "../../src/index.js";
import { excerpt, parseJsonObject } from "../../src/protocol/parse-json.js";

const $metadata: ResponseMetadata = { httpStatusCode: 200, requestId: "req-9" };
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("parseJsonObject", () => {
  it.each<[string, Uint8Array, unknown]>([
    ["an empty object", bytes("{}"), {}],
    ["an object with whitespace around it", bytes(' \n{"nextToken":"t"}\n '), { nextToken: "t" }],
    ["UTF-8 text", bytes('{"nextToken":"é✓"}'), { nextToken: "é✓" }],
    ["a UTF-8 byte order mark is skipped", new Uint8Array([0xef, 0xbb, 0xbf, ...bytes("{}")]), {}],
  ])("parses %s", (_, body, expected) => {
    expect(parseJsonObject(body, $metadata)).toEqual(expected);
  });

  it.each<[string, Uint8Array, RegExp]>([
    ["an empty body", bytes(""), /^response body is empty$/],
    ["a blank body", bytes(" \r\n"), /^response body is empty$/],
    [
      "invalid JSON",
      bytes('{"pullThroughCacheRules":['),
      /^response body is not valid JSON: "\{\\"pullThroughCacheRules\\":\["$/,
    ],
    ["HTML", bytes("<html><body>OK</body></html>"), /not valid JSON: "<html><body>OK<\/body><\/html>"/],
    ["a JSON array", bytes("[{}]"), /must be a JSON object, got "\[\{\}\]"/],
    ["JSON null", bytes("null"), /must be a JSON object, got "null"/],
    ["a JSON string", bytes('"ok"'), /must be a JSON object/],
    ["a JSON number", bytes("42"), /must be a JSON object, got "42"/],
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /^response body is not valid UTF-8$/],
  ])("rejects %s with a DeserializationError carrying $metadata", (_, body, message) => {
    let caught: unknown;
    try {
      parseJsonObject(body, $metadata);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeserializationError);
    const error = caught as DeserializationError;
    expect(error.path).toBe("");
    expect(error.message).toMatch(message);
    expect(error.$metadata).toBe($metadata);
  });

  it("keeps the SyntaxError as the cause of invalid JSON", () => {
    const error = (() => {
      try {
        return parseJsonObject(bytes("{nope"), $metadata);
      } catch (e) {
        return e;
      }
    })() as DeserializationError;
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

describe("excerpt", () => {
  it.each<[string, string, number | undefined, string]>([
    ["short text is quoted", "abc", undefined, '"abc"'],
    [
      "whitespace runs collapse to one space",
      "<html>\n  <body>\t502</body>\n</html>\n",
      undefined,
      '"<html> <body> 502</body> </html>"',
    ],
    ["long text is cut with an ellipsis", "x".repeat(200), 10, `"${"x".repeat(10)}…"`],
    ["text of exactly the limit is kept", "y".repeat(10), 10, `"${"y".repeat(10)}"`],
    ["quotes are escaped", 'say "hi"', undefined, '"say \\"hi\\""'],
    [
      "an echoed signature is redacted",
      "Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecr/aws4_request, Signature=0123456789abcdef0123456789abcdef",
      200,
      '"Authorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/ecr/aws4_request, Signature=<redacted>"',
    ],
    [
      "an echoed session token header is redacted",
      "X-Amz-Security-Token: FwoGZX+/tok== next",
      undefined,
      '"X-Amz-Security-Token: <redacted> next"',
    ],
    [
      "an echoed session token in JSON is redacted",
      '{"x-amz-security-token":"FwoG/tok=="}',
      undefined,
      '"{\\"x-amz-security-token\\":\\"<redacted>\\"}"',
    ],
    [
      "a presigned query is redacted",
      "?X-Amz-Security-Token=Fwo%2Btok&X-Amz-Signature=abcdef0123456789abcdef",
      undefined,
      '"?X-Amz-Security-Token=<redacted>&X-Amz-Signature=<redacted>"',
    ],
    [
      "a secret is redacted before the cut",
      `${"a".repeat(100)} x-amz-security-token: ${"T".repeat(50)}`,
      125,
      `"${"a".repeat(100)} x-amz-security-token: <r…"`,
    ],
  ])("%s", (_, text, max, expected) => {
    expect(max === undefined ? excerpt(text) : excerpt(text, max)).toBe(expected);
  });

  it("cuts at 120 characters by default", () => {
    expect(excerpt("z".repeat(121))).toBe(`"${"z".repeat(120)}…"`);
  });
});
