import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import type { HttpRequest } from "@smithy/types";
import type { LocalEcr, LocalEcrCredentials } from "../../src/emulator/index.js";

export const TARGET = "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules";

export interface RawCallOptions {
  body?: string;
  /** Headers set before signing (they are signed). */
  headers?: Record<string, string>;
  credentials?: LocalEcrCredentials;
  region?: string;
  service?: string;
  signingDate?: Date;
  /** Changes the signed request before it is sent (to break the signature). */
  tamper?: (request: { headers: Record<string, string>; body: string }) => void;
  unsigned?: boolean;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: Record<string, unknown> | undefined;
}

/** Sends a hand-made, SigV4-signed request to a local ECR with fetch, bypassing the client's own checks. */
export async function rawCall(ecr: LocalEcr, options: RawCallOptions = {}): Promise<RawResponse> {
  const url = new URL(ecr.endpoint);
  const body = options.body ?? "{}";
  const request: HttpRequest = {
    method: "POST",
    protocol: "http:",
    hostname: url.hostname,
    port: Number(url.port),
    path: "/",
    query: {},
    headers: {
      host: url.host,
      "content-type": "application/x-amz-json-1.1",
      "x-amz-target": TARGET,
      ...options.headers,
    },
    body,
  };
  const { sessionToken, accessKeyId, secretAccessKey } = options.credentials ?? ecr.credentials;
  const signer = new SignatureV4({
    service: options.service ?? "ecr",
    region: options.region ?? ecr.region,
    credentials:
      sessionToken === undefined
        ? { accessKeyId, secretAccessKey }
        : { accessKeyId, secretAccessKey, sessionToken },
    sha256: Sha256,
  });
  const signed = options.unsigned
    ? request
    : await signer.sign(request, { signingDate: options.signingDate ?? new Date() });
  const sent = { headers: { ...(signed.headers as Record<string, string>) }, body };
  options.tamper?.(sent);
  delete sent.headers["host"];
  const response = await fetch(ecr.endpoint + "/", {
    method: "POST",
    headers: sent.headers,
    body: sent.body,
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: Object.fromEntries(response.headers), text, json };
}
