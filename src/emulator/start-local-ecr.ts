import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { DEFAULT_ACCOUNT_ID, defaultSeedRules } from "./default-seed.js";
import { describeRules } from "./describe-rules.js";
import { createPageTokens } from "./page-token.js";
import { normalizeSeed, readSeedFile, type StoredRule } from "./rule-store.js";
import { ERRORS, LocalEcrServiceError } from "./service-error.js";
import type {
  LocalEcr,
  LocalEcrCredentials,
  LocalEcrFault,
  LocalEcrOptions,
  LocalEcrRequest,
} from "./types.js";
import { validateInput } from "./validate-input.js";
import { type ReceivedRequest, verifySignature } from "./verify-signature.js";
import { describeResponseJson } from "./wire-json.js";
import { type Answer, serverErrorAnswer, writeAnswer } from "./write-response.js";

/**
 * The credentials the local ECR accepts unless told otherwise (test values, never real). Not frozen on purpose:
 * the official AWS SDK writes bookkeeping (`$source`) onto the credentials object it is given.
 */
export const LOCAL_ECR_CREDENTIALS: LocalEcrCredentials = {
  accessKeyId: "AKIALOCALECR0EXAMPLE",
  secretAccessKey: "local-ecr/secret/EXAMPLEKEY0000000000000",
  accountId: DEFAULT_ACCOUNT_ID,
};

const TARGET = "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules";
const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
const MAX_REQUEST_BYTES = 1024 * 1024;

interface State {
  readonly rules: readonly StoredRule[];
  readonly credentials: ReadonlyMap<string, LocalEcrCredentials>;
  readonly region: string;
  readonly now: () => number;
  readonly defaultPageSize: number;
  readonly tokens: ReturnType<typeof createPageTokens>;
}

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

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  state: State,
  fault: LocalEcrFault | undefined,
  signal: AbortSignal,
): Promise<LocalEcrRequest> {
  const received = await receive(req);
  const now = state.now() + (fault?.type === "skew" ? fault.ms : 0);
  const requestId = randomUUID();
  const headers = { "x-amzn-requestid": requestId, date: new Date(now).toUTCString() };
  const target = received.headers["x-amz-target"];
  const record = (statusCode: number, input?: unknown): LocalEcrRequest => ({
    target,
    input,
    statusCode,
    requestId,
    ...(fault ? { fault: fault.type } : {}),
  });
  if (fault?.type === "reset") {
    req.socket.destroy();
    return record(0);
  }
  let input: unknown;
  let answer: Answer;
  if (fault?.type === "throttle") answer = errorAnswer(ERRORS.throttling(), headers, fault.status);
  else if (fault?.type === "server-error") answer = serverErrorAnswer(fault, headers);
  else {
    try {
      input = parseBody(received);
      const body = await answerDescribe(received, input, state, now);
      answer = { statusCode: 200, headers: { ...headers, "content-type": JSON_CONTENT_TYPE }, body };
    } catch (error) {
      answer = errorAnswer(error instanceof LocalEcrServiceError ? error : ERRORS.server(), headers);
    }
  }
  await writeAnswer(res, answer, fault, signal);
  return record(answer.statusCode, input);
}

async function answerDescribe(
  received: ReceivedRequest,
  input: unknown,
  state: State,
  now: number,
): Promise<string> {
  if (received.method !== "POST" || received.path !== "/") throw ERRORS.unknownOperation();
  const caller = await verifySignature(received, {
    credentials: state.credentials,
    region: state.region,
    now,
  });
  const target = received.headers["x-amz-target"];
  if (target !== TARGET) {
    throw ERRORS.unknownOperation(
      target === undefined ? undefined : `The local ECR does not implement ${target}`,
    );
  }
  const contentType = (received.headers["content-type"] ?? "").split(";")[0]?.trim();
  if (contentType !== JSON_CONTENT_TYPE) {
    throw ERRORS.serialization(`Expected content-type ${JSON_CONTENT_TYPE}, got ${contentType || "none"}`);
  }
  if (received.body.byteLength > MAX_REQUEST_BYTES) throw ERRORS.serialization("Request body is too large");
  if (input === undefined) throw ERRORS.serialization("The request body is not valid JSON");
  const page = describeRules(validateInput(input), {
    rules: state.rules,
    accountId: caller.accountId ?? DEFAULT_ACCOUNT_ID,
    tokens: state.tokens,
    defaultPageSize: state.defaultPageSize,
  });
  return describeResponseJson(page.rules, page.nextToken);
}

function parseBody(received: ReceivedRequest): unknown {
  const text = Buffer.from(received.body).toString("utf8");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function errorAnswer(error: LocalEcrServiceError, headers: Record<string, string>, status?: number): Answer {
  return {
    statusCode: status ?? error.statusCode,
    headers: { ...headers, "content-type": JSON_CONTENT_TYPE },
    body: error.body(),
  };
}

async function receive(req: IncomingMessage): Promise<ReceivedRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size <= MAX_REQUEST_BYTES + 1) chunks.push(chunk);
  }
  const url = new URL(req.url ?? "/", "http://local");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(",") : value;
  }
  return {
    method: req.method ?? "",
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body: Buffer.concat(chunks),
  };
}
