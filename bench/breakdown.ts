// Where our client's CPU goes without any I/O: send() through an in-memory transport (the public
// `requestHandler` option), for an empty page (signing and the pipeline) and a 100-rule page, next to
// JSON.parse of that page alone (what raw node:http pays too).
import { median } from "./stats.js";
import { BENCH_CREDENTIALS, PAGE_RULES, REGION, wireRule } from "./wire.js";

export interface Breakdown {
  /** µs of CPU per send() answered with `{}`: SigV4 signing plus the request/response pipeline. */
  emptyPageMicros: number;
  /** µs of CPU per send() answered with the 100-rule page. */
  pageMicros: number;
  /** µs of CPU for `JSON.parse` of that page's bytes alone. */
  jsonParseMicros: number;
}

type Ours = typeof import("../src/index.js");
const SELF = "ecr-pull-through-cache";
const ROUNDS = 9;
const CALLS = 2000;

export async function measureBreakdown(): Promise<Breakdown> {
  const ours = (await import(SELF)) as Ours;
  const page = Buffer.from(
    JSON.stringify({ pullThroughCacheRules: Array.from({ length: PAGE_RULES }, (_, i) => wireRule(i)) }),
  );
  const send = (body: Uint8Array): (() => Promise<unknown>) => {
    const requestHandler = {
      handle: () =>
        Promise.resolve({
          response: { statusCode: 200, headers: { "x-amzn-requestid": "in-memory" }, body },
        }),
    };
    const client = new ours.ECRClient({ region: REGION, credentials: BENCH_CREDENTIALS, requestHandler });
    return () => client.send(new ours.DescribePullThroughCacheRulesCommand({}));
  };
  const empty = send(Buffer.from("{}"));
  const full = send(page);
  const parse = (): Promise<unknown> => Promise.resolve(JSON.parse(page.toString()) as unknown);
  const samples = { empty: [] as number[], full: [] as number[], parse: [] as number[] };
  for (const fn of [empty, full, parse]) await cpuMicros(fn, CALLS); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    samples.empty.push(await cpuMicros(empty, CALLS));
    samples.full.push(await cpuMicros(full, CALLS));
    samples.parse.push(await cpuMicros(parse, CALLS));
  }
  return {
    emptyPageMicros: median(samples.empty),
    pageMicros: median(samples.full),
    jsonParseMicros: median(samples.parse),
  };
}

async function cpuMicros(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / calls;
}
