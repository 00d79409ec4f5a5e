import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type ECRClientConfig,
  type ResponseMetadata,
  type RetryStrategy,
} from "../../src/index.js";
import { FAKE_START, fakeRuntime, type FakeRuntime, withRuntime } from "../support/fake-runtime.js";
import { CREDENTIALS, wireRule } from "../support/fixtures.js";
import { type ScriptedResponse, type ScriptedServer, useScriptedServer } from "../support/scripted-server.js";
import { expectedSignature, sentSignature } from "../support/sigv4.js";

const start = useScriptedServer();
const OK: ScriptedResponse = {
  body: { pullThroughCacheRules: [wireRule(1)] },
  headers: { "x-amzn-requestid": "ok-1" },
};
const error = (status: number, code?: string, extra: Partial<ScriptedResponse> = {}): ScriptedResponse => ({
  status,
  body: code === undefined ? {} : { __type: code, message: `${code} says no` },
  ...extra,
});

function clientFor(server: ScriptedServer, runtime: FakeRuntime, config: ECRClientConfig = {}): ECRClient {
  return new ECRClient(
    withRuntime({ region: "us-east-1", credentials: CREDENTIALS, endpoint: server.url, ...config }, runtime),
  );
}

async function sendExpectingError(
  client: ECRClient,
): Promise<Error & { $metadata: ResponseMetadata; code?: string }> {
  const result = await client.send(new DescribePullThroughCacheRulesCommand()).then(
    () => undefined,
    (e: unknown) => e as Error & { $metadata: ResponseMetadata },
  );
  if (!result) throw new Error("expected the send to fail");
  return result;
}

