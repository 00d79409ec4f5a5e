import type { HttpRequestHandler, Sha256Constructor } from "../config/types.js";
import { NodeHttpHandler } from "./node-http-handler.js";
import { NodeSha256 } from "./node-sha256.js";

// The Node defaults. Browser and worker builds swap this module for defaults.browser.ts (same exports).

/** The default transport in Node: keep-alive `node:http(s)`. */
export function defaultRequestHandler(): HttpRequestHandler {
  return new NodeHttpHandler();
}

/** The default SHA-256 in Node: `node:crypto`. */
export const defaultSha256: Sha256Constructor = NodeSha256;
