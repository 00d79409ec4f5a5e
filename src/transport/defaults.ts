import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import type { HttpRequestHandler } from "../config/types.js";

/**
 * fetch follows redirects by default and would re-send the signed request, with its `x-amz-security-token`,
 * to whatever origin a `Location` header names. awsJson never redirects, so a 3xx is handed back as it is
 * and becomes a service error.
 */
export const NO_REDIRECTS: RequestInit = { redirect: "manual" };

/** The default transport (the performance issue decides the Node default). */
export function defaultRequestHandler(): HttpRequestHandler {
  return new FetchHttpHandler({ requestInit: () => NO_REDIRECTS });
}
