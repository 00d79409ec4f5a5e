import { describe, expect, it } from "vitest";
import { lowerCaseHeaders, responseMetadata } from "../../src/protocol/metadata.js";

describe("responseMetadata", () => {
  it.each<[string, number | undefined, Record<string, string>, unknown]>([
    ["nothing", undefined, {}, {}],
    ["status only", 200, {}, { httpStatusCode: 200 }],
    ["x-amzn-requestid", 200, { "x-amzn-requestid": "a" }, { httpStatusCode: 200, requestId: "a" }],
    ["x-amzn-request-id", 400, { "x-amzn-request-id": "b" }, { httpStatusCode: 400, requestId: "b" }],
    ["x-amz-request-id", 500, { "x-amz-request-id": "c" }, { httpStatusCode: 500, requestId: "c" }],
    [
      "x-amzn-requestid wins over the others",
      200,
      { "x-amz-request-id": "c", "x-amzn-request-id": "b", "x-amzn-requestid": "a" },
      { httpStatusCode: 200, requestId: "a" },
    ],
    [
      "x-amzn-request-id wins over x-amz-request-id",
      200,
      { "x-amz-request-id": "c", "x-amzn-request-id": "b" },
      { httpStatusCode: 200, requestId: "b" },
    ],
    [
      "extended request id and CloudFront id",
      502,
      { "x-amz-id-2": "ext/id+2=", "x-amz-cf-id": "cf-1" },
      { httpStatusCode: 502, extendedRequestId: "ext/id+2=", cfId: "cf-1" },
    ],
  ])("%s", (_, status, headers, expected) => {
    expect(responseMetadata(status, headers)).toStrictEqual(expected);
  });
});

describe("lowerCaseHeaders", () => {
  it("lower-cases names, joins repeated values and drops undefined ones", () => {
    expect(
      lowerCaseHeaders({ "X-Amzn-RequestId": "a", "Set-Cookie": ["x=1", "y=2"], "X-Empty": undefined }),
    ).toStrictEqual({
      "x-amzn-requestid": "a",
      "set-cookie": "x=1, y=2",
    });
  });
});
