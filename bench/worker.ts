// One contender per process, kept warm across rounds; the parent tells it when to run, so rounds never overlap.
import { type Breakdown, measureBreakdown } from "./breakdown.js";
import { type ContenderName, createContender } from "./contenders.js";
import { PAGINATION_PAGE_SIZE, PAGINATION_TOTAL } from "./wire.js";

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
 * Walks all pages. RSS growth is the peak over the walk (sampled at each page) minus the RSS after page 1
 * (young-generation sizing included). Retained growth is the live heap after a full GC at the last page minus
 * the same at page 1: both taken inside the page callback, so each side counts the one page a contender may
 * still hold there (measuring the end after the walk instead credited a contender that holds its page at
 * page 1 with that page, and charged one that had already let go of it). The forced GCs are instrumentation,
 * so their time is left out of the walk's.
 */
async function paginate(): Promise<WorkerReply> {
  const lastPage = PAGINATION_TOTAL / PAGINATION_PAGE_SIZE;
  let pages = 0;
  let rules = 0;
  let rssStart = 0;
  let rssPeak = 0;
  let heapStart = 0;
  let heapEnd = 0;
  let gcMs = 0;
  const liveHeap = (): number => {
    const before = performance.now();
    gc();
    const used = process.memoryUsage().heapUsed;
    gcMs += performance.now() - before;
    return used;
  };
  const start = performance.now();
  await contender.paginate((count) => {
    rules += count;
    if (++pages === 1) {
      heapStart = liveHeap();
      rssStart = process.memoryUsage.rss();
    }
    rssPeak = Math.max(rssPeak, process.memoryUsage.rss());
    if (pages === lastPage) heapEnd = liveHeap();
  });
  const ms = performance.now() - start - gcMs;
  return {
    op: "paginate",
    ms,
    rules,
    pages,
    rssGrowthMiB: (rssPeak - rssStart) / MiB,
    retainedGrowthMiB: (heapEnd - heapStart) / MiB,
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
