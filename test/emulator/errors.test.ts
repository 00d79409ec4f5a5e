import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRServiceException,
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
} from "../../src/index.js";
import { LOCAL_ECR_CREDENTIALS } from "../../src/emulator/index.js";
import { cleanUpLocalEcrs, localEcr, manyRules } from "../support/local-ecr.js";
import { rawCall, type RawCallOptions } from "../support/raw-call.js";

cleanUpLocalEcrs();

const SIX_MINUTES = 6 * 60_000;
const rules = manyRules(5);

async function failure(promise: Promise<unknown>): Promise<ECRServiceException> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ECRServiceException);
  return error as ECRServiceException;
}

describe("local ECR: authentication, as the public client sees it", () => {
  it.each([
    {
      name: "an unknown access key",
      credentials: { accessKeyId: "AKIANOBODY0000000000", secretAccessKey: "x" },
      expected: {
        name: "UnrecognizedClientException",
        status: 400,
        message: /security token included in the request is invalid/,
      },
    },
    {
      name: "a wrong secret",
      credentials: { ...LOCAL_ECR_CREDENTIALS, secretAccessKey: "wrong" },
      expected: {
        name: "InvalidSignatureException",
        status: 403,
        message: /signature we calculated does not match/,
      },
    },
    {
      name: "a wrong region",
      region: "eu-west-1",
      expected: {
        name: "InvalidSignatureException",
        status: 403,
        message: /scoped to a valid region, not 'eu-west-1'/,
      },
    },
  ])("refuses $name", async ({ credentials, region, expected }) => {
    const { client } = await localEcr(
      { rules },
      { ...(credentials ? { credentials } : {}), ...(region ? { region } : {}) },
    );
    const error = await failure(client.send(new DescribePullThroughCacheRulesCommand({})));
    expect(error.name).toBe(expected.name);
    expect(error.$fault).toBe("client");
    expect(error.$metadata.httpStatusCode).toBe(expected.status);
    expect(error.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.message).toMatch(expected.message);
  });

  it.each([
    {
      name: "behind",
      offset: SIX_MINUTES,
      message:
        /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 5 min\.\)$/,
    },
    {
      name: "ahead",
      offset: -SIX_MINUTES,
      message: /^Signature not yet current: \d{8}T\d{6}Z is still later than/,
    },
  ])("refuses a request whose x-amz-date is more than 5 minutes $name", async ({ offset, message }) => {
    // One attempt: a retrying client would correct its clock from the Date header (tested below).
    const { client } = await localEcr({ rules, now: () => Date.now() + offset }, { maxAttempts: 1 });
    const error = await failure(client.send(new DescribePullThroughCacheRulesCommand({})));
    expect(error.name).toBe("InvalidSignatureException");
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toMatch(message);
  });

  it("sends a Date header a retrying client corrects its clock from (10 minutes of skew)", async () => {
    const { client, ecr } = await localEcr({ rules, now: () => Date.now() + 10 * 60_000 });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(page.pullThroughCacheRules).toHaveLength(5);
    expect(ecr.requests.map((request) => request.statusCode)).toEqual([403, 200]);
  });

  it("accepts a 4-minute skew", async () => {
    const { client } = await localEcr({ rules, now: () => Date.now() + 4 * 60_000 });
    const page = await client.send(new DescribePullThroughCacheRulesCommand({}));
    expect(page.pullThroughCacheRules).toHaveLength(5);
  });

  it.each([
    { name: "the right session token", token: "session-1", ok: true },
    { name: "no session token", token: undefined, ok: false },
    { name: "another session token", token: "session-2", ok: false },
  ])("with a session key, accepts only $name", async ({ token, ok }) => {
    const key = {
      accessKeyId: "ASIALOCALSESSION0001",
      secretAccessKey: "session/secret",
      sessionToken: "session-1",
    };
    const credentials = {
      accessKeyId: key.accessKeyId,
      secretAccessKey: key.secretAccessKey,
      ...(token ? { sessionToken: token } : {}),
    };
    const { client } = await localEcr({ rules, credentials: [key] }, { credentials });
    const result = client.send(new DescribePullThroughCacheRulesCommand({}));
    if (ok) await expect(result).resolves.toMatchObject({ $metadata: { httpStatusCode: 200 } });
    else expect((await failure(result)).name).toBe("UnrecognizedClientException");
  });
});

