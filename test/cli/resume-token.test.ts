import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/cli/exit-codes.js";
import { decodeResumeToken, encodeResumeToken } from "../../src/cli/resume-token.js";

const b64 = (text: string): string => Buffer.from(text, "utf8").toString("base64");

describe("resume tokens (the AWS CLI's format)", () => {
  it.each([
    { point: { nextToken: "abc.def", skip: 3 }, json: '{"nextToken":"abc.def","boto_truncate_amount":3}' },
    { point: { nextToken: "abc.def", skip: 0 }, json: '{"nextToken":"abc.def"}' },
    { point: { skip: 7 }, json: '{"boto_truncate_amount":7}' },
  ])("encodes $point as base64 of $json and decodes it back", ({ point, json }) => {
    const token = encodeResumeToken(point);
    expect(token).toBe(b64(json));
    expect(decodeResumeToken(token)).toEqual(point);
  });

  it("reads a token printed by the AWS CLI (Python's json.dumps spacing)", () => {
    expect(decodeResumeToken(b64('{"nextToken": "xyz", "boto_truncate_amount": 2}'))).toEqual({
      nextToken: "xyz",
      skip: 2,
    });
  });

  it.each([
    { name: "not base64", token: "not a token" },
    { name: "base64 of non-JSON", token: b64("hello") },
    { name: "a JSON array", token: b64("[1]") },
    { name: "JSON null", token: b64("null") },
    { name: "an empty nextToken", token: b64('{"nextToken":""}') },
    { name: "a numeric nextToken", token: b64('{"nextToken":5}') },
    { name: "a negative truncate amount", token: b64('{"boto_truncate_amount":-1}') },
    { name: "a fractional truncate amount", token: b64('{"boto_truncate_amount":1.5}') },
  ])("refuses $name with a UsageError", ({ token }) => {
    expect(() => decodeResumeToken(token)).toThrow(UsageError);
    expect(() => decodeResumeToken(token)).toThrow(/^--starting-token: /);
  });
});
