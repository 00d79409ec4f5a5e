#!/usr/bin/env node
// `npm run demo`: the main job on the bundled local ECR, with no AWS account. Builds dist/ when it is missing or
// older than src/, starts the emulator with its default seed, runs the real CLI three times, and stops.
import { spawn } from "node:child_process";
import console from "node:console";
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli", "main.js");
let started = performance.now();
const bold = (text) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

if (!existsSync(cli) || statSync(cli).mtimeMs < newestSource(join(root, "src"))) {
  console.log(bold("▶ Building dist/ (npm run build)…"));
  const build = await run("npm", ["run", "--silent", "build", "--", "--silent"], process.env);
  if (build.code !== 0) {
    process.stderr.write(build.stdout + build.stderr);
    process.exit(1);
  }
  console.log(`  built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
}

const { startLocalEcr, defaultSeedRules } = await import(join(root, "dist", "emulator", "index.js"));
const ecr = await startLocalEcr();
const seedSize = defaultSeedRules().length;
console.log(
  bold(`▶ Local ECR listening on ${ecr.endpoint} (region ${ecr.region}, default seed: ${seedSize} rules)`),
);

// Only the emulator's credentials: nothing of the caller's AWS_* environment reaches the CLI.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("AWS_")));
Object.assign(env, {
  AWS_ACCESS_KEY_ID: ecr.credentials.accessKeyId,
  AWS_SECRET_ACCESS_KEY: ecr.credentials.secretAccessKey,
  AWS_REGION: ecr.region,
  AWS_CONFIG_FILE: join(root, "scripts", "no-aws-config"),
  AWS_SHARED_CREDENTIALS_FILE: join(root, "scripts", "no-aws-credentials"),
});

const failures = [];
async function step(title, args, expectedCode) {
  console.log(`\n${bold(title)}`);
  const full = [...args, "--endpoint-url", ecr.endpoint];
  console.log(`$ ecr-ptc ${full.join(" ")}`);
  const before = ecr.requests.length;
  const result = await run(process.execPath, [cli, ...full], env);
  process.stdout.write(result.stdout);
  if (result.stderr) console.log(result.stderr.trimEnd().replace(/^/gm, "stderr> "));
  const requests = ecr.requests.length - before;
  console.log(
    `(exit code ${result.code}; ${requests} HTTP ${requests === 1 ? "request" : "requests"} to the local ECR)`,
  );
  if (result.code !== expectedCode)
    failures.push(`${title}: exit code ${result.code}, expected ${expectedCode}`);
  return result;
}

try {
  await step(
    "▶ 1. Every rule, paginated 100 per request, as a table",
    ["describe-pull-through-cache-rules", "--page-size", "100", "--output", "table"],
    0,
  );
  await step(
    "▶ 2. A filtered query (two prefixes), as JSON",
    [
      "describe-pull-through-cache-rules",
      "--ecr-repository-prefixes",
      "docker-hub",
      "payments/prod/ecr",
      "--output",
      "json",
    ],
    0,
  );
  await step(
    "▶ 3. A typed error: a prefix with no rule (exit code 254 = the service said no)",
    ["describe-pull-through-cache-rules", "--ecr-repository-prefixes", "no-such-prefix"],
    254,
  );
} finally {
  await ecr.close();
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
if (failures.length > 0) {
  console.error(`\n✗ Demo failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`\n${bold(`✓ Local ECR stopped. Demo done in ${seconds} s, without an AWS account.`)}`);
