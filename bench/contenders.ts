// The contenders, each created in its own process. Ours is loaded from the built package (dist/), by name.
import http from "node:http";
import { BENCH_CREDENTIALS, PAGINATION_PAGE_SIZE, REGION, TARGET } from "./wire.js";

export const CONTENDERS = {
  raw: "raw node:http (unsigned, keep-alive)",
  ours: "ours (node transport, default)",
  "ours-fetch": "ours (fetch transport + sha256-js)",
  "ours-smithy-node": "ours (@smithy/node-http-handler)",
  floor: "signed floor: @smithy/signature-v4 + node:crypto + node:http, untyped (bench/floor.mjs)",
  sdk: "@aws-sdk/client-ecr",
} as const;
/**
 * `baseline` (only with `BENCH_ONLY`, never in RESULTS.md) is another build of ours, loaded from
 * `BENCH_BASELINE=/abs/path/dist/index.js`, to A/B a change in one run.
 */
export type ContenderName = keyof typeof CONTENDERS | "baseline";

export interface Contender {
  /** One DescribePullThroughCacheRules call; resolves with the number of rules received. */
  call(): Promise<number>;
  /** Walks every page with pageSize 1000, calling `onPage` with each page's rule count. */
  paginate(onPage: (rules: number) => void): Promise<void>;
  /** How `paginate` walks the pages. */
  readonly paginationMode: string;
}

type Ours = typeof import("../src/index.js");
const SELF = "ecr-pull-through-cache"; // a variable, so bundlers and tsc leave the import to Node

export async function createContender(name: ContenderName, endpoint: string): Promise<Contender> {
  if (name === "raw") return rawContender(endpoint);
  if (name === "sdk") return sdkContender(endpoint);
  if (name === "floor") return floorContender(endpoint);
  const ours = (await import(name === "baseline" ? (process.env["BENCH_BASELINE"] ?? SELF) : SELF)) as Ours;
  const config = { region: REGION, endpoint, credentials: BENCH_CREDENTIALS };
  if (name === "ours-fetch") {
    const [{ FetchHttpHandler }, { Sha256 }] = await Promise.all([
      import("@smithy/fetch-http-handler"),
      import("@aws-crypto/sha256-js"),
    ]);
    return oursContender(
      ours,
      new ours.ECRClient({ ...config, requestHandler: new FetchHttpHandler(), sha256: Sha256 }),
    );
  }
  if (name === "ours-smithy-node") {
    const { NodeHttpHandler } = await import("@smithy/node-http-handler");
    const handler = new NodeHttpHandler({ httpAgent: new http.Agent({ keepAlive: true, maxSockets: 50 }) });
    return oursContender(ours, new ours.ECRClient({ ...config, requestHandler: handler }));
  }
  return oursContender(ours, new ours.ECRClient(config));
}

function oursContender(ours: Ours, client: InstanceType<Ours["ECRClient"]>): Contender {
  // The items iterator and the paginator land with their own issue; until then, a page loop over send().
  const { iteratePullThroughCacheRules: iterate } = ours as { iteratePullThroughCacheRules?: IterateFn };
  return {
    paginationMode: iterate ? "iteratePullThroughCacheRules (items)" : "page loop over send()",
    async call() {
      const output = await client.send(new ours.DescribePullThroughCacheRulesCommand({}));
      return output.pullThroughCacheRules?.length ?? 0;
    },
    async paginate(onPage) {
      if (iterate) {
        let count = 0;
        for await (const rule of iterate({ client, pageSize: PAGINATION_PAGE_SIZE }, {})) {
          if (rule && ++count === PAGINATION_PAGE_SIZE) {
            onPage(count);
            count = 0;
          }
        }
        if (count > 0) onPage(count);
        return;
      }
      let nextToken: string | undefined;
      do {
        const page = await client.send(
          new ours.DescribePullThroughCacheRulesCommand({ maxResults: PAGINATION_PAGE_SIZE, nextToken }),
        );
        onPage(page.pullThroughCacheRules?.length ?? 0);
        nextToken = page.nextToken;
      } while (nextToken);
    },
  };
}

type IterateFn = (
  config: { client: unknown; pageSize?: number },
  input: Record<string, unknown>,
) => AsyncIterable<unknown>;

async function sdkContender(endpoint: string): Promise<Contender> {
  const sdk = await import("@aws-sdk/client-ecr");
  const client = new sdk.ECRClient({ region: REGION, endpoint, credentials: BENCH_CREDENTIALS });
  return {
    paginationMode: "paginateDescribePullThroughCacheRules (pages)",
    async call() {
      const output = await client.send(new sdk.DescribePullThroughCacheRulesCommand({}));
      return output.pullThroughCacheRules?.length ?? 0;
    },
    async paginate(onPage) {
      for await (const page of sdk.paginateDescribePullThroughCacheRules(
        { client, pageSize: PAGINATION_PAGE_SIZE },
        {},
      )) {
        onPage(page.pullThroughCacheRules?.length ?? 0);
      }
    },
  };
}

type Post = (body: string) => Promise<{ pullThroughCacheRules?: unknown[]; nextToken?: string }>;

/** A contender that is one POST function: a call is `{}`, pagination a plain page loop. */
function postContender(post: Post): Contender {
  return {
    paginationMode: "page loop, JSON.parse only",
    async call() {
      return (await post("{}")).pullThroughCacheRules?.length ?? 0;
    },
    async paginate(onPage) {
      let nextToken: string | undefined;
      do {
        const page = await post(JSON.stringify({ maxResults: PAGINATION_PAGE_SIZE, nextToken }));
        onPage(page.pullThroughCacheRules?.length ?? 0);
        nextToken = page.nextToken;
      } while (nextToken);
    },
  };
}

/** The product card's parts with nothing of ours: what signing alone costs (see bench/floor.mjs). */
async function floorContender(endpoint: string): Promise<Contender> {
  // Not bundled into bench/.tmp: the same file the cold-start handler imports.
  const floor = (await import(new URL("../floor.mjs", import.meta.url).href)) as {
    createSignedFloor(
      endpoint: string,
      options: { region: string; target: string; credentials: typeof BENCH_CREDENTIALS },
    ): Post;
  };
  return postContender(
    floor.createSignedFloor(endpoint, { region: REGION, target: TARGET, credentials: BENCH_CREDENTIALS }),
  );
}

/** The limit: the same POST without signing, typing or validation, body parsed with JSON.parse. */
function rawContender(endpoint: string): Contender {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const post: Post = (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          method: "POST",
          hostname: url.hostname,
          port: url.port,
          path: "/",
          headers: {
            "content-type": "application/x-amz-json-1.1",
            "x-amz-target": TARGET,
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            resolve(JSON.parse(Buffer.concat(chunks).toString()) as Awaited<ReturnType<Post>>);
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  return postContender(post);
}
