import { describe, expect, it } from "vitest";
import { DescribePullThroughCacheRulesCommand, ECRClient, type ECRClientConfig } from "../../src/index.js";
import { FAKE_START, fakeRuntime, type FakeRuntime, withRuntime } from "../support/fake-runtime.js";
import { CREDENTIALS } from "../support/fixtures.js";
import { type ScriptedResponse, type ScriptedServer, useScriptedServer } from "../support/scripted-server.js";
import { expectedSignature, sentSignature } from "../support/sigv4.js";

const start = useScriptedServer();
const TEN_MINUTES = 10 * 60_000;
/** The service's clock is ten minutes ahead of the (fake) local one. */
const serverDate = (skew = TEN_MINUTES): string => new Date(FAKE_START + skew).toUTCString();
const rejected = (code: string, message: string, skew = TEN_MINUTES): ScriptedResponse => ({
  status: 400,
  headers: { date: serverDate(skew) },
  body: { __type: code, message },
});
const OK: ScriptedResponse = { headers: { date: serverDate() }, body: {} };

function clientFor(server: ScriptedServer, runtime: FakeRuntime, config: ECRClientConfig = {}): ECRClient {
  return new ECRClient(
    withRuntime({ region: "us-east-1", credentials: CREDENTIALS, endpoint: server.url, ...config }, runtime),
  );
}
async function failureOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as Error,
  );
}
const signedAt = (server: ScriptedServer): (string | undefined)[] =>
  server.requests.map((r) => r.headers["x-amz-date"]);
const amzDate = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

describe("clock-skew correction", () => {
  it.each<[string, ScriptedResponse]>([
    [
      "InvalidSignatureException: Signature expired",
      rejected(
        "InvalidSignatureException",
        "Signature expired: 20260102T030405Z is now earlier than 20260102T030905Z",
      ),
    ],
    [
      "RequestTimeTooSkewed",
      rejected(
        "RequestTimeTooSkewed",
        "The difference between the request time and the current time is too large",
      ),
    ],
    ["SignatureDoesNotMatch", rejected("SignatureDoesNotMatch", "Signature not yet current")],
  ])("retries %s once, signed with the corrected clock", async (_label, first) => {
    const server = await start([first, OK]);
    const runtime = fakeRuntime();
    const output = await clientFor(server, runtime, { maxAttempts: 3 }).send(
      new DescribePullThroughCacheRulesCommand(),
    );

    expect(output.$metadata.attempts).toBe(2);
    expect(signedAt(server)).toEqual([amzDate(FAKE_START), amzDate(FAKE_START + TEN_MINUTES)]);
    expect(sentSignature(server.requests[1]!)).toBe(
      expectedSignature(server.requests[1]!, CREDENTIALS.secretAccessKey),
    );
  });

  it("keeps the offset on the client: the next send is signed with the corrected clock at once", async () => {
    const server = await start([rejected("RequestTimeTooSkewed", "skewed"), OK]);
    const runtime = fakeRuntime();
    const client = clientFor(server, runtime);
    await client.send(new DescribePullThroughCacheRulesCommand());
    runtime.advance(1_000);
    await client.send(new DescribePullThroughCacheRulesCommand());
    expect(signedAt(server)[2]).toBe(amzDate(FAKE_START + TEN_MINUTES + 1_000));
    expect(server.requests[2]?.headers["amz-sdk-request"]).toBe("attempt=1; max=3");
  });

  it("retries only once: a second skew error with the clock already corrected is final", async () => {
    const server = await start([rejected("RequestTimeTooSkewed", "skewed")]);
    const failure = await failureOf(
      clientFor(server, fakeRuntime(), { maxAttempts: 5 }).send(new DescribePullThroughCacheRulesCommand()),
    );
    expect(failure).toMatchObject({
      name: "RequestTimeTooSkewed",
      $metadata: { attempts: 2, httpStatusCode: 400 },
    });
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry when the server's clock is less than 4 minutes off", async () => {
    const server = await start([rejected("RequestTimeTooSkewed", "skewed", 3 * 60_000), OK]);
    const failure = await failureOf(
      clientFor(server, fakeRuntime()).send(new DescribePullThroughCacheRulesCommand()),
    );
    expect(failure.name).toBe("RequestTimeTooSkewed");
    expect(server.requests).toHaveLength(1);
  });

  it("learns the offset from successful responses too", async () => {
    const server = await start([OK]);
    const client = clientFor(server, fakeRuntime());
    await client.send(new DescribePullThroughCacheRulesCommand());
    await client.send(new DescribePullThroughCacheRulesCommand());
    expect(signedAt(server)).toEqual([amzDate(FAKE_START), amzDate(FAKE_START + TEN_MINUTES)]);
  });

  it("does not retry a modelled client error just because its Date corrected the clock", async () => {
    const server = await start([rejected("PullThroughCacheRuleNotFoundException", "none"), OK]);
    const failure = await failureOf(
      clientFor(server, fakeRuntime()).send(new DescribePullThroughCacheRulesCommand()),
    );
    expect(failure.name).toBe("PullThroughCacheRuleNotFoundException");
    expect(server.requests).toHaveLength(1);
  });
});
