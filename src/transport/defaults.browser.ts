import { Sha256 } from "@aws-crypto/sha256-js";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import type { HttpRequestHandler, Sha256Constructor } from "../config/types.js";

// The defaults of fetch runtimes (browsers, workers, Deno, Bun): the browser/worker build aliases
// defaults.ts to this module, so both must export the same names.

/** The default transport in fetch runtimes: `@smithy/fetch-http-handler`. */
export function defaultRequestHandler(): HttpRequestHandler {
  return new FetchHttpHandler();
}

/** The default SHA-256 in fetch runtimes: `@aws-crypto/sha256-js` (pure JS, synchronous, no WebCrypto needed). */
export const defaultSha256: Sha256Constructor = Sha256;