describe("retries against a loopback server", () => {
  it.each<[string, ScriptedResponse, number]>([
    // label, first response, the (random 0.5) backoff expected before the second attempt
    ["429 without a code", error(429), 500],
    ["ThrottlingException", error(400, "ThrottlingException"), 500],
    ["500 ServerException", error(500, "ServerException"), 25],
    [
      "502 HTML page from a proxy",
      { status: 502, body: "<html>Bad Gateway</html>", headers: { "content-type": "text/html" } },
      25,
    ],
    ["503 with an empty body", { status: 503, body: "" }, 25],
    ["504", error(504), 25],
    ["RequestTimeoutException", error(408, "RequestTimeoutException"), 25],
    ["a connection reset (ECONNRESET)", { action: "reset" }, 25],
    ["a connection closed without an answer (undici UND_ERR_SOCKET)", { action: "close" }, 25],
  ])("retries %s and succeeds, re-signing each attempt", async (_label, first, backoff) => {
    const server = await start([first, OK]);
    const runtime = fakeRuntime();
    const output = await clientFor(server, runtime).send(new DescribePullThroughCacheRulesCommand());

    expect(output.pullThroughCacheRules).toHaveLength(1);
    expect(output.$metadata).toMatchObject({
      httpStatusCode: 200,
      requestId: "ok-1",
      attempts: 2,
      totalRetryDelay: backoff,
    });
    expect(runtime.sleeps).toEqual([backoff]);
    expect(server.requests).toHaveLength(2);
    const [a, b] = server.requests as [
      NonNullable<(typeof server.requests)[0]>,
      NonNullable<(typeof server.requests)[0]>,
    ];
    expect(a.headers["amz-sdk-request"]).toBe("attempt=1; max=3");
    expect(b.headers["amz-sdk-request"]).toBe("attempt=2; max=3");
    expect(a.headers["amz-sdk-invocation-id"]).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(b.headers["amz-sdk-invocation-id"]).toBe(a.headers["amz-sdk-invocation-id"]);
    for (const request of server.requests)
      expect(sentSignature(request)).toBe(expectedSignature(request, CREDENTIALS.secretAccessKey));
  });

  it.each<[string, ScriptedResponse, string]>([
    ["ValidationException", error(400, "ValidationException"), "ValidationException"],
    [
      "PullThroughCacheRuleNotFoundException",
      error(400, "PullThroughCacheRuleNotFoundException"),
      "PullThroughCacheRuleNotFoundException",
    ],
    ["InvalidParameterException", error(400, "InvalidParameterException"), "InvalidParameterException"],
    ["501 Not Implemented", error(501), "Unknown"],
    [
      "AccessDeniedException with a correct clock",
      error(403, "AccessDeniedException"),
      "AccessDeniedException",
    ],
    ["a 200 with a body that is not JSON", { body: "<html>captive portal</html>" }, "DeserializationError"],
  ])("does not retry %s", async (_label, response, name) => {
    const server = await start([response, OK]);
    const runtime = fakeRuntime();
    const failure = await sendExpectingError(clientFor(server, runtime));
    expect(failure.name).toBe(name);
    expect(failure.$metadata).toMatchObject({ attempts: 1, totalRetryDelay: 0 });
    expect(server.requests).toHaveLength(1);
    expect(runtime.sleeps).toEqual([]);
  });

  it("gives up after maxAttempts with the last error, its metadata and the retry accounting", async () => {
    const server = await start((_request, index) =>
      error(503, "ServiceUnavailableException", { headers: { "x-amzn-requestid": `r-${index + 1}` } }),
    );
    const runtime = fakeRuntime();
    const failure = await sendExpectingError(clientFor(server, runtime));
    expect(failure.name).toBe("ServiceUnavailableException");
    // random 0.5: 0.5 × 50 = 25, then 0.5 × 100 = 50
    expect(runtime.sleeps).toEqual([25, 50]);
    expect(failure.$metadata).toEqual({
      httpStatusCode: 503,
      requestId: "r-3",
      attempts: 3,
      totalRetryDelay: 75,
    });
    expect(server.requests.map((r) => r.headers["amz-sdk-request"])).toEqual([
      "attempt=1; max=3",
      "attempt=2; max=3",
      "attempt=3; max=3",
    ]);
  });

  it.each<[string, ECRClientConfig, Record<string, string>, number]>([
    ["maxAttempts: 1 disables retries", { maxAttempts: 1 }, {}, 1],
    ["maxAttempts: 5", { maxAttempts: 5 }, {}, 5],
    ["AWS_MAX_ATTEMPTS=2", {}, { AWS_MAX_ATTEMPTS: "2" }, 2],
    ["the option beats AWS_MAX_ATTEMPTS", { maxAttempts: 4 }, { AWS_MAX_ATTEMPTS: "2" }, 4],
  ])("%s", async (_label, config, env, attempts) => {
    const server = await start([error(500)]);
    const failure = await sendExpectingError(clientFor(server, fakeRuntime({ env }), config));
    expect(failure.$metadata.attempts).toBe(attempts);
    expect(server.requests).toHaveLength(attempts);
    expect(server.requests.at(-1)?.headers["amz-sdk-request"]).toBe(`attempt=${attempts}; max=${attempts}`);
  });

  it("signs every attempt afresh with the clock's time at that attempt", async () => {
    const server = await start([error(500), error(500), OK]);
    const runtime = fakeRuntime();
    const retryStrategy: RetryStrategy = { retryDelay: () => 90_000 };
    await clientFor(server, runtime, { retryStrategy }).send(new DescribePullThroughCacheRulesCommand());
    const dates = server.requests.map((r) => Date.parse(isoOf(r.headers["x-amz-date"])));
    expect(dates).toEqual([FAKE_START, FAKE_START + 90_000, FAKE_START + 180_000]);
    for (const request of server.requests)
      expect(sentSignature(request)).toBe(expectedSignature(request, CREDENTIALS.secretAccessKey));
  });

  it.each([-5, Number.NaN, Number.POSITIVE_INFINITY])(
    "treats a custom delay of %s as no wait",
    async (bad) => {
      const server = await start([error(500), OK]);
      const runtime = fakeRuntime();
      const output = await clientFor(server, runtime, { retryStrategy: { retryDelay: () => bad } }).send(
        new DescribePullThroughCacheRulesCommand(),
      );
      expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0 });
      expect(runtime.sleeps).toEqual([0]);
    },
  );

  it("uses a new invocation id for every send", async () => {
    const server = await start([OK]);
    const client = clientFor(server, fakeRuntime());
    await client.send(new DescribePullThroughCacheRulesCommand());
    await client.send(new DescribePullThroughCacheRulesCommand());
    const [a, b] = server.requests.map((r) => r.headers["amz-sdk-invocation-id"]);
    expect(a).not.toBe(b);
  });

  it("honours retry-after and x-amz-retry-after within backoff + 5 s", async () => {
    const server = await start([
      error(503, undefined, { headers: { "retry-after": "2" } }),
      error(429, undefined, { headers: { "x-amz-retry-after": "60000" } }),
      OK,
    ]);
    const runtime = fakeRuntime();
    const output = await clientFor(server, runtime).send(new DescribePullThroughCacheRulesCommand());
    // 2 s hint over a 25 ms backoff; then a 60 s hint cut to 1 s (0.5 × 2 × 1000) + 5 s
    expect(runtime.sleeps).toEqual([2_000, 6_000]);
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 8_000 });
  });

  it("stops retrying once the client's retry quota is spent, and refills it on success", async () => {
    const server = await start([error(500)]);
    const runtime = fakeRuntime();
    const client = clientFor(server, runtime, { maxAttempts: 2 });
    const attempts: number[] = [];
    // 500 tokens / 14 per transient retry = 35 retries; sends 36 and later get one attempt only.
    for (let i = 0; i < 37; i++) attempts.push((await sendExpectingError(client)).$metadata.attempts ?? 0);
    expect(attempts.slice(0, 35).every((n) => n === 2)).toBe(true);
    expect(attempts.slice(35)).toEqual([1, 1]);
    expect(server.requests).toHaveLength(35 * 2 + 2);
  });

  it("lets a custom retryStrategy decide, within maxAttempts, and never consults it for aborts", async () => {
    const server = await start([error(400, "ValidationException"), error(400, "ValidationException"), OK]);
    const runtime = fakeRuntime();
    const seen: string[] = [];
    const retryStrategy: RetryStrategy = {
      retryDelay: (failure) => {
        seen.push(`${failure.attempt}/${failure.maxAttempts} ${failure.errorType}`);
        return 7;
      },
    };
    const output = await clientFor(server, runtime, { retryStrategy }).send(
      new DescribePullThroughCacheRulesCommand(),
    );
    expect(seen).toEqual(["1/3 CLIENT_ERROR", "2/3 CLIENT_ERROR"]);
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 14 });
  });
});

/** `20260102T030405Z` → `2026-01-02T03:04:05Z`. */
function isoOf(amzDate: string | undefined): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate ?? "");
  if (!m) throw new Error(`not an x-amz-date: ${amzDate}`);
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`;
}
