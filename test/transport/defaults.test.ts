import { Sha256 } from "@aws-crypto/sha256-js";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { describe, expect, it } from "vitest";
import * as browser from "../../src/transport/defaults.browser.js";
import * as node from "../../src/transport/defaults.js";
import { NodeHttpHandler } from "../../src/transport/node-http-handler.js";
import { NodeSha256 } from "../../src/transport/node-sha256.js";

describe("runtime defaults", () => {
  it("the browser module exports exactly the names of the Node module (the build swaps one for the other)", () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  });

  it.each([
    { runtime: "node", module: node, handler: NodeHttpHandler, sha256: NodeSha256 },
    { runtime: "fetch (browser, worker)", module: browser, handler: FetchHttpHandler, sha256: Sha256 },
  ])("$runtime: a fresh handler per call and the runtime's SHA-256", ({ module, handler, sha256 }) => {
    const first = module.defaultRequestHandler();
    expect(first).toBeInstanceOf(handler);
    expect(module.defaultRequestHandler()).not.toBe(first);
    expect(module.defaultSha256).toBe(sha256);
  });
});
