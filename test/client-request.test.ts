import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type DescribePullThroughCacheRulesCommandInput,
  type ECRClientConfig,
} from "../src/index.js";
import { CREDENTIALS, SESSION_CREDENTIALS } from "./support/fixtures.js";
import { respond, useMsw } from "./support/msw.js";
import { expectedSignature, sentSignature, type CapturedRequest } from "./support/sigv4.js";

const { server, requests } = useMsw();
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  name: string;
  version: string;
};
const USER_AGENT = `${pkg.name}/${pkg.version}`;

/** Sends one command against an msw handler at `url` and returns the request the handler saw. */
async function sendOnce(
  config: ECRClientConfig,
  input: DescribePullThroughCacheRulesCommandInput = {},
  url = "https://api.ecr.us-east-1.amazonaws.com/",
): Promise<CapturedRequest> {
  server.use(respond({}, { url }));
  await new ECRClient({ region: "us-east-1", ...config }).send(
    new DescribePullThroughCacheRulesCommand(input),
  );
  expect(requests).toHaveLength(1);
  return requests[0]!;
}

const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

describe("the request on the wire", () => {
  it("is an awsJson 1.1 POST to / with the operation's headers and JSON body", async () => {
    const request = await sendOnce(
      { credentials: CREDENTIALS },
      { ecrRepositoryPrefixes: ["docker-hub"], maxResults: 5 },
    );
    const body = '{"ecrRepositoryPrefixes":["docker-hub"],"maxResults":5}';
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/");
    expect(request.body).toBe(body);
    expect(request.headers).toMatchObject({
      host: "api.ecr.us-east-1.amazonaws.com",
      "content-type": "application/x-amz-json-1.1",
      "content-length": String(Buffer.byteLength(body)),
      "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules",
      "user-agent": USER_AGENT,
      "x-amz-user-agent": USER_AGENT,
      "x-amz-content-sha256": sha256Hex(body),
    });
    expect(request.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(request.headers).not.toHaveProperty("x-amz-security-token");
  });

  it("sends {} for empty input, never an empty body", async () => {
    const request = await sendOnce({ credentials: CREDENTIALS });
    expect(request.body).toBe("{}");
    expect(request.headers["content-length"]).toBe("2");
  });

  it.each([
    ["eu-west-1", "https://api.ecr.eu-west-1.amazonaws.com/"],
    ["ap-southeast-2", "https://api.ecr.ap-southeast-2.amazonaws.com/"],
  ])("goes to the regional endpoint of %s", async (region, url) => {
    const request = await sendOnce({ region, credentials: CREDENTIALS }, {}, url);
    expect(request.headers["host"]).toBe(new URL(url).host);
    expect(request.headers["authorization"]).toContain(`/${region}/ecr/aws4_request`);
  });

  it("keeps a custom endpoint's scheme, port and base path", async () => {
    const request = await sendOnce(
      { credentials: CREDENTIALS, endpoint: "http://localhost:4566/base" },
      {},
      "http://localhost:4566/base/",
    );
    expect(request.path).toBe("/base/");
    expect(request.headers["host"]).toBe("localhost:4566");
    expect(sentSignature(request)).toBe(expectedSignature(request, CREDENTIALS.secretAccessKey));
  });

  it("accepts the endpoint as a URL object", async () => {
    const request = await sendOnce(
      { credentials: CREDENTIALS, endpoint: new URL("http://127.0.0.1:4566/") },
      {},
      "http://127.0.0.1:4566/",
    );
    expect(request.headers["host"]).toBe("127.0.0.1:4566");
  });
});

describe("SigV4, recomputed independently with node:crypto", () => {
  const credentialScope =
    /^AWS4-HMAC-SHA256 Credential=AKIDTESTACCESSKEY01\/(\d{8})\/us-east-1\/ecr\/aws4_request, SignedHeaders=([^,]+), Signature=[0-9a-f]{64}$/;
  /** `x-amz-date` as epoch ms. */
  const amzDateMs = (value: string): number =>
    Date.parse(value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z"));

  it.each<[string, ECRClientConfig, DescribePullThroughCacheRulesCommandInput, string[]]>([
    ["static credentials", { credentials: CREDENTIALS }, {}, []],
    ["a session token", { credentials: SESSION_CREDENTIALS }, {}, ["x-amz-security-token"]],
    [
      "a credentials provider function",
      { credentials: () => Promise.resolve(SESSION_CREDENTIALS) },
      { maxResults: 1 },
      ["x-amz-security-token"],
    ],
    [
      "a body with non-ASCII and JSON escapes",
      { credentials: CREDENTIALS },
      { nextToken: 'é✓ "quoted" /+=' },
      [],
    ],
  ])("verifies with %s", async (_, config, input, extraSigned) => {
    const request = await sendOnce(config, input);
    const match = credentialScope.exec(request.headers["authorization"] ?? "");
    expect(match).not.toBeNull();
    const [, scopeDate, signedHeaders] = match!;
    const amzDate = request.headers["x-amz-date"] ?? "";
    expect(amzDate.slice(0, 8)).toBe(scopeDate);
    expect(Math.abs(amzDateMs(amzDate) - Date.now())).toBeLessThan(5 * 60_000);
    const signed = signedHeaders!.split(";");
    expect(signed).toEqual(
      expect.arrayContaining([
        "host",
        "content-type",
        "x-amz-date",
        "x-amz-target",
        "x-amz-content-sha256",
        ...extraSigned,
      ]),
    );
    expect(sentSignature(request)).toBe(expectedSignature(request, CREDENTIALS.secretAccessKey));
  });

  it("sends the session token as x-amz-security-token", async () => {
    const request = await sendOnce({ credentials: SESSION_CREDENTIALS });
    expect(request.headers["x-amz-security-token"]).toBe(SESSION_CREDENTIALS.sessionToken);
  });

  it("would catch a wrong signature (the check is not vacuous)", async () => {
    const request = await sendOnce({ credentials: SESSION_CREDENTIALS }, { maxResults: 5 });
    const good = expectedSignature(request, CREDENTIALS.secretAccessKey);
    expect(sentSignature(request)).toBe(good);
    const tampered: CapturedRequest[] = [
      { ...request, body: '{"maxResults":6}' },
      { ...request, path: "/other/" },
      {
        ...request,
        headers: {
          ...request.headers,
          "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.DeleteRepository",
        },
      },
      { ...request, headers: { ...request.headers, "x-amz-security-token": "other-token" } },
      { ...request, headers: { ...request.headers, host: "evil.example" } },
    ];
    for (const changed of tampered)
      expect(expectedSignature(changed, CREDENTIALS.secretAccessKey)).not.toBe(good);
    expect(expectedSignature(request, "another-secret")).not.toBe(good);
  });

  it("never puts the secret key on the wire", async () => {
    const request = await sendOnce({ credentials: SESSION_CREDENTIALS });
    expect(JSON.stringify(request)).not.toContain(CREDENTIALS.secretAccessKey);
  });
});
