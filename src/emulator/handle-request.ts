import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_ACCOUNT_ID } from "./default-seed.js";
import { describeRules } from "./describe-rules.js";
import type { PageTokens } from "./page-token.js";
import type { StoredRule } from "./rule-store.js";
import { ERRORS, LocalEcrServiceError } from "./service-error.js";
import type { LocalEcrCredentials, LocalEcrFault, LocalEcrRequest } from "./types.js";
import { validateInput } from "./validate-input.js";
import { type ReceivedRequest, verifySignature } from "./verify-signature.js";
import { describeResponseJson } from "./wire-json.js";
import { type Answer, serverErrorAnswer, writeAnswer } from "./write-response.js";

const TARGET = "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules";
const JSON_CONTENT_TYPE = "application/x-amz-json-1.1";
const MAX_REQUEST_BYTES = 1024 * 1024;

/** What every request of one server shares. */
export interface State {
  readonly rules: readonly StoredRule[];
  readonly credentials: ReadonlyMap<string, LocalEcrCredentials>;
  readonly region: string;
  readonly now: () => number;
  readonly defaultPageSize: number;
  readonly tokens: PageTokens;
}

/**
 * Answers one request: applies its fault (if any), then authenticates, routes, validates and describes, and
 * returns what to record in `ecr.requests`.
 */
export async function handle(
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
  received: Received,
  input: unknown,
  state: State,
  now: number,
): Promise<string> {
  if (received.method !== "POST" || received.path !== "/") throw ERRORS.unknownOperation();
  // Checked before the signature: only the first MiB was kept, so the signature could not match anyway.
  if (received.oversized) throw ERRORS.serialization("Request body is too large");
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

/** A received request; `oversized` when the body passed the cap (only its first MiB is kept). */
type Received = ReceivedRequest & { readonly oversized: boolean };

async function receive(req: IncomingMessage): Promise<Received> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
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
    oversized: size > MAX_REQUEST_BYTES,
  };
}
