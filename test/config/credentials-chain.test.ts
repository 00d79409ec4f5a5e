import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { defaultCredentialsProvider } from "../../src/config/default-credentials.js";
import { ConfigurationError, CredentialsError } from "../../src/errors/client-errors.js";
import { CREDENTIALS, SESSION_CREDENTIALS } from "../support/fixtures.js";
import { testHost, type TestHostOptions } from "../support/config-host.js";

const ENV_KEYS = {
  AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
};
const FILE_KEYS = "aws_access_key_id = AKIDFROMFILE\naws_secret_access_key = FILEsecret-never-print-me\n";

function resolveWith(options: TestHostOptions, profile?: string) {
  const context = testHost(options);
  return { ...context, result: defaultCredentialsProvider(profile, context.host)() };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

describe("environment link", () => {
  it("reads keys, session token and expiration without touching files, IMDS or STS", async () => {
    const { result, calls } = resolveWith({
      env: {
        ...ENV_KEYS,
        AWS_SESSION_TOKEN: SESSION_CREDENTIALS.sessionToken,
        AWS_CREDENTIAL_EXPIRATION: "2030-01-02T03:04:05Z",
      },
      credentialsFile: FILE_KEYS,
    });
    expect(await result).toEqual({ ...SESSION_CREDENTIALS, expiration: new Date("2030-01-02T03:04:05Z") });
    expect(calls).toEqual({ imds: [], nodeProvider: [], sharedFileLoads: 0 });
  });

  it.each([
    [{ AWS_ACCESS_KEY_ID: "AKID" }, "AWS_SECRET_ACCESS_KEY"],
    [{ AWS_SECRET_ACCESS_KEY: "secret-never-print-me" }, "AWS_ACCESS_KEY_ID"],
    [{ ...ENV_KEYS, AWS_CREDENTIAL_EXPIRATION: "tomorrow" }, "AWS_CREDENTIAL_EXPIRATION"],
  ])("rejects half-set or malformed env (%j) naming %s", async (env, setting) => {
    const error = await failure(resolveWith({ env }).result);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ setting });
    expect(inspect(error)).not.toContain("never-print-me");
  });

  it.each([
    ["AWS_PROFILE", { env: { ...ENV_KEYS, AWS_PROFILE: "dev" } }, undefined],
    ["profile option", { env: ENV_KEYS }, "dev"],
  ] as const)("is skipped when %s chooses a profile, as in the AWS SDK", async (_, options, profile) => {
    const { result } = resolveWith({ ...options, credentialsFile: `[dev]\n${FILE_KEYS}` }, profile);
    expect(await result).toEqual({
      accessKeyId: "AKIDFROMFILE",
      secretAccessKey: "FILEsecret-never-print-me",
    });
  });
});

