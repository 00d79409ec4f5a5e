import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import type { HttpRequestHandler } from "../config/types.js";

/** The default transport (the performance issue decides the Node default). */
export function defaultRequestHandler(): HttpRequestHandler {
  return new FetchHttpHandler();
}
