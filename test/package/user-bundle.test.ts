import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, type Plugin } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const PEER = "@aws-sdk/credential-provider-node";

// A user's Lambda handler bundled as README "Bundling" advises: everything inlined, nothing marked external.
const HANDLER = `
import { DescribePullThroughCacheRulesCommand, ECRClient } from "./src/index.ts";
const client = new ECRClient({ region: "us-east-1", endpoint: "http://127.0.0.1:9" });
try {
  await client.send(new DescribePullThroughCacheRulesCommand({}));
  console.log(JSON.stringify({ sent: true }));
} catch (error) {
  console.log(JSON.stringify({ name: error.name, setting: error.setting, message: error.message }));
}
`;

/** As if the optional peer were not installed: resolving it is a build error. */
const peerNotInstalled: Plugin = {
  name: "peer-not-installed",
  setup(build) {
    build.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({
      errors: [{ text: `Could not resolve "${PEER}" (not installed)` }],
    }));
  },
};

let dir = "";
let inputs: string[] = [];

beforeAll(async () => {
  const result = await build({
    stdin: { contents: HANDLER, resolveDir: ROOT, loader: "ts", sourcefile: "handler.ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "node",
    target: "node20",
    mainFields: ["module", "main"],
    plugins: [peerNotInstalled],
    metafile: true,
    write: false,
    logLevel: "silent",
  });
  inputs = Object.keys(result.metafile.inputs);
  // Outside any node_modules tree, like a deployed Lambda bundle without the peer.
  dir = mkdtempSync(join(tmpdir(), "ecr-ptc-user-bundle-"));
  writeFileSync(join(dir, "handler.mjs"), result.outputFiles[0]!.contents);
  writeFileSync(join(dir, "credentials"), "[default]\nrole_arn = arn:aws:iam::123456789012:role/deploy\n");
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a user's bundle with nothing marked external", () => {
  it("builds without the optional peer and carries none of it", () => {
    expect(inputs.filter((input) => input.includes("@aws-sdk/"))).toEqual([]);
  });

  it("keeps the real credential dependencies (shared files, IMDS) in the bundle, for ECS and EC2", () => {
    const packages = new Set(inputs.map((input) => /node_modules\/(@smithy\/[^/]+)/.exec(input)?.[1]));
    expect(packages).toContain("@smithy/shared-ini-file-loader");
    expect(packages).toContain("@smithy/credential-provider-imds");
  });

  it("fails at run time with a ConfigurationError naming the setting and the package to install", () => {
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
      AWS_CONFIG_FILE: join(dir, "credentials"),
      AWS_EC2_METADATA_DISABLED: "true",
    };
    const child = spawnSync(process.execPath, ["handler.mjs"], { cwd: dir, env, encoding: "utf8" });
    expect(child.stderr).toBe("");
    const printed = JSON.parse(child.stdout) as { name: string; setting: string; message: string };
    expect(printed).toMatchObject({ name: "ConfigurationError", setting: "role_arn" });
    expect(printed.message).toContain(`npm install ${PEER}`);
  });
});