describe("shared files link", () => {
  it.each([
    ["credentials file [default]", { credentialsFile: `[default]\n${FILE_KEYS}` }, undefined],
    ["config file [default]", { configFile: `[default]\n${FILE_KEYS}` }, undefined],
    ["config file [profile dev] via option", { configFile: `[profile dev]\n${FILE_KEYS}` }, "dev"],
    [
      "credentials file beats config file",
      {
        credentialsFile: `[default]\n${FILE_KEYS}`,
        configFile: "[default]\naws_access_key_id = OTHER\naws_secret_access_key = OTHER\n",
      },
      undefined,
    ],
  ] satisfies [string, TestHostOptions, string | undefined][])(
    "static keys from %s",
    async (_, options, profile) => {
      expect(await resolveWith(options, profile).result).toEqual({
        accessKeyId: "AKIDFROMFILE",
        secretAccessKey: "FILEsecret-never-print-me",
      });
    },
  );

  it("reads a session token and honours AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE", async () => {
    const { host, home } = testHost();
    writeFileSync(join(home, "creds.ini"), `[default]\n${FILE_KEYS}aws_session_token = FILEtoken\n`);
    const withPaths = {
      ...host,
      env: { AWS_SHARED_CREDENTIALS_FILE: join(home, "creds.ini"), AWS_CONFIG_FILE: join(home, "none") },
    };
    expect(await defaultCredentialsProvider(undefined, withPaths)()).toMatchObject({
      sessionToken: "FILEtoken",
    });
  });

  it("runs credential_process and reads its JSON", async () => {
    const { host, home } = testHost();
    const script = join(home, "creds.mjs");
    const output = {
      Version: 1,
      AccessKeyId: "AKIDPROC",
      SecretAccessKey: "PROCsecret",
      SessionToken: "PROCtoken",
      Expiration: "2031-01-01T00:00:00Z",
    };
    writeFileSync(script, `process.stdout.write(${JSON.stringify(JSON.stringify(output))});`);
    writeFileSync(
      join(home, ".aws", "config"),
      `[default]\ncredential_process = "${process.execPath}" "${script}"\n`,
    );
    expect(await defaultCredentialsProvider(undefined, host)()).toEqual({
      accessKeyId: "AKIDPROC",
      secretAccessKey: "PROCsecret",
      sessionToken: "PROCtoken",
      expiration: new Date("2031-01-01T00:00:00Z"),
    });
  });

  it.each([
    [
      "exits non-zero",
      `process.stderr.write("token expired, run login"); process.exit(3);`,
      /exited with code 3: token expired, run login/,
    ],
    ["prints non-JSON", `process.stdout.write("AKID PROCsecret-never-print-me");`, /not JSON/],
    [
      "prints Version 2",
      `process.stdout.write(JSON.stringify({ Version: 2, AccessKeyId: "A", SecretAccessKey: "PROCsecret-never-print-me" }));`,
      /only Version 1/,
    ],
    [
      "prints no secret",
      `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: "A" }));`,
      /no AccessKeyId\/SecretAccessKey/,
    ],
  ])(
    "a credential_process that %s is a CredentialsError that never quotes stdout",
    async (_, code, message) => {
      const { host, home } = testHost();
      writeFileSync(join(home, "creds.mjs"), code);
      writeFileSync(
        join(home, ".aws", "credentials"),
        `[default]\ncredential_process = "${process.execPath}" "${join(home, "creds.mjs")}"\n`,
      );
      const error = await failure(defaultCredentialsProvider(undefined, host)());
      expect(error).toBeInstanceOf(CredentialsError);
      expect(error.message).toMatch(message);
      expect(error.message).toContain('profile "default"');
      expect(inspect(error)).not.toContain("never-print-me");
    },
  );

  it("fails when a profile chosen by name does not exist, instead of falling through to IMDS", async () => {
    const { result, calls, home } = resolveWith({
      env: { AWS_PROFILE: "prod" },
      credentialsFile: `[default]\n${FILE_KEYS}`,
    });
    const error = await failure(result);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ setting: "AWS_PROFILE" });
    expect(error.message).toContain(`profile "prod" in ${join(home, ".aws", "credentials")}`);
    expect(calls.imds).toEqual([]);
  });

  it("rejects half a key pair naming the missing key", async () => {
    const error = await failure(
      resolveWith({ credentialsFile: "[default]\naws_access_key_id = AKID\n" }).result,
    );
    expect(error).toMatchObject({ name: "ConfigurationError", setting: "aws_secret_access_key" });
  });
});

