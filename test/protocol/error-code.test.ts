import { describe, expect, it } from "vitest";
import { sanitizeErrorCode } from "../../src/protocol/error-code.js";

describe("sanitizeErrorCode", () => {
  it.each([
    // The examples of ECR-API.md.
    ["com.amazonaws.ecr#PullThroughCacheRuleNotFoundException", "PullThroughCacheRuleNotFoundException"],
    ["ValidationException:http://internal.amazon.com/coral/com.amazonaws.ecr/", "ValidationException"],
    // Already short.
    ["ServerException", "ServerException"],
    ["InvalidParameterException", "InvalidParameterException"],
    // Namespace and URI suffix together (the Smithy awsJson example).
    [
      "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
      "FooError",
    ],
    // The comma is cut first, then the colon, then the namespace.
    ["FooError,BarError", "FooError"],
    ["com.amazonaws.ecr#ServerException,com.amazonaws.ecr#Other", "ServerException"],
    ["ValidationException:a,b", "ValidationException"],
    ["ns#Code:http://host/path#fragment", "Code"],
    ["Code,ns#Other", "Code"],
    // Only the first `#` splits (Smithy: "the contents after the first # character").
    ["a#b#c", "b#c"],
    // Surrounding whitespace from a header value is not part of the code.
    ["  ValidationException  ", "ValidationException"],
    ["com.amazonaws.ecr#ThrottlingException ", "ThrottlingException"],
    // Degenerate values sanitize to "" (the caller then uses "Unknown").
    ["", ""],
    ["#", ""],
    [":http://x", ""],
    [",", ""],
    ["com.amazonaws.ecr#", ""],
  ])("%j → %j", (raw, expected) => {
    expect(sanitizeErrorCode(raw)).toBe(expected);
  });
});
