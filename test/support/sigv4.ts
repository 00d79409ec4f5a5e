import { createHash, createHmac } from "node:crypto";

/** A request as captured at the HTTP boundary. */
export interface CapturedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const sha256Hex = (data: string): string => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: Buffer | string, data: string): Buffer =>
  createHmac("sha256", key).update(data, "utf8").digest();

/**
 * Recomputes an AWS SigV4 header signature from a captured request with node:crypto only, independently of
 * @smithy/signature-v4 (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html).
 */
export function expectedSignature(request: CapturedRequest, secretAccessKey: string): string {
  const authorization = request.headers["authorization"] ?? "";
  const match =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      authorization,
    );
  if (!match) throw new Error(`not a SigV4 authorization header: ${authorization}`);
  const [, , date, region, service, signedHeaders] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const amzDate = request.headers["x-amz-date"] ?? "";
  const names = signedHeaders.split(";");
  const canonicalHeaders = names
    .map((name) => `${name}:${(request.headers[name] ?? "").trim().replace(/\s+/g, " ")}\n`)
    .join("");
  const canonicalRequest = [
    request.method,
    request.path,
    "",
    canonicalHeaders,
    signedHeaders,
    sha256Hex(request.body),
  ].join("\n");
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), "aws4_request");
  return createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
}

/** The signature the client sent. */
export function sentSignature(request: CapturedRequest): string | undefined {
  return /Signature=([0-9a-f]{64})$/.exec(request.headers["authorization"] ?? "")?.[1];
}