describe("settings that need STS or SSO", () => {
  const delegated = [
    ["role_arn", "[profile dev]\nrole_arn = arn:aws:iam::123456789012:role/r\nsource_profile = default\n"],
    [
      "web_identity_token_file",
      "[profile dev]\nweb_identity_token_file = /var/token\nrole_arn_missing = 1\n",
    ],
    [
      "sso_session",
      "[profile dev]\nsso_session = corp\nsso_account_id = 123456789012\nsso_role_name = Admin\n",
    ],
    ["sso_start_url", "[profile dev]\nsso_start_url = https://corp.awsapps.com/start\n"],
  ] as const;

  it.each(delegated)(
    "%s is delegated to @aws-sdk/credential-provider-node with our profile and files",
    async (_, configFile) => {
      const { result, calls, home } = resolveWith(
        { configFile, nodeProvider: () => Promise.resolve(CREDENTIALS) },
        "dev",
      );
      expect(await result).toEqual(CREDENTIALS);
      expect(calls.nodeProvider).toEqual([
        {
          profile: "dev",
          filepath: join(home, ".aws", "credentials"),
          configFilepath: join(home, ".aws", "config"),
          ignoreCache: true,
        },
      ]);
    },
  );

  it.each(delegated)(
    "%s without the peer package names the setting and the package",
    async (setting, configFile) => {
      const error = await failure(resolveWith({ configFile, nodeProvider: "missing" }, "dev").result);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ setting });
      expect(error.message).toContain(`${setting} is set (profile "dev")`);
      expect(error.message).toContain("npm install @aws-sdk/credential-provider-node");
      expect(error.message).toContain('fromIni({ profile: "dev" })');
    },
  );

  it("delegates AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN before container and IMDS", async () => {
    const env = {
      AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token",
      AWS_ROLE_ARN: "arn:aws:iam::1:role/r",
      AWS_CONTAINER_CREDENTIALS_FULL_URI: "http://127.0.0.1:9/creds",
    };
    const { result, calls } = resolveWith({ env, nodeProvider: () => Promise.resolve(CREDENTIALS) });
    expect(await result).toEqual(CREDENTIALS);
    expect(calls.nodeProvider).toHaveLength(1);
    expect(calls.imds).toEqual([]);
  });

  it("names AWS_WEB_IDENTITY_TOKEN_FILE and fromTokenFile() when the package is absent", async () => {
    const env = { AWS_WEB_IDENTITY_TOKEN_FILE: "/var/run/token", AWS_ROLE_ARN: "arn:aws:iam::1:role/r" };
    const error = await failure(resolveWith({ env, nodeProvider: "missing" }).result);
    expect(error).toMatchObject({ name: "ConfigurationError", setting: "AWS_WEB_IDENTITY_TOKEN_FILE" });
    expect(error.message).toContain("fromTokenFile()");
  });

  it("wraps a failing delegated provider in a CredentialsError", async () => {
    const configFile = delegated[0][1];
    const error = await failure(
      resolveWith({ configFile, nodeProvider: () => Promise.reject(new Error("AccessDenied")) }, "dev")
        .result,
    );
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toMatch(/role_arn \(profile "dev"\): .*AccessDenied/);
  });

  it("really loads @aws-sdk/credential-provider-node when it is installed", async () => {
    const { nodeHost } = await import("../../src/config/host.js");
    const module = await nodeHost().importNodeProvider();
    expect(typeof module.defaultProvider).toBe("function");
  });
});

describe("no credentials", () => {
  it("lists every source tried, in order, and how to fix it", async () => {
    const { result, calls, home } = resolveWith({});
    const error = await failure(result);
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toBe(
      [
        "no credentials found. Tried, in order:",
        "  - environment: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set",
        `  - shared files: no profile "default" in ${join(home, ".aws", "credentials")} or ${join(home, ".aws", "config")}`,
        "  - web identity: AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN not both set",
        "  - container: AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI not set",
        "  - EC2 instance metadata: EC2 instance metadata service: Unable to connect to instance metadata service (fake)",
        "Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, configure a profile, or pass `credentials` to new ECRClient().",
      ].join("\n"),
    );
    // Bounded: one request time-out of 1 s, no retries.
    expect(calls.imds).toEqual([{ init: { timeout: 1000, maxRetries: 0, profile: "default" } }]);
  });

  it("honours AWS_EC2_METADATA_DISABLED without loading the IMDS provider", async () => {
    const { result, calls } = resolveWith({
      env: { AWS_EC2_METADATA_DISABLED: "true" },
      configFile: "[default]\nregion = us-east-1\n",
    });
    const error = await failure(result);
    expect(error.message).toContain('  - shared files: profile "default" in');
    expect(error.message).toContain("has no credentials");
    expect(error.message).toContain(
      "EC2 instance metadata: EC2 instance metadata disabled by AWS_EC2_METADATA_DISABLED",
    );
    expect(calls.imds).toEqual([]);
  });
});
