import { describe, expect, it } from "vitest";
import {
  AbortError,
  DescribePullThroughCacheRulesCommand,
  ECRClientError,
  ECRServiceException,
  NetworkError,
  ServerException,
} from "../../src/index.js";
import type { LocalEcrFault } from "../../src/emulator/index.js";
import { cleanUpLocalEcrs, localEcr, manyRules } from "../support/local-ecr.js";

cleanUpLocalEcrs();

// One attempt per send, so each fault is seen as it is (retries are the retry policy's tests).
const ONE_ATTEMPT = { maxAttempts: 1 };
const rules = manyRules(300);

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "ok",
    (error: unknown) => error,
  );
}

describe("local ECR: scripted faults", () => {
  it.each<{ name: string; fault: LocalEcrFault; check: (error: unknown) => void }>([
    {
      name: "throttling (400 ThrottlingException)",
      fault: { type: "throttle" },
      check: (error) => {
        expect(error).toBeInstanceOf(ECRServiceException);
        expect(error).toMatchObject({
          name: "ThrottlingException",
          message: "Rate exceeded",
          $metadata: { httpStatusCode: 400 },
        });
      },
    },
    {
      name: "throttling as 429",
      fault: { type: "throttle", status: 429 },
      check: (error) => {
        expect(error).toMatchObject({ name: "ThrottlingException", $metadata: { httpStatusCode: 429 } });
      },
    },
    {
      name: "a 500 ServerException",
      fault: { type: "server-error" },
      check: (error) => {
        expect(error).toBeInstanceOf(ServerException);
        expect(error).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 500 } });
      },
    },
    {
      name: "a 502 HTML page from a proxy",
      fault: { type: "server-error", body: "html" },
      check: (error) => {
        expect(error).toBeInstanceOf(ECRServiceException);
        expect(error).toMatchObject({ $fault: "server", $metadata: { httpStatusCode: 502 } });
        expect((error as Error).message).toMatch(/HTTP 502 .*\(text\/html\).*Bad Gateway/);
      },
    },
    {
      name: "an empty 503",
      fault: { type: "server-error", status: 503, body: "empty" },
      check: (error) => {
        expect((error as Error).message).toMatch(/HTTP 503 with an empty body/);
      },
    },
    {
      name: "a connection reset",
      fault: { type: "reset" },
      check: (error) => {
        expect(error).toBeInstanceOf(NetworkError);
      },
    },
    {
      name: "a truncated body",
      fault: { type: "truncate" },
      check: (error) => {
        expect(error).toBeInstanceOf(ECRClientError);
      },
    },
    {
      name: "a server clock 10 minutes ahead",
      fault: { type: "skew", ms: 10 * 60_000 },
      check: (error) => {
        expect(error).toMatchObject({
          name: "InvalidSignatureException",
          $metadata: { httpStatusCode: 403 },
        });
        expect((error as Error).message).toMatch(/^Signature expired/);
        const date = (error as ECRServiceException).$response?.headers["date"];
        expect(new Date(date!).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
      },
    },
  ])("$name fails one call, then the next succeeds", async ({ fault, check }) => {
    const { client, ecr } = await localEcr({ rules, faults: [fault] }, ONE_ATTEMPT);
    check(await outcome(client.send(new DescribePullThroughCacheRulesCommand({}))));
    // A fresh client: this one may have learnt a clock offset from the skewed Date header.
    const { ECRClient } = await import("../../src/index.js");
    const fresh = new ECRClient({ region: ecr.region, endpoint: ecr.endpoint, credentials: ecr.credentials });
    const next = await fresh.send(new DescribePullThroughCacheRulesCommand({}));
    fresh.destroy();
    expect(next.pullThroughCacheRules).toHaveLength(100);
    expect(ecr.requests.map((request) => request.fault)).toEqual([fault.type, undefined]);
  });

  it.each<LocalEcrFault>([
    { type: "delay", ms: 50 },
    { type: "slow-body", ms: 50 },
    { type: "skew", ms: 2 * 60_000 },
  ])("a $type fault still delivers the whole page", async (fault) => {
    const { client, ecr } = await localEcr({ rules, faults: [fault] }, ONE_ATTEMPT);
    const page = await client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 300 }));
    expect(page.pullThroughCacheRules).toHaveLength(300);
    expect(ecr.requests[0]).toMatchObject({ fault: fault.type, statusCode: 200 });
  });

  it("with retries on (the default), a throttle then a 503 still end in a page", async () => {
    const faults: LocalEcrFault[] = [{ type: "throttle" }, { type: "server-error", status: 503 }];
    const { client, ecr } = await localEcr({ rules, faults });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(page.pullThroughCacheRules).toHaveLength(100);
    expect(page.$metadata.attempts).toBe(3);
    expect(ecr.requests.map((request) => request.statusCode)).toEqual([400, 503, 200]);
  });

  it("a delay outlasting the caller's abort signal ends in AbortError", async () => {
    const { client } = await localEcr({ rules, faults: [{ type: "delay", ms: 2_000 }] }, ONE_ATTEMPT);
    const error = await outcome(
      client.send(new DescribePullThroughCacheRulesCommand({}), { abortSignal: AbortSignal.timeout(50) }),
    );
    expect(error).toBeInstanceOf(AbortError);
  });

  it("applies faults in order, one per request, including ones injected later", async () => {
    const { client, ecr } = await localEcr({ rules, faults: [{ type: "throttle" }] }, ONE_ATTEMPT);
    ecr.inject({ type: "server-error" }, { type: "reset" });
    const results = [];
    for (let i = 0; i < 4; i++)
      results.push(await outcome(client.send(new DescribePullThroughCacheRulesCommand({}))));
    expect(results.map((result) => (result === "ok" ? "ok" : (result as Error).name))).toEqual([
      "ThrottlingException",
      "ServerException",
      "NetworkError",
      "ok",
    ]);
  });

  it("closes promptly while a slow answer is pending", async () => {
    const { client, ecr } = await localEcr({ rules, faults: [{ type: "delay", ms: 60_000 }] }, ONE_ATTEMPT);
    const pending = outcome(client.send(new DescribePullThroughCacheRulesCommand({})));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ecr.close();
    expect(await pending).toBeInstanceOf(NetworkError);
  });
});
