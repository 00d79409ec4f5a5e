import { describe, expect, it } from "vitest";
import { AbortError, DescribePullThroughCacheRulesCommand, ECRClient } from "../../src/index.js";
import type { AwsCredentialIdentity } from "../../src/index.js";

/** A provider that never settles, like an IMDS call into a black hole. */
const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

describe("a provider that never answers cannot make send ignore its abort signal", () => {
  it.each([
    ["credentials", { region: "us-east-1", credentials: () => never<AwsCredentialIdentity>() }],
    ["region", { region: () => never<string>(), credentials: { accessKeyId: "a", secretAccessKey: "b" } }],
  ] as const)("hung %s provider → AbortError", async (_what, config) => {
    const client = new ECRClient({ ...config, endpoint: "http://127.0.0.1:9" });
    const controller = new AbortController();
    const sent = client.send(new DescribePullThroughCacheRulesCommand({}), {
      abortSignal: controller.signal,
    });
    setTimeout(() => {
      controller.abort();
    }, 20);
    await expect(sent).rejects.toBeInstanceOf(AbortError);
  });
});
