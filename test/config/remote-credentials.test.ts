import { once } from "node:events";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultCredentialsProvider } from "../../src/config/default-credentials.js";
import { ConfigurationError, CredentialsError } from "../../src/errors/client-errors.js";
import { testHost } from "../support/config-host.js";

const CONTAINER_BODY = {
  AccessKeyId: "AKIDCONTAINER",
  SecretAccessKey: "CONTAINERsecret",
  Token: "CONTAINERtoken",
  Expiration: "2031-05-06T07:08:09Z",
  AccountId: "123456789012",
};

let server: Server | undefined;
afterEach(async () => {
  if (server) {
    server.close();
    await once(server, "close");
    server = undefined;
  }
});

/** A container credentials endpoint on loopback that records the requests' paths and headers. */
async function containerEndpoint(
  status = 200,
  body: unknown = CONTAINER_BODY,
): Promise<{ url: string; seen: { path: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { path: string; headers: IncomingHttpHeaders }[] = [];
  server = createServer((request, response) => {
    seen.push({ path: request.url ?? "", headers: request.headers });
    response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("container link (ECS, EKS Pod Identity)", () => {
  it("fetches AWS_CONTAINER_CREDENTIALS_FULL_URI with the token file re-read on each fetch", async () => {
    const { url, seen } = await containerEndpoint();
    const { host, home, calls } = testHost();
    const tokenFile = join(home, "eks-token");
    const env = {
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${url}/v1/credentials?x=1`,
      AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile,
      AWS_CONTAINER_AUTHORIZATION_TOKEN: "ignored",
    };
    const provider = defaultCredentialsProvider(undefined, { ...host, env });
    writeFileSync(tokenFile, "token-one\n");
    expect(await provider()).toEqual({
      accessKeyId: "AKIDCONTAINER",
      secretAccessKey: "CONTAINERsecret",
      sessionToken: "CONTAINERtoken",
      expiration: new Date("2031-05-06T07:08:09Z"),
      accountId: "123456789012",
    });
    writeFileSync(tokenFile, "token-two");
    await provider();
    expect(seen.map((request) => [request.path, request.headers.authorization])).toEqual([
      ["/v1/credentials?x=1", "token-one"],
      ["/v1/credentials?x=1", "token-two"],
    ]);
    expect(calls.imds).toEqual([]);
  });

  it("sends AWS_CONTAINER_AUTHORIZATION_TOKEN when there is no token file", async () => {
    const { url, seen } = await containerEndpoint();
    const { host } = testHost({
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: url, AWS_CONTAINER_AUTHORIZATION_TOKEN: "Basic abc" },
    });
    await defaultCredentialsProvider(undefined, host)();
    expect(seen[0]?.headers.authorization).toBe("Basic abc");
  });

  it.each([
    [500, { message: "boom" }, /failed: Error response received/],
    [200, { AccessKeyId: "A" }, /without AccessKeyId, SecretAccessKey, Token and Expiration/],
    [200, "a JSON string", /JSON that is not an object/],
  ])(
    "an endpoint answering %i %j is a CredentialsError (no fall-through to IMDS)",
    async (status, body, message) => {
      const { url } = await containerEndpoint(status, body);
      const { host, calls } = testHost({
        env: {
          AWS_CONTAINER_CREDENTIALS_FULL_URI: url,
          AWS_CONTAINER_AUTHORIZATION_TOKEN: "secret-token-never-print-me",
        },
      });
      const error: unknown = await defaultCredentialsProvider(undefined, host)().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CredentialsError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("never-print-me");
      expect(calls.imds).toEqual([]);
    },
  );

  it.each([
    ["http://169.254.169.254/latest", /not allowed over http/],
    ["http://example.com/creds", /not allowed over http/],
    ["https://127.0.0.1/creds", /must be an http: URL/],
    ["::nonsense", /not a URL/],
  ])("refuses AWS_CONTAINER_CREDENTIALS_FULL_URI %s before any request", async (uri, message) => {
    const { host } = testHost({ env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: uri } });
    const error: unknown = await defaultCredentialsProvider(undefined, host)().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ setting: "AWS_CONTAINER_CREDENTIALS_FULL_URI" });
    expect((error as Error).message).toMatch(message);
  });
});

describe("EC2 instance metadata link", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("uses @smithy/credential-provider-imds with a bounded time-out and the profile", async () => {
    const identity = {
      accessKeyId: "AKIDIMDS",
      secretAccessKey: "IMDSsecret",
      expiration: new Date("2031-01-01T00:00:00Z"),
    };
    const { host, calls } = testHost({
      env: { AWS_PROFILE: "ec2" },
      configFile: "[profile ec2]\nregion = us-east-1\n",
      imds: () => Promise.resolve(identity),
    });
    expect(await defaultCredentialsProvider(undefined, host)()).toEqual(identity);
    expect(calls.imds).toEqual([{ init: { timeout: 1000, maxRetries: 0, profile: "ec2" } }]);
  });

  it("gives up after a 3 s deadline when the service never answers", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { host, calls } = testHost({ imds: () => new Promise(() => undefined) });
    let settled = false;
    const outcome = defaultCredentialsProvider(undefined, host)()
      .catch((e: unknown) => e)
      .finally(() => (settled = true));
    // Not vi.waitFor: with fake timers it advances the clock itself.
    while (calls.imds.length === 0) await new Promise(setImmediate);
    await vi.advanceTimersByTimeAsync(2999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toContain(
      "EC2 instance metadata: EC2 instance metadata service: no answer within 3000 ms",
    );
  });
});
