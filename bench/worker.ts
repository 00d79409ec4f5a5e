// One contender per process, kept warm across rounds; the parent tells it when to run, so rounds never overlap.
import { type Breakdown, measureBreakdown } from "./breakdown.js";
import { type ContenderName, createContender } from "./contenders.js";

export type WorkerRequest =
  | { op: "throughput"; calls: number; concurrency: number }
  | { op: "paginate" }
  | { op: "breakdown" }
  | { op: "exit" };
export type WorkerReply =
  | { op: "ready" }
  | { op: "throughput"; ms: number; cpuMs: number; rules: number }
  | ({ op: "breakdown" } & Breakdown)
  | {
      op: "paginate";
      ms: number;
      rules: number;
      pages: number;
      rssGrowthMiB: number;
      retainedGrowthMiB: number;
      mode: string;
    };

const [name, endpoint] = process.argv.slice(2) as [ContenderName, string];
const contender = await createContender(name, endpoint);
const reply = (message: WorkerReply): void => {
  process.send?.(message);
};

async function throughput(calls: number, concurrency: number): Promise<WorkerReply> {
  let next = 0;
  let rules = 0;
  const lane = async (): Promise<void> => {
    while (next++ < calls) {
      const count = await contender.call(); // not `rules += await …`: that reads `rules` before awaiting
      rules += count;
    }
  };
  const start = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, lane));
  const { user, system } = process.cpuUsage(cpu);
  return { op: "throughput", ms: performance.now() - start, cpuMs: (user + system) / 1000, rules };
}

const MiB = 1024 * 1024;
/** Present when the worker runs with --expose-gc (the pagination runs do). */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/**
 * Walks all pages. RSS growth is the peak over the walk minus the RSS after page 1 (young-generation sizing
 * included); retained growth is the live heap after a full GC at the end minus the same after page 1.
 */
async function paginate(): Promise<WorkerReply> {
  let pages = 0;
  let rules = 0;
  let rssStart = 0;
  let rssPeak = 0;
  let heapStart = 0;
  const start = performance.now();
  await contender.paginate((count) => {
    rules += count;
    if (++pages === 1) {
      gc();
      ({ rss: rssStart, heapUsed: heapStart } = process.memoryUsage());
    }
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
  });
  const ms = performance.now() - start;
  gc();
  const retainedGrowthMiB = (process.memoryUsage().heapUsed - heapStart) / MiB;
  return {
    op: "paginate",
    ms,
    rules,
    pages,
    rssGrowthMiB: (rssPeak - rssStart) / MiB,
    retainedGrowthMiB,
    mode: contender.paginationMode,
  };
}

process.on("message", (message: WorkerRequest) => {
  if (message.op === "exit") process.exit(0);
  const job =
    message.op === "throughput"
      ? throughput(message.calls, message.concurrency)
      : message.op === "breakdown"
        ? measureBreakdown().then((b): WorkerReply => ({ op: "breakdown", ...b }))
        : paginate();
  job.then(reply, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
reply({ op: "ready" });
