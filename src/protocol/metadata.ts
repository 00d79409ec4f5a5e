import type { ResponseMetadata } from "../metadata.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads status and request ids from the (lower-cased) response headers into `$metadata`. */
export function responseMetadata(
  statusCode: number | undefined,
  headers: Readonly<Record<string, string | undefined>>,
): Mutable<ResponseMetadata> {
  const metadata: Mutable<ResponseMetadata> = {};
  if (statusCode !== undefined) metadata.httpStatusCode = statusCode;
  const requestId =
    headers["x-amzn-requestid"] ?? headers["x-amzn-request-id"] ?? headers["x-amz-request-id"];
  if (requestId !== undefined) metadata.requestId = requestId;
  if (headers["x-amz-id-2"] !== undefined) metadata.extendedRequestId = headers["x-amz-id-2"];
  if (headers["x-amz-cf-id"] !== undefined) metadata.cfId = headers["x-amz-cf-id"];
  return metadata;
}

/** Lower-cases header names so lookups do not depend on the transport. */
export function lowerCaseHeaders(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value !== undefined) out[name.toLowerCase()] = typeof value === "string" ? value : value.join(", ");
  }
  return out;
}
