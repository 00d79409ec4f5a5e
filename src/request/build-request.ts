import type { HttpRequest } from "@smithy/types";
import { type Endpoint, hostHeader } from "../config/endpoint.js";
import { VERSION } from "../version.js";

const USER_AGENT = `ecr-pull-through-cache/${VERSION}`;
const encoder = new TextEncoder();
const TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921";

/** The unsigned awsJson 1.1 request for one operation: `POST` to the endpoint's base path. */
export function buildRequest(endpoint: Endpoint, operation: string, body: string): HttpRequest {
  const request: HttpRequest = {
    method: "POST",
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    path: endpoint.path,
    query: {},
    headers: {
      host: hostHeader(endpoint),
      "content-type": "application/x-amz-json-1.1",
      "content-length": String(encoder.encode(body).byteLength),
      "x-amz-target": `${TARGET_PREFIX}.${operation}`,
      "user-agent": USER_AGENT,
      "x-amz-user-agent": USER_AGENT,
    },
    body,
  };
  if (endpoint.port !== undefined) request.port = endpoint.port;
  return request;
}
