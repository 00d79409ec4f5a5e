import { spawn } from "node:child_process";
import { once } from "node:events";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hermeticEnv } from "./support/hermetic-env.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));

describe("hermeticEnv", () => {
  const HOME = { HOME: "/home/me" };
  const HERMETIC = { AWS_EC2_METADATA_DISABLED: "true", HOME: "/tmp/empty", USERPROFILE: "/tmp/empty" };
  const NPM = { npm_config_cache: "/home/me/.npm", npm_config_userconfig: "/home/me/.npmrc" };
  it.each<{
    name: string;
    env: Record<string, string>;
    platform?: NodeJS.Platform;
    expected: Record<string, string>;
  }>([
    {
      name: "drops every AWS_* variable (any case) and keeps the rest",
      env: {
        ...HOME,
        PATH: "/usr/bin",
        FC_SEED: "7",
        AWS_ENDPOINT_URL: "http://10.0.0.1",
        AWS_ENDPOINT_URL_ECR: "http://10.0.0.2",
        AWS_USE_FIPS_ENDPOINT: "true",
        AWS_USE_DUALSTACK_ENDPOINT: "true",
        AWS_MAX_ATTEMPTS: "1",
        AWS_PROFILE: "prod",
        AWS_REGION: "eu-west-3",
        AWS_CONFIG_FILE: "/home/me/.aws/config",
        aws_region: "eu-west-3",
      },
      expected: { ...HERMETIC, ...NPM, PATH: "/usr/bin", FC_SEED: "7" },
    },
    {
      name: "disables the instance metadata service even when the parent enabled it",
      env: { ...HOME, AWS_EC2_METADATA_DISABLED: "false" },
      expected: { ...HERMETIC, ...NPM },
    },
    {
      name: "leaves an npm cache and user config that are already set",
      env: { ...HOME, npm_config_cache: "/cache", npm_config_userconfig: "/rc" },
      expected: { ...HERMETIC, npm_config_cache: "/cache", npm_config_userconfig: "/rc" },
    },
    {
      name: "finds npm's Windows cache under LOCALAPPDATA and the home in USERPROFILE",
      env: { USERPROFILE: "/users/me", LOCALAPPDATA: "/users/me/AppData/Local" },
      platform: "win32",
      expected: {
        ...HERMETIC,
        LOCALAPPDATA: "/users/me/AppData/Local",
        npm_config_cache: join("/users/me/AppData/Local", "npm-cache"),
        npm_config_userconfig: join("/users/me", ".npmrc"),
      },
    },
    { name: "sets no npm paths without a home", env: { AWS_PROFILE: "prod" }, expected: HERMETIC },
  ])("$name", ({ env, platform = "linux", expected }) => {
    const copy: NodeJS.ProcessEnv = { ...env };
    hermeticEnv(copy, "/tmp/empty", platform);
    expect(copy).toEqual(expected);
  });

  it("has already run in this worker: no AWS_* but the IMDS switch, and an empty home", () => {
    expect(Object.keys(process.env).filter((name) => /^aws_/i.test(name))).toEqual([
      "AWS_EC2_METADATA_DISABLED",
    ]);
    expect(process.env.AWS_EC2_METADATA_DISABLED).toBe("true");
    expect(homedir()).toBe(process.env.HOME);
    expect(readdirSync(homedir())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The proof: two small test files run by a child vitest in a hostile environment, once with the suite's config and
// once without its setup file (which must then fail, or the environment was not hostile and the first run proves
// nothing). Every endpoint the environment names is a trap on 127.0.0.1 that counts connections: nothing may leave
// loopback, even by mistake.

/** Files with clients over msw and over a real loopback server; both fail in this environment without the setup. */
const FILES = ["test/client.test.ts", "test/emulator/describe.test.ts"];

interface Trap {
  readonly url: string;
  readonly connections: () => number;
}

const scratch = mkdtempSync(join(tmpdir(), "ecr-ptc-hostile-"));
const closers: (() => void)[] = [];
afterAll(() => {
  for (const close of closers.splice(0)) close();
  rmSync(scratch, { recursive: true, force: true });
});

async function startTrap(): Promise<Trap> {
  let connections = 0;
  const server = createServer((_request, response) => response.writeHead(500).end("trap"));
  server.on("connection", () => connections++);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closers.push(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
  };
}

/** A home whose ~/.aws names another region, profile, credentials and endpoint, and the variables a shell might. */
function hostileEnv(name: string, trap: Trap): NodeJS.ProcessEnv {
  const home = join(scratch, name);
  mkdirSync(join(home, ".aws"), { recursive: true });
  const keys = "aws_access_key_id = AKIAHOSTILEHOME00000\naws_secret_access_key = hostile-secret\n";
  writeFileSync(join(home, ".aws", "credentials"), `[default]\n${keys}[nope]\n${keys}`);
  const settings = `region = ap-south-2\nendpoint_url = ${trap.url}\nmax_attempts = 1\nuse_fips_endpoint = true\n`;
  writeFileSync(join(home, ".aws", "config"), `[default]\n${settings}[profile nope]\n${settings}`);
  const inherited = Object.entries(process.env).filter(
    ([key]) => !key.startsWith("VITEST") && key !== "TEST",
  );
  return {
    ...Object.fromEntries(inherited),
    HOME: home,
    USERPROFILE: home,
    AWS_ENDPOINT_URL: trap.url,
    AWS_ENDPOINT_URL_ECR: trap.url,
    AWS_USE_FIPS_ENDPOINT: "true",
    AWS_USE_DUALSTACK_ENDPOINT: "true",
    AWS_MAX_ATTEMPTS: "1",
    AWS_RETRY_MODE: "adaptive",
    AWS_PROFILE: "nope",
    AWS_REGION: "eu-west-3",
    AWS_DEFAULT_REGION: "eu-west-3",
    AWS_ACCESS_KEY_ID: "AKIAHOSTILEENV000000",
    AWS_SECRET_ACCESS_KEY: "hostile-secret",
    AWS_SESSION_TOKEN: "hostile-token",
    AWS_CONTAINER_CREDENTIALS_FULL_URI: `${trap.url}/credentials`,
    // Kept on in both runs: the run without the setup file must not try 169.254.169.254 either.
    AWS_EC2_METADATA_DISABLED: "true",
  };
}

interface ChildReport {
  readonly code: number | null;
  readonly passed: number;
  readonly failed: number;
  readonly files: string[];
  readonly failures: string[];
}

/** Runs `vitest run FILES` in a child with `env`; reads the counts from its JSON report. */
async function runVitest(name: string, env: NodeJS.ProcessEnv, config: string): Promise<ChildReport> {
  const report = join(scratch, `${name}.json`);
  const vitest = join(ROOT, "node_modules", "vitest", "vitest.mjs");
  const args = ["run", "--config", config, "--maxWorkers=1", "--reporter=json", `--outputFile=${report}`];
  const child = spawn(process.execPath, [vitest, ...args, ...FILES], { cwd: ROOT, env, stdio: "ignore" });
  const killer = setTimeout(() => child.kill("SIGKILL"), 50_000);
  const [code] = (await once(child, "close")) as [number | null];
  clearTimeout(killer);
  if (!existsSync(report)) return { code, passed: 0, failed: 0, files: [], failures: [] };
  const json = JSON.parse(readFileSync(report, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    testResults: { name: string; assertionResults: { fullName: string; failureMessages: string[] }[] }[];
  };
  return {
    code,
    passed: json.numPassedTests,
    failed: json.numFailedTests,
    files: json.testResults.map((file) => file.name.slice(ROOT.length)).sort(),
    failures: json.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.failureMessages.length > 0)
        .map((test) => `${test.fullName}: ${test.failureMessages[0]?.split("\n")[0] ?? ""}`),
    ),
  };
}

describe("the suite under a hostile AWS environment (child vitest runs)", () => {
  it("passes with the setup file, sends nothing to the endpoints the environment names, and fails without it", async () => {
    const [sealedTrap, unsealedTrap] = await Promise.all([startTrap(), startTrap()]);
    const [sealed, unsealed] = await Promise.all([
      runVitest("sealed", hostileEnv("sealed", sealedTrap), "vitest.config.ts"),
      runVitest("unsealed", hostileEnv("unsealed", unsealedTrap), "test/support/unsealed.vitest.config.ts"),
    ]);

    expect(sealed.failures).toEqual([]);
    expect(sealed).toMatchObject({ code: 0, failed: 0, files: [...FILES].sort() });
    expect(sealed.passed).toBeGreaterThanOrEqual(9);
    expect(sealedTrap.connections()).toBe(0);
    // The control: the same files, the same environment, no setup file.
    expect(unsealed.files).toEqual([...FILES].sort());
    expect(unsealed.code).toBe(1);
    expect(unsealed.failed).toBeGreaterThan(0);
    expect(unsealed.failures.join("\n")).toMatch(
      /AWS_USE_FIPS_ENDPOINT|AWS_USE_DUALSTACK_ENDPOINT|dual-?stack|FIPS/i,
    );
  }, 60_000);
});
