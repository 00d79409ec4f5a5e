import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREDENTIALS } from "../support/fixtures.js";

const ROOT = join(import.meta.dirname, "..", "..");

// A Lambda-like program: explicit region, no `credentials`, one send to a loopback server. It prints the packages
// it loaded. The bundle is CommonJS with dynamic import() lowered to require(), so `require.cache` lists every
// package module the run touched (and only those: a lazy import that never runs loads nothing).
const PROGRAM = `
import { createServer } from "node:http";
import { DescribePullThroughCacheRulesCommand, ECRClient } from "./src/index.ts";
let keyId;
const server = createServer((request, response) => {
  keyId = /Credential=([^/]+)/.exec(request.headers.authorization)?.[1];
  request.resume();
  response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end("{}");
});
server.listen(0, "127.0.0.1", async () => {
  const client = new ECRClient({ region: "us-east-1", endpoint: "http://127.0.0.1:" + server.address().port });
  try {
    const output = await client.send(new DescribePullThroughCacheRulesCommand({}));
    const packages = [...new Set(Object.keys(require.cache).map((file) => /node_modules\\/((?:@[^/]+\\/)?[^/]+)/.exec(file)?.[1]).filter(Boolean))];
    console.log(JSON.stringify({ status: output.$metadata.httpStatusCode, packages, keyId }));
  } catch (error) {
    console.log(JSON.stringify({ error: error.name + ": " + error.message }));
  }
  server.close();
  client.destroy();
});
`;

const LAZY = [
  "@smithy/shared-ini-file-loader",
  "@smithy/credential-provider-imds",
  "@aws-sdk/credential-provider-node",
];
let bundle = "";
let home = "";

beforeAll(async () => {
  const result = await build({
    stdin: { contents: PROGRAM, resolveDir: ROOT, loader: "ts", sourcefile: "lambda.ts" },
    bundle: true,
    write: false,
    format: "cjs",
    platform: "node",
    target: "node20",
    packages: "external",
    supported: { "dynamic-import": false },
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]!.text;
  home = mkdtempSync(join(tmpdir(), "ecr-ptc-lambda-"));
  mkdirSync(join(home, ".aws"));
  writeFileSync(
    join(home, ".aws", "credentials"),
    `[default]\naws_access_key_id = AKIDFILE\naws_secret_access_key = FILEsecret\n`,
  );
});

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

interface RunResult {
  status?: number;
  packages?: string[];
  keyId?: string;
  error?: string;
}

function run(env: Record<string, string>): RunResult {
  const child = spawnSync(process.execPath, ["-"], {
    input: bundle,
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: home, AWS_EC2_METADATA_DISABLED: "true", ...env },
    encoding: "utf8",
    timeout: 15_000,
  });
  expect(child.stderr).toBe("");
  return JSON.parse(child.stdout) as RunResult;
}

describe("the Lambda path (env credentials, explicit region)", () => {
  it("loads none of the shared-file, IMDS or STS/SSO packages", () => {
    const result = run({
      AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      AWS_SESSION_TOKEN: "t",
    });
    expect(result.status).toBe(200);
    expect(result.packages).toContain("@smithy/signature-v4");
    for (const name of LAZY) expect(result.packages).not.toContain(name);
    expect(result.packages!.filter((name) => name.startsWith("@aws-sdk/"))).toEqual([]);
    expect(result.keyId).toBe(CREDENTIALS.accessKeyId);
  });

  it("control: credentials from ~/.aws/credentials do load the INI loader (so the check above can fail)", () => {
    const result = run({});
    expect(result.status).toBe(200);
    expect(result.packages).toContain("@smithy/shared-ini-file-loader");
    expect(result.keyId).toBe("AKIDFILE");
    expect(result.packages).not.toContain("@smithy/credential-provider-imds");
  });
});
