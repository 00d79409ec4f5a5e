import type { AwsCredentialIdentity } from "@smithy/types";
import { describe, expect, it } from "vitest";
import { memoizeCredentials, REFRESH_BEFORE_EXPIRY_MS } from "../../src/config/memoize-credentials.js";
import { createConfigResolver } from "../../src/config/resolve-config.js";
import { CredentialsError } from "../../src/errors/client-errors.js";
import { DescribePullThroughCacheRulesCommand, ECRClient } from "../../src/index.js";
import { testHost } from "../support/config-host.js";
import { CREDENTIALS } from "../support/fixtures.js";
import { respond, useMsw } from "../support/msw.js";
import { expectedSignature } from "../support/sigv4.js";

const { server, requests } = useMsw();
const T0 = Date.parse("2030-01-01T00:00:00Z");
const MINUTE = 60_000;

/** A provider that counts its calls and hands out numbered identities expiring `ttl` after the clock. */
function countingProvider(clock: { now: number }, ttl: number | undefined) {
  const state = { calls: 0 };
  const provider = async (): Promise<AwsCredentialIdentity> => {
    state.calls++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    return {
      accessKeyId: `AKID${state.calls}`,
      secretAccessKey: CREDENTIALS.secretAccessKey,
      ...(ttl !== undefined && { expiration: new Date(clock.now + ttl) }),
    };
  };
  return { state, provider };
}

describe("memoized credentials", () => {
  it("10 concurrent sends share one resolution", async () => {
    server.use(respond({}));
    const { state, provider } = countingProvider({ now: Date.now() }, 60 * MINUTE);
    const client = new ECRClient({ region: "us-east-1", credentials: provider });
    await Promise.all(
      Array.from({ length: 10 }, () => client.send(new DescribePullThroughCacheRulesCommand({}))),
    );
    expect(state.calls).toBe(1);
    expect(requests).toHaveLength(10);
    for (const request of requests) {
      expect(request.headers.authorization).toContain("Credential=AKID1/");
      expect(request.headers.authorization).toContain(
        `Signature=${expectedSignature(request, CREDENTIALS.secretAccessKey)}`,
      );
    }
  });

  it.each([
    ["no expiration: resolved once", undefined, [0, 24 * 60 * MINUTE], 1],
    ["reused while more than 5 minutes remain", 10 * MINUTE, [0, 4 * MINUTE, 5 * MINUTE - 1], 1],
    ["refreshed 5 minutes before expiration", 10 * MINUTE, [0, 5 * MINUTE], 2],
    ["refreshed again after each window", 10 * MINUTE, [0, 5 * MINUTE, 9 * MINUTE, 10 * MINUTE], 3],
    ["already expired on arrival: refreshed every time", 0, [0, 0, 1], 3],
  ] as const)("%s", async (_, ttl, times, expectedCalls) => {
    const clock = { now: T0 };
    const { state, provider } = countingProvider(clock, ttl);
    const credentials = memoizeCredentials(provider, () => clock.now);
    for (const time of times) {
      clock.now = T0 + time;
      await credentials();
    }
    expect(state.calls).toBe(expectedCalls);
    expect(REFRESH_BEFORE_EXPIRY_MS).toBe(5 * MINUTE);
  });

  it("shares one refresh among concurrent callers and returns the new identity", async () => {
    const clock = { now: T0 };
    const { state, provider } = countingProvider(clock, 10 * MINUTE);
    const credentials = memoizeCredentials(provider, () => clock.now);
    expect((await credentials()).accessKeyId).toBe("AKID1");
    clock.now += 6 * MINUTE;
    const identities = await Promise.all(Array.from({ length: 10 }, () => credentials()));
    expect(state.calls).toBe(2);
    expect(new Set(identities.map((identity) => identity.accessKeyId))).toEqual(new Set(["AKID2"]));
  });

  it("keeps unexpired credentials when an early refresh fails, and fails once they have expired", async () => {
    const clock = { now: T0 };
    let fail = false;
    const provider = () =>
      fail
        ? Promise.reject(new Error("IMDS blip"))
        : Promise.resolve({ ...CREDENTIALS, expiration: new Date(clock.now + 10 * MINUTE) });
    const credentials = memoizeCredentials(provider, () => clock.now);
    const first = await credentials();
    fail = true;
    clock.now += 6 * MINUTE;
    expect(await credentials()).toBe(first);
    clock.now += 4 * MINUTE;
    await expect(credentials()).rejects.toThrow(/IMDS blip/);
  });

  it("does not cache a failure", async () => {
    let calls = 0;
    const credentials = memoizeCredentials(() =>
      ++calls === 1 ? Promise.reject(new Error("flaky")) : Promise.resolve(CREDENTIALS),
    );
    await expect(credentials()).rejects.toThrow(CredentialsError);
    await expect(credentials()).resolves.toEqual(CREDENTIALS);
  });

  it.each([undefined, {}, { accessKeyId: "A" }, { accessKeyId: "", secretAccessKey: "s" }])(
    "rejects a provider result without keys (%j)",
    async (identity) => {
      const credentials = memoizeCredentials(() =>
        Promise.resolve(identity as unknown as AwsCredentialIdentity),
      );
      await expect(credentials()).rejects.toThrow(/returned no accessKeyId\/secretAccessKey/);
    },
  );

  it("memoizes the default chain: one credential_process run for 10 concurrent signers, another near expiry", async () => {
    const clock = { now: T0 };
    const { host } = testHost({
      env: { AWS_REGION: "us-east-1" },
      configFile: "[default]\ncredential_process = get-creds\n",
      now: () => clock.now,
    });
    const runs: string[] = [];
    host.runProcess = (command) => {
      runs.push(command);
      const Expiration = new Date(clock.now + 15 * MINUTE).toISOString();
      return Promise.resolve(
        JSON.stringify({ Version: 1, AccessKeyId: `AKIDP${runs.length}`, SecretAccessKey: "s", Expiration }),
      );
    };
    const resolve = createConfigResolver({}, host);
    const first = await Promise.all(Array.from({ length: 10 }, async () => (await resolve()).credentials()));
    expect(runs).toEqual(["get-creds"]);
    expect(first.every((identity) => identity.accessKeyId === "AKIDP1")).toBe(true);
    clock.now += 9 * MINUTE;
    expect((await (await resolve()).credentials()).accessKeyId).toBe("AKIDP1");
    clock.now += 1 * MINUTE;
    expect((await (await resolve()).credentials()).accessKeyId).toBe("AKIDP2");
    expect(runs).toHaveLength(2);
  });
});
