import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { describe, expect, expectTypeOf, it } from "vitest";
import { DescribePullThroughCacheRulesCommand, ECRClient, type ECRClientConfig } from "../../src/index.js";
import { testHost } from "../support/config-host.js";
import { respond, useMsw } from "../support/msw.js";
import { expectedSignature } from "../support/sigv4.js";

const { server, requests } = useMsw();

describe("@aws-sdk/credential-providers plug in unchanged", () => {
  it("type-checks fromIni(), fromNodeProviderChain() and fromTemporaryCredentials() as `credentials`", () => {
    expectTypeOf(fromIni()).toExtend<NonNullable<ECRClientConfig["credentials"]>>();
    expectTypeOf(fromNodeProviderChain()).toExtend<NonNullable<ECRClientConfig["credentials"]>>();
    expectTypeOf(
      fromTemporaryCredentials({ params: { RoleArn: "arn:aws:iam::123456789012:role/r" } }),
    ).toExtend<NonNullable<ECRClientConfig["credentials"]>>();
    // Constructing clients with them sends nothing: providers are only called on the first send.
    const configs = [
      { region: "us-east-1", credentials: fromIni({ profile: "dev" }) },
      { region: "us-east-1", credentials: fromNodeProviderChain() },
      {
        region: "us-east-1",
        credentials: fromTemporaryCredentials({ params: { RoleArn: "arn:aws:iam::123456789012:role/r" } }),
      },
    ] satisfies ECRClientConfig[];
    expect(configs.map((config) => new ECRClient(config))).toHaveLength(3);
  });

  it("signs with what fromIni() reads from a credentials file given in its options", async () => {
    server.use(respond({ pullThroughCacheRules: [] }));
    const { home } = testHost();
    const filepath = join(home, "credentials");
    writeFileSync(
      filepath,
      "[ci]\naws_access_key_id = AKIDFROMINI\naws_secret_access_key = INIsecret/never+print\n",
    );
    const credentials = fromIni({
      profile: "ci",
      filepath,
      configFilepath: join(home, "config"),
      ignoreCache: true,
    });
    const client = new ECRClient({ region: "us-east-1", credentials });
    await client.send(new DescribePullThroughCacheRulesCommand({}));
    const [request] = requests;
    expect(request?.headers.authorization).toContain("Credential=AKIDFROMINI/");
    expect(request?.headers.authorization).toContain(
      `Signature=${expectedSignature(request!, "INIsecret/never+print")}`,
    );
  });
});
