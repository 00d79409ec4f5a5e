// `npm run bench`: every measurement of issue #6 in one run, written to bench/RESULTS.md.
import { execSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { arch, cpus as cpus_, release, totalmem, type } from "node:os";
import {
  sourceComposition,
  COLD_CONTENDERS,
  type ColdRun,
  bundleSize,
  prepareHandlers,
  runCold,
} from "./cold.js";
import { CONTENDERS, type ContenderName } from "./contenders.js";
import { Worker, startServer } from "./pool.js";
import { type Results, renderResults } from "./report.js";
import { cleanEnv, median } from "./stats.js";
import type { WorkerReply } from "./worker.js";
import { PAGINATION_TOTAL } from "./wire.js";

const quick = process.env["BENCH_QUICK"] === "1";
/**
 * For measuring one part quickly: `BENCH_ONLY=cold` (sizes and cold start), `BENCH_ONLY=calls` (calls/s and CPU
 * per call) or `BENCH_ONLY=pagination`, the last two with `BENCH_CONTENDERS=raw,ours` (the default then). Prints
 * the medians and does not touch RESULTS.md.
 */
const only = process.env["BENCH_ONLY"] as "cold" | "calls" | "pagination" | undefined;
const chosen = (process.env["BENCH_CONTENDERS"] ?? "raw,ours").split(",") as ContenderName[];
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? (quick ? 2 : 9));
const CALLS = { sequential: quick ? 200 : 1500, concurrent: quick ? 400 : 3000 } as const;
const COLD_RUNS = quick ? 3 : 31;
const PAGINATION_ROUNDS = Number(process.env["BENCH_PAGINATION_ROUNDS"] ?? (quick ? 1 : 5));
const PAGINATION_CONTENDERS: readonly ContenderName[] = only ? chosen : ["raw", "floor", "ours", "sdk"];
const here = new URL(".", import.meta.url).pathname;
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const env = cleanEnv();
const server = await startServer(env);
const results: Results = {
  throughput: {},
  cold: {},
  sizes: {},
  pagination: {},
  pageBytes: server.pageBytes,
  paginationPageBytes: server.paginationPageBytes,
  rounds: ROUNDS,
  coldRuns: COLD_RUNS,
  paginationRounds: PAGINATION_ROUNDS,
  calls: CALLS,
};
const started = performance.now();
try {
  if (!only || only === "cold") await measureSizesAndColdStart();
  if (!only || only === "calls") await measureThroughput();
  if (!only || only === "pagination") await measurePagination();
} finally {
  server.stop();
}
if (only === "cold") {
  const sizes = Object.fromEntries(
    Object.entries(results.sizes).map(([name, size]) => [name, (size.budget.bytes / 1024).toFixed(1)]),
  );
  process.stdout.write(
    `${JSON.stringify({ cold: results.cold, budgetKB: sizes, composition: results.composition }, null, 2)}\n`,
  );
  process.exit(0);
}
if (only) {
  printPartial();
  process.exit(0);
}
const seconds = (performance.now() - started) / 1000;
const markdown = renderResults(results, machine(), seconds);
writeFileSync(new URL("RESULTS.md", `file://${here}../`), markdown);
process.stdout.write(markdown);

async function measureSizesAndColdStart(): Promise<void> {
  const dir = `${here}cold`;
  const files = await prepareHandlers(dir);
  results.composition = await sourceComposition(dir);
  for (const name of COLD_CONTENDERS) {
    results.sizes[name] = {
      budget: await bundleSize(dir, name, "budget"),
      defaults: await bundleSize(dir, name, "defaults"),
    };
  }
  const runs: Record<string, ColdRun[]> = {};
  log(`cold start: ${COLD_RUNS} runs × ${COLD_CONTENDERS.length * 2} variants`);
  for (let run = 0; run < COLD_RUNS; run++) {
    for (const name of rotate(COLD_CONTENDERS, run)) {
      for (const variant of ["bundled", "unbundled"] as const) {
        (runs[`${name}:${variant}`] ??= []).push(await runCold(files[name][variant], server.endpoint, env));
      }
    }
  }
  for (const name of COLD_CONTENDERS) {
    const pick = (variant: string, key: keyof ColdRun): number =>
      median(runs[`${name}:${variant}`]!.map((r) => r[key]));
    results.cold[name] = {
      bundledMs: pick("bundled", "handlerMs"),
      unbundledMs: pick("unbundled", "handlerMs"),
      bundledExitMs: pick("bundled", "exitMs"),
      bundledRssMiB: pick("bundled", "maxRssMiB"),
      unbundledRssMiB: pick("unbundled", "maxRssMiB"),
    };
  }
}

