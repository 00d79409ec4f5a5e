import { createHash, timingSafeEqual } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import { ERRORS } from "./service-error.js";
import type { LocalEcrCredentials } from "./types.js";

/** A received request, headers lower-cased. */
export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array;
}

export interface SignatureContext {
  readonly credentials: ReadonlyMap<string, LocalEcrCredentials>;
  readonly region: string;
  /** The server's clock, epoch ms. */
  readonly now: number;
}

const MAX_SKEW_MS = 5 * 60_000;
const AUTHORIZATION = /^AWS4-HMAC-SHA256 (.+)$/;
const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Checks a request's SigV4 header signature the way AWS does, by signing the same canonical request again with
 * `@smithy/signature-v4` and the stored secret. Returns the caller's credentials or throws the service's error.
 */
export async function verifySignature(
  request: ReceivedRequest,
  context: SignatureContext,
): Promise<LocalEcrCredentials> {
  const { headers } = request;
  const authorization = headers["authorization"];
  if (authorization === undefined) throw ERRORS.missingAuthentication();
  const parts = parseAuthorization(authorization);
  const caller = context.credentials.get(parts.accessKeyId);
  if (caller === undefined) throw ERRORS.unrecognizedClient();
  if ((caller.sessionToken ?? undefined) !== headers["x-amz-security-token"])
    throw ERRORS.unrecognizedClient();
  if (parts.service !== "ecr")
    throw ERRORS.invalidSignature(`Credential should be scoped to correct service: 'ecr'. `);
  if (parts.region !== context.region)
    throw ERRORS.invalidSignature(`Credential should be scoped to a valid region, not '${parts.region}'. `);
  const signingDate = parseAmzDate(headers["x-amz-date"]);
  checkAge(signingDate, headers["x-amz-date"] ?? "", context.now);
  const payloadHash = headers["x-amz-content-sha256"];
  if (payloadHash !== undefined && payloadHash !== createHash("sha256").update(request.body).digest("hex")) {
    throw ERRORS.invalidSignature();
  }
  const signed: Record<string, string> = {};
  for (const name of parts.signedHeaders) {
    const value = headers[name];
    if (value === undefined) throw ERRORS.invalidSignature();
    signed[name] = value;
  }
  const { accessKeyId, secretAccessKey, sessionToken } = caller;
  const credentials =
    sessionToken === undefined
      ? { accessKeyId, secretAccessKey }
      : { accessKeyId, secretAccessKey, sessionToken };
  const signer = new SignatureV4({
    service: "ecr",
    region: context.region,
    credentials,
    sha256: Sha256,
    applyChecksum: false,
  });
  const toSign: HttpRequest = {
    method: request.method,
    protocol: "http:",
    hostname: headers["host"] ?? "",
    path: request.path,
    query: request.query,
    headers: signed,
    body: request.body,
  };
  const resigned = await signer.sign(toSign, { signingDate, signableHeaders: new Set(parts.signedHeaders) });
  const expected = /Signature=([0-9a-f]{64})$/.exec(resigned.headers["authorization"] ?? "")?.[1] ?? "";
  if (!sameText(expected, parts.signature)) throw ERRORS.invalidSignature();
  return caller;
}

interface AuthorizationParts {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
}

function parseAuthorization(header: string): AuthorizationParts {
  const match = AUTHORIZATION.exec(header);
  if (!match)
    throw ERRORS.incompleteSignature("Authorization header must use the AWS4-HMAC-SHA256 algorithm.");
  const fields = new Map<string, string>();
  for (const part of (match[1] ?? "").split(",")) {
    const [key = "", ...rest] = part.trim().split("=");
    fields.set(key, rest.join("="));
  }
  const missing = ["Credential", "SignedHeaders", "Signature"].filter((key) => !fields.get(key));
  if (missing.length > 0) {
    // The header itself is not echoed: it carries the signature.
    throw ERRORS.incompleteSignature(
      missing.map((key) => `Authorization header requires '${key}' parameter.`).join(" "),
    );
  }
  const scope = (fields.get("Credential") ?? "").split("/");
  const [accessKeyId = "", date = "", region = "", service = "", terminator] = scope;
  if (scope.length !== 5 || terminator !== "aws4_request") {
    throw ERRORS.incompleteSignature(
      "Credential must have the form <AccessKeyId>/<date>/<region>/<service>/aws4_request.",
    );
  }
  const signedHeaders = (fields.get("SignedHeaders") ?? "").split(";");
  if (!signedHeaders.includes("host")) {
    throw ERRORS.incompleteSignature(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  return { accessKeyId, date, region, service, signedHeaders, signature: fields.get("Signature") ?? "" };
}

function parseAmzDate(value: string | undefined): Date {
  const match = value === undefined ? null : AMZ_DATE.exec(value);
  if (!match)
    throw ERRORS.incompleteSignature(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  const [, year, month, day, hour, minute, second] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

function checkAge(signingDate: Date, amzDate: string, now: number): void {
  const stamp = (ms: number): string =>
    new Date(ms)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
  if (signingDate.getTime() < now - MAX_SKEW_MS) {
    throw ERRORS.invalidSignature(
      `Signature expired: ${amzDate} is now earlier than ${stamp(now - MAX_SKEW_MS)} (${stamp(now)} - 5 min.)`,
    );
  }
  if (signingDate.getTime() > now + MAX_SKEW_MS) {
    throw ERRORS.invalidSignature(
      `Signature not yet current: ${amzDate} is still later than ${stamp(now + MAX_SKEW_MS)} (${stamp(now)} + 5 min.)`,
    );
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