describe("local ECR: what the service rejects, on the wire", () => {
  const cases: { name: string; call: RawCallOptions; status: number; type: string; message?: RegExp }[] = [
    {
      name: "no Authorization header",
      call: { unsigned: true },
      status: 400,
      type: "MissingAuthenticationTokenException",
    },
    {
      name: "a body changed after signing",
      call: { tamper: (r) => (r.body = '{"maxResults":2}') },
      status: 403,
      type: "InvalidSignatureException",
    },
    {
      name: "a signed header changed after signing",
      call: {
        tamper: (r) =>
          (r.headers["x-amz-target"] = "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories"),
      },
      status: 403,
      type: "InvalidSignatureException",
    },
    {
      name: "a signature of the wrong service",
      call: { service: "ecr-public" },
      status: 403,
      type: "InvalidSignatureException",
      message: /correct service: 'ecr'/,
    },
    {
      name: "an Authorization header without Signature",
      call: {
        tamper: (r) =>
          (r.headers["authorization"] = r.headers["authorization"]!.replace(/, Signature=.*$/, "")),
      },
      status: 400,
      type: "IncompleteSignatureException",
      message: /requires 'Signature' parameter/,
    },
    {
      name: "a signature that leaves out the host header",
      call: {
        tamper: (r) =>
          (r.headers["authorization"] = r.headers["authorization"]!.replace(
            /(SignedHeaders=[^,]*?)host;/,
            "$1",
          )),
      },
      status: 400,
      type: "IncompleteSignatureException",
      message: /'Host' or ':authority' must be a 'SignedHeader'/,
    },
    {
      name: "another operation",
      call: { headers: { "x-amz-target": "AmazonEC2ContainerRegistry_V20150921.DescribeRepositories" } },
      status: 400,
      type: "com.amazon.coral.service#UnknownOperationException",
    },
    {
      name: "a wrong content-type",
      call: { headers: { "content-type": "application/json" } },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
    },
    {
      name: "a body over 1 MiB",
      call: { body: JSON.stringify({ nextToken: "x".repeat(1_100_000) }) },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
      message: /too large/,
    },
    {
      name: "a body that is not JSON",
      call: { body: "{maxResults:1" },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
    },
    {
      name: "a JSON array body",
      call: { body: "[]" },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
    },
    {
      name: "maxResults as a string",
      call: { body: '{"maxResults":"5"}' },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
    },
    {
      name: "maxResults 1.5",
      call: { body: '{"maxResults":1.5}' },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
    },
    {
      name: "a prefix list that is a string",
      call: { body: '{"ecrRepositoryPrefixes":"quay"}' },
      status: 400,
      type: "com.amazon.coral.service#SerializationException",
    },
    {
      name: "maxResults 0",
      call: { body: '{"maxResults":0}' },
      status: 400,
      type: "ValidationException",
      message:
        /^1 validation error detected: Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1$/,
    },
    {
      name: "maxResults 1001",
      call: { body: '{"maxResults":1001}' },
      status: 400,
      type: "ValidationException",
      message: /less than or equal to 1000/,
    },
    {
      name: "a registryId of 11 digits",
      call: { body: '{"registryId":"12345678901"}' },
      status: 400,
      type: "ValidationException",
      message: /at 'registryId'.*\[0-9\]\{12\}/,
    },
    {
      name: "an empty prefix list",
      call: { body: '{"ecrRepositoryPrefixes":[]}' },
      status: 400,
      type: "ValidationException",
      message: /greater than or equal to 1/,
    },
    {
      name: "101 prefixes",
      call: {
        body: JSON.stringify({ ecrRepositoryPrefixes: Array.from({ length: 101 }, (_, i) => `p${i}`) }),
      },
      status: 400,
      type: "ValidationException",
      message: /less than or equal to 100/,
    },
    {
      name: "two bad prefixes",
      call: { body: '{"ecrRepositoryPrefixes":["a","Upper"]}' },
      status: 400,
      type: "ValidationException",
      message:
        /^2 validation errors detected: Value 'a' at 'ecrRepositoryPrefixes\.1\.member'.*; Value 'Upper' at 'ecrRepositoryPrefixes\.2\.member' failed to satisfy constraint: Member must satisfy regular expression pattern/,
    },
    {
      name: "a prefix of 31 characters",
      call: { body: JSON.stringify({ ecrRepositoryPrefixes: ["a".repeat(31)] }) },
      status: 400,
      type: "ValidationException",
    },
    {
      name: "an empty nextToken",
      call: { body: '{"nextToken":""}' },
      status: 400,
      type: "InvalidParameterException",
    },
    {
      name: "an unknown prefix",
      call: { body: '{"ecrRepositoryPrefixes":["team-00001","nope"]}' },
      status: 400,
      type: "PullThroughCacheRuleNotFoundException",
      message: /'nope'/,
    },
  ];

  it.each(cases)("answers $name with $status $type", async ({ call, status, type, message }) => {
    const { ecr } = await localEcr({ rules });
    const response = await rawCall(ecr, call);
    expect(response.status).toBe(status);
    expect(response.json?.["__type"]).toBe(type);
    if (message) expect(response.json?.["message"]).toMatch(message);
    expect(response.headers["x-amzn-requestid"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.text).not.toContain(ecr.credentials.secretAccessKey);
  });

  it("ignores unknown input members, as the service does", async () => {
    const { ecr } = await localEcr({ rules });
    const response = await rawCall(ecr, { body: '{"maxresults":1,"maxResults":2}' });
    expect(response.status).toBe(200);
    expect((response.json?.["pullThroughCacheRules"] as unknown[]).length).toBe(2);
  });

  it("never echoes the signature in an error", async () => {
    const { ecr } = await localEcr({ rules });
    let signature = "";
    const response = await rawCall(ecr, {
      tamper: (r) => {
        signature = /Signature=(\w+)/.exec(r.headers["authorization"]!)![1]!;
        r.headers["authorization"] = r.headers["authorization"]!.replace("SignedHeaders", "Signed");
      },
    });
    expect(response.status).toBe(400);
    expect(response.text).not.toContain(signature);
  });
});

describe("local ECR: modelled errors through the public client", () => {
  it("raises PullThroughCacheRuleNotFoundException for an unknown prefix", async () => {
    const { client } = await localEcr({ rules });
    const error = await failure(
      client.send(
        new DescribePullThroughCacheRulesCommand({ ecrRepositoryPrefixes: ["team-00000", "missing"] }),
      ),
    );
    expect(error).toBeInstanceOf(PullThroughCacheRuleNotFoundException);
    expect(error.message).toBe(
      "The pull through cache rule with prefix 'missing' does not exist in the registry with id '123456789012'",
    );
  });

  it.each([
    { name: "altered", token: (t: string) => `${t.slice(0, -2)}AA` },
    { name: "foreign", token: () => "eyJ2IjoxLCJvIjoxLCJxIjoieCJ9.AAAA" },
    { name: "from another query", token: (t: string) => t, input: { registryId: "000000000001" } },
  ])("raises InvalidParameterException for a nextToken that is $name", async ({ token, input }) => {
    const { client } = await localEcr({ rules });
    const first = await client.send(new DescribePullThroughCacheRulesCommand({ maxResults: 2 }));
    const error = await failure(
      client.send(new DescribePullThroughCacheRulesCommand({ ...input, nextToken: token(first.nextToken!) })),
    );
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect(error.message).toMatch(/nextToken/);
  });
});