async function measureThroughput(): Promise<void> {
  const names = only ? chosen : (Object.keys(CONTENDERS) as ContenderName[]);
  const workers = new Map(names.map((name) => [name, new Worker(name, server.endpoint, env)]));
  try {
    for (const [name, worker] of workers) {
      log(`warm-up ${name}`);
      await worker.ask({ op: "throughput", calls: Math.round(CALLS.sequential / 3), concurrency: 1 });
      await worker.ask({ op: "throughput", calls: Math.round(CALLS.concurrent / 3), concurrency: 16 });
    }
    const samples: Record<string, number[]> = {};
    const cpu: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      log(`throughput round ${round + 1}/${ROUNDS}`);
      for (const [mode, concurrency] of [
        ["sequential", 1],
        ["concurrent", 16],
      ] as const) {
        for (const name of rotate(names, round)) {
          const reply = await workers.get(name)!.ask<Extract<WorkerReply, { op: "throughput" }>>({
            op: "throughput",
            calls: CALLS[mode],
            concurrency,
          });
          if (reply.rules !== CALLS[mode] * 100) throw new Error(`${name} received ${reply.rules} rules`);
          (samples[`${name}:${mode}`] ??= []).push((CALLS[mode] * 1000) / reply.ms);
          (cpu[`${name}:${mode}`] ??= []).push((reply.cpuMs * 1000) / CALLS[mode]);
        }
      }
    }
    const ours = workers.get("ours");
    if (ours) {
      log("in-memory breakdown (ours)");
      const reply = await ours.ask<Extract<WorkerReply, { op: "breakdown" }>>({ op: "breakdown" });
      results.breakdown = {
        emptyPageMicros: reply.emptyPageMicros,
        pageMicros: reply.pageMicros,
        jsonParseMicros: reply.jsonParseMicros,
      };
    }
    for (const name of names) {
      results.throughput[name] = {
        sequential: median(samples[`${name}:sequential`]!),
        concurrent: median(samples[`${name}:concurrent`]!),
        cpuMicrosPerCall: median([...cpu[`${name}:sequential`]!, ...cpu[`${name}:concurrent`]!]),
      };
    }
  } finally {
    for (const worker of workers.values()) worker.stop();
  }
}

async function measurePagination(): Promise<void> {
  const samples: Record<
    string,
    { rulesPerSecond: number; rssGrowthMiB: number; retainedGrowthMiB: number; mode: string }[]
  > = {};
  for (let round = 0; round < PAGINATION_ROUNDS; round++) {
    for (const name of rotate(PAGINATION_CONTENDERS, round)) {
      log(`pagination round ${round + 1}/${PAGINATION_ROUNDS}: ${name}`);
      const worker = new Worker(name, server.endpoint, env, ["--expose-gc"]); // fresh process: the growth is this walk's alone
      try {
        const reply = await worker.ask<Extract<WorkerReply, { op: "paginate" }>>({ op: "paginate" });
        if (reply.rules !== PAGINATION_TOTAL) throw new Error(`${name} paginated ${reply.rules} rules`);
        (samples[name] ??= []).push({
          rulesPerSecond: (reply.rules * 1000) / reply.ms,
          rssGrowthMiB: reply.rssGrowthMiB,
          retainedGrowthMiB: reply.retainedGrowthMiB,
          mode: reply.mode,
        });
      } finally {
        worker.stop();
      }
    }
  }
  for (const name of PAGINATION_CONTENDERS) {
    const list = samples[name]!;
    results.pagination[name] = {
      rulesPerSecond: median(list.map((s) => s.rulesPerSecond)),
      rssGrowthMiB: median(list.map((s) => s.rssGrowthMiB)),
      retainedGrowthMiB: median(list.map((s) => s.retainedGrowthMiB)),
      mode: list[0]!.mode,
    };
  }
}

/** The medians of a `BENCH_ONLY` run, each with its ratio to raw node:http when raw was measured. */
function printPartial(): void {
  const ratio = (value: number, base: number | undefined): string =>
    base === undefined ? "" : ` (${(value / base).toFixed(2)}×)`;
  const raw = results.throughput.raw;
  for (const [name, t] of Object.entries(results.throughput)) {
    process.stdout.write(
      `${name.padEnd(18)} seq ${t.sequential.toFixed(0)}/s${ratio(t.sequential, raw?.sequential)}  ` +
        `16-in-flight ${t.concurrent.toFixed(0)}/s${ratio(t.concurrent, raw?.concurrent)}  ` +
        `CPU ${t.cpuMicrosPerCall.toFixed(0)} µs/call${ratio(t.cpuMicrosPerCall, raw?.cpuMicrosPerCall)}\n`,
    );
  }
  const b = results.breakdown;
  if (b) {
    process.stdout.write(
      `ours in memory: empty page ${b.emptyPageMicros.toFixed(1)} µs, 100 rules ${b.pageMicros.toFixed(1)} µs, ` +
        `JSON.parse alone ${b.jsonParseMicros.toFixed(1)} µs (CPU per call)\n`,
    );
  }
  const rawPages = results.pagination.raw;
  for (const [name, p] of Object.entries(results.pagination)) {
    process.stdout.write(
      `${name.padEnd(18)} pagination ${p.rulesPerSecond.toFixed(0)} rules/s${ratio(p.rulesPerSecond, rawPages?.rulesPerSecond)}  ` +
        `RSS growth ${p.rssGrowthMiB.toFixed(1)} MiB  live heap growth ${p.retainedGrowthMiB.toFixed(2)} MiB\n`,
    );
  }
}

/** The list started at a different element each round, so no contender always runs first. */
function rotate<T>(list: readonly T[], by: number): T[] {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

function machine(): string {
  const cpus = cpus_();
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { stdio: ["ignore", "pipe", "ignore"] })
      .toString()
      .trim();
  } catch {
    // not a git checkout
  }
  const memGiB = (totalmem() / 1024 ** 3).toFixed(0);
  return `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${memGiB} GiB RAM, ${type()} ${release()} ${arch()}; Node ${process.version}; commit ${commit}`;
}
