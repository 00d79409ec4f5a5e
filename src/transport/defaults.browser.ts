import { Sha256 } from "@aws-crypto/sha256-js";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import type { HttpRequestHandler, Sha256Constructor } from "../config/types.js";

// The defaults of fetch runtimes (browsers, workers, Deno, Bun): the browser/worker build aliases
// defaults.ts to this module, so both must export the same names.

/**
 * fetch follows redirects by default and would re-send the signed request, with its `x-amz-security-token`, to
 * whatever origin a `Location` header names. awsJson never redirects, so a 3xx is handed back as it is and
 * becomes a service error. (node:http never follows redirects.)
 */
const NO_REDIRECTS: RequestInit = { redirect: "manual" };

/** The default transport in fetch runtimes: `@smithy/fetch-http-handler`, redirects not followed. */
export function defaultRequestHandler(): HttpRequestHandler {
  return new FetchHttpHandler({ requestInit: () => NO_REDIRECTS });
}

/** The default SHA-256 in fetch runtimes: `@aws-crypto/sha256-js` (pure JS, synchronous, no WebCrypto needed). */
export const defaultSha256: Sha256Constructor = Sha256;
