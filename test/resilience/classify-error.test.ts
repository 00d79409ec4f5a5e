import { isServerError, isThrottlingError, isTransientError } from "@smithy/service-error-classification";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  ECRServiceException,
  NetworkError,
  TimeoutError,
  ValidationException,
} from "../../src/index.js";
import { classifyError, type RetryErrorType } from "../../src/retry/classify-error.js";

const service = (name: string, status: number, message = "no"): ECRServiceException =>
  new ECRServiceException({
    name,
    message,
    $fault: status >= 500 ? "server" : "client",
    $metadata: { httpStatusCode: status },
  });
const network = (code: string): NetworkError =>
  new NetworkError(`request failed (${code})`, {
    code,
    cause: new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) }),
  });

const cases: [label: string, error: unknown, expected: RetryErrorType][] = [
  ["429 without a code", service("Unknown", 429), "THROTTLING"],
  ["ThrottlingException (400)", service("ThrottlingException", 400), "THROTTLING"],
  ["TooManyRequestsException (400)", service("TooManyRequestsException", 400), "THROTTLING"],
  ["RequestLimitExceeded (400)", service("RequestLimitExceeded", 400), "THROTTLING"],
  ["500 ServerException", service("ServerException", 500), "TRANSIENT"],
  ["502 HTML from a proxy", service("Unknown", 502), "TRANSIENT"],
  ["503 empty body", service("Unknown", 503), "TRANSIENT"],
  ["504", service("Unknown", 504), "TRANSIENT"],
  ["RequestTimeoutException (408)", service("RequestTimeoutException", 408), "TRANSIENT"],
  ["RequestTimeout (400)", service("RequestTimeout", 400), "TRANSIENT"],
  ["requestTimeout passed", new TimeoutError("slow", { $metadata: {} }), "TRANSIENT"],
  [
    "InvalidSignatureException: Signature expired",
    service("InvalidSignatureException", 400, "Signature expired: 20260101T000000Z is now earlier than …"),
    "TRANSIENT",
  ],
  ...[
    "ECONNRESET",
    "ECONNREFUSED",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENETUNREACH",
    "ENOTFOUND",
    "EAI_AGAIN",
  ].map((code): [string, unknown, RetryErrorType] => [`network ${code}`, network(code), "TRANSIENT"]),
  ["501 Not Implemented", service("Unknown", 501), "SERVER_ERROR"],
  ["505", service("Unknown", 505), "SERVER_ERROR"],
  [
    "ValidationException",
    new ValidationException({ message: "bad", $metadata: { httpStatusCode: 400 } }),
    "CLIENT_ERROR",
  ],
  [
    "PullThroughCacheRuleNotFoundException",
    service("PullThroughCacheRuleNotFoundException", 400),
    "CLIENT_ERROR",
  ],
  [
    "InvalidSignatureException (other message)",
    service("InvalidSignatureException", 400, "The request signature we calculated does not match"),
    "CLIENT_ERROR",
  ],
  ["AccessDeniedException without a clock correction", service("AccessDeniedException", 400), "CLIENT_ERROR"],
  ["unknown network code", network("ERR_TLS_CERT_ALTNAME_INVALID"), "CLIENT_ERROR"],
  [
    "an abort is never transient, even with a 503 behind it",
    new AbortError("aborted", { $metadata: { httpStatusCode: 503 } }),
    "SERVER_ERROR",
  ],
];

/** Smithy's own classification, in the order its retry middleware applies it. */
function smithyType(error: unknown): RetryErrorType {
  const e = error as Parameters<typeof isTransientError>[0];
  if (isThrottlingError(e)) return "THROTTLING";
  if (isTransientError(e)) return "TRANSIENT";
  if (isServerError(e)) return "SERVER_ERROR";
  return "CLIENT_ERROR";
}

describe("classifyError", () => {
  it.each(cases)("%s → %s", (_label, error, expected) => {
    expect(classifyError(error)).toBe(expected);
  });

  it.each(cases)("agrees with @smithy/service-error-classification on %s", (_label, error) => {
    expect(classifyError(error)).toBe(smithyType(error));
  });

  it.each([
    "RequestTimeTooSkewed",
    "SignatureDoesNotMatch",
    "InvalidSignatureException",
    "AccessDeniedException",
    "RequestExpired",
  ])("retries %s only after the clock was corrected", (code) => {
    expect(classifyError(service(code, 403))).toBe("CLIENT_ERROR");
    expect(classifyError(service(code, 403), true)).toBe("TRANSIENT");
  });

  it("does not retry a non-skew client error just because the clock moved", () => {
    expect(classifyError(service("PullThroughCacheRuleNotFoundException", 400), true)).toBe("CLIENT_ERROR");
  });

  it.each(["UND_ERR_SOCKET", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_CLOSED"])(
    "also retries undici's %s (fetch's name for a dropped connection), beyond Smithy's list",
    (code) => {
      expect(classifyError(network(code))).toBe("TRANSIENT");
    },
  );
});
