import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { CliIo } from "../../src/cli/io.js";
import { LOCAL_ECR_CREDENTIALS } from "../../src/emulator/index.js";
import { localEcrFor, manyRules } from "../support/local-ecr.js";

const DESCRIBE = "describe-pull-through-cache-rules";

function fakeIo(
  env: Record<string, string> = {},
  tty = false,
): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (text: string) => (out += text), isTTY: tty, columns: 100 },
    stderr: { write: (text: string) => (err += text), isTTY: tty },
    env,
    out: () => out,
    err: () => err,
  };
}

describe("ecr-ptc in-process: usage errors exit 252 before any request", () => {
  it.each([
    { args: [DESCRIBE, "--output", "yaml"], stderr: /--output must be one of json, table, text; got "yaml"/ },
    { args: [DESCRIBE, "--max-items", "0"], stderr: /--max-items must be an integer ≥ 1; got "0"/ },
    { args: [DESCRIBE, "--page-size", "ten"], stderr: /--page-size must be an integer ≥ 1; got "ten"/ },
    { args: [DESCRIBE, "--cli-read-timeout", "-1"], stderr: /--cli-read-timeout/ },
    {
      args: [DESCRIBE, "--starting-token", "not a token"],
      stderr: /--starting-token: not a NextToken printed by this command/,
    },
    {
      args: [DESCRIBE, "--starting-token", Buffer.from("[1]").toString("base64")],
      stderr: /--starting-token: not a NextToken .*unexpected content/,
    },
    {
      args: [DESCRIBE, "--ecr-repository-prefixes"],
      stderr: /--ecr-repository-prefixes needs at least one prefix/,
    },
    {
      args: [DESCRIBE, "--no-paginate", "--max-items", "3"],
      stderr: /--max-items cannot be combined with --no-paginate/,
    },
    { args: [DESCRIBE, "stray"], stderr: /positional argument/ },
    {
      args: ["describe-repositories"],
      stderr: /unknown command "describe-repositories"\nSee 'ecr-ptc --help'/,
    },
    { args: [], stderr: /a command is required/ },
    { args: ["emulator", "--port", "70000"], stderr: /--port must be an integer from 0 to 65535/ },
  ])("$args", async ({ args, stderr }) => {
    const io = fakeIo();
    expect(await run(args, io)).toBe(252);
    expect(io.err()).toMatch(/^ecr-ptc: UsageError: /);
    expect(io.err()).toMatch(stderr);
    expect(io.out()).toBe("");
  });
});

describe("ecr-ptc in-process: help", () => {
  it.each([
    { args: ["help"], text: /Exit codes[\s\S]*252[\s\S]*253[\s\S]*254[\s\S]*255/ },
    {
      args: [DESCRIBE, "--help"],
      text: /--registry-id[\s\S]*--ecr-repository-prefixes[\s\S]*--page-size[\s\S]*--max-items[\s\S]*--starting-token[\s\S]*--no-paginate[\s\S]*--output[\s\S]*--endpoint-url[\s\S]*--region[\s\S]*--profile[\s\S]*--cli-read-timeout[\s\S]*boto_truncate_amount/,
    },
    { args: [DESCRIBE, "-h"], text: /^Usage: ecr-ptc describe-pull-through-cache-rules/ },
    { args: ["emulator", "--help"], text: /--port[\s\S]*--seed[\s\S]*--region[\s\S]*--page-size/ },
    { args: ["--version"], text: /^ecr-ptc \d+\.\d+\.\d+\n$/ },
  ])("$args", async ({ args, text }) => {
    const io = fakeIo();
    expect(await run(args, io)).toBe(0);
    expect(io.out()).toMatch(text);
  });
});

describe("ecr-ptc in-process: progress on a terminal", () => {
  const env: Record<string, string> = {
    AWS_ACCESS_KEY_ID: LOCAL_ECR_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_ECR_CREDENTIALS.secretAccessKey,
    AWS_REGION: "us-east-1",
  };

  it("shows a progress line on a TTY stderr for a multi-page listing, then clears it", async ({
    onTestFinished,
  }) => {
    const ecr = await localEcrFor(onTestFinished, { rules: manyRules(250) });
    const io = fakeIo(env, true);
    expect(await run([DESCRIBE, "--output", "table", "--endpoint-url", ecr.endpoint], io)).toBe(0);
    expect(io.err()).toBe("\r\x1b[Kfetched 200 rules (2 pages)…\r\x1b[Kfetched 250 rules (3 pages)…\r\x1b[K");
    expect(io.out()).toContain("DescribePullThroughCacheRules (250 rules)");
  });

  it.for([
    { name: "stderr is not a terminal", tty: false, rules: 250 },
    { name: "the listing is one page", tty: true, rules: 50 },
  ])("prints no progress when $name", async ({ tty, rules }, { onTestFinished }) => {
    const ecr = await localEcrFor(onTestFinished, { rules: manyRules(rules) });
    const io = fakeIo(env, tty);
    expect(await run([DESCRIBE, "--endpoint-url", ecr.endpoint], io)).toBe(0);
    expect(io.err()).toBe("");
  });
});
