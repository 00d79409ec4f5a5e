import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCustomEndpoint } from "../../src/config/endpoint.js";
import { buildRequest } from "../../src/request/build-request.js";
import { VERSION } from "../../src/version.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
};

describe("VERSION", () => {
  it("equals package.json's version", () => {
    expect(VERSION).toBe(pkg.version);
  });
});

describe("buildRequest", () => {
  it("builds the awsJson 1.1 POST with the operation's target and the package's user agent", () => {
    const request = buildRequest(
      { protocol: "https:", hostname: "api.ecr.us-east-1.amazonaws.com", path: "/" },
      "DescribePullThroughCacheRules",
      '{"maxResults":5}',
    );
    expect(request).toStrictEqual({
      method: "POST",
      protocol: "https:",
      hostname: "api.ecr.us-east-1.amazonaws.com",
      path: "/",
      query: {},
      headers: {
        host: "api.ecr.us-east-1.amazonaws.com",
        "content-type": "application/x-amz-json-1.1",
        "content-length": "16",
        "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules",
        "user-agent": `${pkg.name}/${pkg.version}`,
        "x-amz-user-agent": `${pkg.name}/${pkg.version}`,
      },
      body: '{"maxResults":5}',
    });
  });

  it("counts content-length in UTF-8 bytes, not characters", () => {
    const body = '{"nextToken":"é✓"}';
    expect(
      buildRequest({ protocol: "https:", hostname: "h", path: "/" }, "Op", body).headers["content-length"],
    ).toBe(String(Buffer.byteLength(body)));
    expect(Buffer.byteLength(body)).toBeGreaterThan(body.length);
  });

  it.each<
    [string, string, { protocol: string; hostname: string; port?: number; path: string; host: string }]
  >([
    [
      "a port and a base path",
      "http://localhost:4566/base",
      { protocol: "http:", hostname: "localhost", port: 4566, path: "/base/", host: "localhost:4566" },
    ],
    [
      "a base path with a trailing slash",
      "https://proxy.example/ecr/v1/",
      { protocol: "https:", hostname: "proxy.example", path: "/ecr/v1/", host: "proxy.example" },
    ],
    [
      "a loopback address",
      "http://127.0.0.1:8080",
      { protocol: "http:", hostname: "127.0.0.1", port: 8080, path: "/", host: "127.0.0.1:8080" },
    ],
    [
      "an IPv6 literal",
      "http://[::1]:4566/",
      { protocol: "http:", hostname: "[::1]", port: 4566, path: "/", host: "[::1]:4566" },
    ],
    [
      "the scheme's default port is left out",
      "https://ecr.internal:443",
      { protocol: "https:", hostname: "ecr.internal", path: "/", host: "ecr.internal" },
    ],
    [
      "http on port 80",
      "http://ecr.internal:80/x",
      { protocol: "http:", hostname: "ecr.internal", path: "/x/", host: "ecr.internal" },
    ],
    [
      "https on port 80 keeps the port",
      "https://ecr.internal:80",
      { protocol: "https:", hostname: "ecr.internal", port: 80, path: "/", host: "ecr.internal:80" },
    ],
  ])("keeps the custom endpoint's scheme, port and path: %s", (_, url, expected) => {
    const request = buildRequest(parseCustomEndpoint(url), "DescribePullThroughCacheRules", "{}");
    const { host, ...where } = expected;
    expect({
      protocol: request.protocol,
      hostname: request.hostname,
      port: request.port,
      path: request.path,
    }).toStrictEqual({ port: undefined, ...where });
    expect(request.headers["host"]).toBe(host);
  });
});
