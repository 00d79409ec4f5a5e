// Cold start, peak RSS and bundle size: one tiny Lambda-style handler per contender, run in fresh processes.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { type BuildOptions, type Plugin, build } from "esbuild";
import { signerCoreSubset } from "../scripts/signer-core-subset.js";
import { BENCH_CREDENTIALS, REGION, TARGET } from "./wire.js";

export const COLD_CONTENDERS = ["raw", "floor", "ours", "ours-fetch", "sdk"] as const;
export type ColdContender = (typeof COLD_CONTENDERS)[number];

const CLIENT = `const endpoint = process.env.BENCH_ENDPOINT;`;
// Region and credentials come from the environment through the default chain, as in Lambda (and as for the SDK).
const OURS_CLIENT = `const client = new ECRClient({ endpoint });
export const handler = async () => (await client.send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules.length;`;

const HANDLERS: Record<ColdContender, string> = {
  raw: `import http from "node:http";
${CLIENT}
const agent = new http.Agent({ keepAlive: true });
export const handler = () => new Promise((resolve, reject) => {
  const url = new URL(endpoint);
  const req = http.request({ agent, method: "POST", hostname: url.hostname, port: url.port, path: "/",
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "${TARGET}", "content-length": 2 } }, (res) => {
    const chunks = [];
    res.on("data", (chunk) => chunks.push(chunk));
    res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString()).pullThroughCacheRules.length));
  });
  req.on("error", reject);
  req.end("{}");
});`,
  // The signed floor (bench/floor.mjs), imported by absolute path: its @smithy/signature-v4 comes from node_modules.
  floor: `import { createSignedFloor } from ${JSON.stringify(new URL("../floor.mjs", import.meta.url).pathname)};
${CLIENT}
const post = createSignedFloor(endpoint, { region: process.env.AWS_REGION, target: "${TARGET}", credentials: {
  accessKeyId: process.env.AWS_ACCESS_KEY_ID, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY } });
export const handler = async () => (await post("{}")).pullThroughCacheRules.length;`,
  ours: `import { ECRClient, DescribePullThroughCacheRulesCommand } from "ecr-pull-through-cache";
${CLIENT}
${OURS_CLIENT}`,
  "ours-fetch": `import { ECRClient as Base, DescribePullThroughCacheRulesCommand } from "ecr-pull-through-cache";
import { FetchHttpHandler } from "@smithy/fetch-http-handler";
import { Sha256 } from "@aws-crypto/sha256-js";
${CLIENT}
class ECRClient extends Base { constructor(config) { super({ ...config, requestHandler: new FetchHttpHandler(), sha256: Sha256 }); } }
${OURS_CLIENT}`,
  // The SDK's default chain reads the same environment credentials.
  sdk: `import { ECRClient, DescribePullThroughCacheRulesCommand } from "@aws-sdk/client-ecr";
${CLIENT}
const client = new ECRClient({ endpoint });
export const handler = async () => (await client.send(new DescribePullThroughCacheRulesCommand({}))).pullThroughCacheRules.length;`,
};

const EPILOGUE = `
const count = await handler();
const ms = performance.now();
process.stdout.write(JSON.stringify({ ms, count, maxRssKiB: process.resourceUsage().maxRSS }) + "\\n");
`;

// Bundles of CommonJS dependencies call require(); ESM output needs it defined.
const REQUIRE_BANNER = `import { createRequire as __cr } from "node:module"; const require = __cr(import.meta.url);`;

export interface ColdFiles {
  readonly unbundled: string;
  readonly bundled: string;
}

export type MainFields = "module,main" | "main,module";
/**
 * The size columns, nothing marked external (as README "Bundling" advises): module-first (the budget) and esbuild's
 * defaults. Our optional peer (@aws-sdk/credential-provider-node) is a run-time import bundlers leave out.
 */
export type SizeVariant = "budget" | "defaults";
export interface BundleSize {
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Minified bytes per part: a package, or a folder of our src/ (dist/ maps back to it only as a whole). */
  readonly parts: Record<string, number>;
}

/** Writes each handler twice: as is (resolved from node_modules at run time) and bundled with esbuild. */
export async function prepareHandlers(dir: string): Promise<Record<ColdContender, ColdFiles>> {
  mkdirSync(dir, { recursive: true });
  const files = {} as Record<ColdContender, ColdFiles>;
  for (const name of COLD_CONTENDERS) {
    const unbundled = `${dir}/${name}.mjs`;
    writeFileSync(unbundled, HANDLERS[name] + EPILOGUE);
    const bundled = `${dir}/${name}.bundle.mjs`;
    await build({
      ...buildOptions(unbundled, "module,main"),
      outfile: bundled,
      banner: { js: REQUIRE_BANNER },
    });
    files[name] = { unbundled, bundled };
  }
  return files;
}

/**
 * Our budget bundle built from src/ instead of dist/, so its parts can be told apart (config, retry, …); with the
 * plugin dist/ is built with, so the parts add up to what ships.
 */
export async function sourceComposition(dir: string): Promise<BundleSize> {
  const entry = `${dir}/ours-src.mjs`;
  writeFileSync(
    entry,
    HANDLERS.ours.replace('"ecr-pull-through-cache"', '"../../../src/index.ts"') + EPILOGUE,
  );
  return measure(entry, "module,main", [signerCoreSubset]);
}

/** The minified size of a contender's handler bundle (without the run-time banner). */
export async function bundleSize(
  dir: string,
  name: ColdContender,
  variant: SizeVariant,
): Promise<BundleSize> {
  const mainFields = variant === "defaults" ? "main,module" : "module,main";
  return measure(`${dir}/${name}.mjs`, mainFields);
}

async function measure(entry: string, mainFields: MainFields, plugins: Plugin[] = []): Promise<BundleSize> {
  const result = await build({ ...buildOptions(entry, mainFields), plugins, metafile: true, write: false });
  const code = result.outputFiles[0]!.contents;
  const parts: Record<string, number> = {};
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const part =
        // A package (signerCoreSubset's modules count as the @smithy/core files they re-export).
        /(?:node_modules\/|^signer-core-subset:)((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ??
        input.replace(/^(dist|src)\/([^/]+)\/.*$/, "$1/$2");
      parts[part] = (parts[part] ?? 0) + bytesInOutput;
    }
  }
  return { bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength, parts };
}

function buildOptions(entry: string, mainFields: MainFields): BuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: "node",
    format: "esm",
    target: "node20",
    mainFields: mainFields.split(","),
    logLevel: "error",
  };
}

export interface ColdRun {
  /** Milliseconds from process start until the handler returned. */
  readonly handlerMs: number;
  /** Milliseconds from spawn until the process exited (measured by the parent). */
  readonly exitMs: number;
  readonly maxRssMiB: number;
}

/** Runs one handler file in a fresh `node` with a clean environment (env credentials only). */
export function runCold(file: string, endpoint: string, env: NodeJS.ProcessEnv): Promise<ColdRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [file], {
      env: {
        ...env,
        AWS_REGION: REGION,
        AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
        BENCH_ENDPOINT: endpoint,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const exitMs = performance.now() - start;
      if (code !== 0) {
        reject(new Error(`${file} exited with ${code}: ${err}`));
        return;
      }
      const line = JSON.parse(out) as { ms: number; count: number; maxRssKiB: number };
      if (line.count !== 100) {
        reject(new Error(`${file} got ${line.count} rules`));
        return;
      }
      resolve({ handlerMs: line.ms, exitMs, maxRssMiB: line.maxRssKiB / 1024 });
    });
  });
}
