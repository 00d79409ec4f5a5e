import { setMaxListeners } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_ACCOUNT_ID, defaultSeedRules } from "./default-seed.js";
import { createPageTokens } from "./page-token.js";
import { handle, type State } from "./handle-request.js";
import { normalizeSeed, readSeedFile } from "./rule-store.js";
import type {
  LocalEcr,
  LocalEcrCredentials,
  LocalEcrFault,
  LocalEcrOptions,
  LocalEcrRequest,
} from "./types.js";

/**
 * The credentials the local ECR accepts unless told otherwise (test values, never real). Not frozen on purpose:
 * the official AWS SDK writes bookkeeping (`$source`) onto the credentials object it is given.
 */
export const LOCAL_ECR_CREDENTIALS: LocalEcrCredentials = {
  accessKeyId: "AKIALOCALECR0EXAMPLE",
  secretAccessKey: "local-ecr/secret/EXAMPLEKEY0000000000000",
  accountId: DEFAULT_ACCOUNT_ID,
};

/**
 * Starts a local ECR on 127.0.0.1 that answers `DescribePullThroughCacheRules` like the real service: it
 * verifies SigV4, validates the input, filters, pages with tamper-checked tokens and returns the service's
 * error shapes; scripted faults simulate throttling, 5xx, resets, slow or truncated bodies and clock skew.
 *
 * @example
 * ```ts
 * import { ECRClient, DescribePullThroughCacheRulesCommand } from "ecr-pull-through-cache";
 * import { startLocalEcr } from "ecr-pull-through-cache/emulator";
 *
 * const ecr = await startLocalEcr({ rules: [{ ecrRepositoryPrefix: "quay", upstreamRegistryUrl: "quay.io" }] });
 * const client = new ECRClient({ region: ecr.region, endpoint: ecr.endpoint, credentials: ecr.credentials });
 * const { pullThroughCacheRules } = await client.send(new DescribePullThroughCacheRulesCommand({}));
 * await ecr.close();
 * ```
 * @throws {@link LocalEcrSeedError} when a seed rule is one ECR would refuse, or the seed file is not JSON.
 * @throws `TypeError` for contradictory or out-of-range options (both `rules` and `seedFile`, a bad port).
 */
export async function startLocalEcr(options: LocalEcrOptions = {}): Promise<LocalEcr> {
  checkOptions(options);
  const credentialList = options.credentials ?? [LOCAL_ECR_CREDENTIALS];
  const [first] = credentialList;
  if (first === undefined)
    throw new TypeError("startLocalEcr: credentials must list at least one access key");
  const seed =
    options.seedFile === undefined
      ? (options.rules ?? defaultSeedRules())
      : await readSeedFile(options.seedFile);
  const state: State = {
    rules: normalizeSeed(seed, first.accountId ?? DEFAULT_ACCOUNT_ID),
    credentials: new Map(credentialList.map((entry) => [entry.accessKeyId, entry])),
    region: options.region ?? "us-east-1",
    now: options.now ?? Date.now,
    defaultPageSize: options.defaultPageSize ?? 100,
    tokens: createPageTokens(),
  };
  const faults: LocalEcrFault[] = [...(options.faults ?? [])];
  const requests: LocalEcrRequest[] = [];
  const stopping = new AbortController();
  // Every delayed or slow answer in flight listens for the stop; more than 10 at once are normal, not a leak.
  setMaxListeners(0, stopping.signal);
  const server = createServer((req, res) => {
    res.on("error", () => {}); // the client may hang up mid-answer; nothing to do about it
    handle(req, res, state, faults.shift(), stopping.signal).then(
      (record) => requests.push(record),
      () => res.socket?.destroy(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    region: state.region,
    // A copy per server, so a client that annotates it (the AWS SDK does) touches nothing shared.
    credentials: { ...first },
    requests,
    inject: (...more) => faults.push(...more),
    close: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

function checkOptions(options: LocalEcrOptions): void {
  const fail = (message: string): never => {
    throw new TypeError(`startLocalEcr: ${message}`);
  };
  if (options.rules !== undefined && options.seedFile !== undefined) fail("pass rules or seedFile, not both");
  const { port, defaultPageSize } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535))
    fail(`port must be an integer from 0 to 65535, got ${port}`);
  if (
    defaultPageSize !== undefined &&
    (!Number.isInteger(defaultPageSize) || defaultPageSize < 1 || defaultPageSize > 1000)
  ) {
    fail(`defaultPageSize must be an integer from 1 to 1000, got ${defaultPageSize}`);
  }
}
