import type { UpstreamRegistry } from "../models.js";

/**
 * A rule to seed the local ECR with, in the shape `aws ecr describe-pull-through-cache-rules` prints (so its
 * JSON output can be fed back in). Dates may be `Date`s, ISO-8601 strings or epoch seconds.
 */
export interface SeedRule {
  /** 2–30 characters matching ECR's prefix pattern, or `ROOT`. */
  ecrRepositoryPrefix: string;
  /** e.g. `registry-1.docker.io`. */
  upstreamRegistryUrl: string;
  /**
   * The 12-digit registry (account) id owning the rule.
   * @default the account of the first credentials (`123456789012`)
   */
  registryId?: string | undefined;
  /** The upstream registry kind; derived from `upstreamRegistryUrl` when omitted. */
  upstreamRegistry?: UpstreamRegistry | undefined;
  /** Secrets Manager ARN `arn:aws:secretsmanager:…:secret:ecr-pullthroughcache/…`; required for registries that need auth. */
  credentialArn?: string | undefined;
  /** The IAM role for an ECR-to-ECR rule. */
  customRoleArn?: string | undefined;
  /** The upstream repository prefix; ECR reports `ROOT` when it is not set. */
  upstreamRepositoryPrefix?: string | undefined;
  /** @default 2024-01-01T00:00:00Z */
  createdAt?: Date | string | number | undefined;
  /** @default `createdAt` */
  updatedAt?: Date | string | number | undefined;
}

/** An access key the local ECR accepts. */
export interface LocalEcrCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** When set, requests must carry (and sign) this `x-amz-security-token`. */
  readonly sessionToken?: string;
  /**
   * The caller's account: the registry described when the input has no `registryId`.
   * @default "123456789012"
   */
  readonly accountId?: string;
}

/**
 * One scripted misbehaviour, applied to one request (faults are consumed in order, one per request):
 * - `throttle`: `ThrottlingException` "Rate exceeded" (status 400 like ECR, or 429);
 * - `server-error`: a 5xx with an awsJson `ServerException` body, an HTML proxy page or no body;
 * - `reset`: the connection is destroyed before any byte of a response;
 * - `delay`: the response headers come after `ms` milliseconds;
 * - `slow-body`: half the body, a pause of `ms`, then the rest;
 * - `truncate`: the full `content-length` is announced, half the body sent, then the connection closed;
 * - `skew`: the server's clock is off by `ms` for this request (its `Date` header and signature-age check).
 */
export type LocalEcrFault =
  | { readonly type: "throttle"; readonly status?: 400 | 429 | undefined }
  | {
      readonly type: "server-error";
      readonly status?: 500 | 502 | 503 | 504 | undefined;
      readonly body?: "json" | "html" | "empty" | undefined;
    }
  | { readonly type: "reset" }
  | { readonly type: "delay"; readonly ms: number }
  | { readonly type: "slow-body"; readonly ms: number }
  | { readonly type: "truncate" }
  | { readonly type: "skew"; readonly ms: number };

/** Options of {@link startLocalEcr}. */
export interface LocalEcrOptions {
  /**
   * The rules to serve. Pass `[]` for an empty registry.
   * @default the bundled default seed ({@link defaultSeedRules}), a few hundred realistic rules
   */
  rules?: readonly SeedRule[] | undefined;
  /** A JSON file of rules (an array, or `{ "pullThroughCacheRules": [...] }` as the AWS CLI prints); not with `rules`. */
  seedFile?: string | undefined;
  /**
   * The access keys accepted.
   * @default [{@link LOCAL_ECR_CREDENTIALS}]
   */
  credentials?: readonly LocalEcrCredentials[] | undefined;
  /**
   * The region requests must be signed for.
   * @default "us-east-1"
   */
  region?: string | undefined;
  /**
   * The TCP port on 127.0.0.1.
   * @default 0 (a free port)
   */
  port?: number | undefined;
  /** Faults for the first requests, one per request, in order; more can be queued with {@link LocalEcr.inject}. */
  faults?: readonly LocalEcrFault[] | undefined;
  /**
   * Rules per page when the input has no `maxResults`.
   * @default 100
   */
  defaultPageSize?: number | undefined;
  /**
   * The server's clock in epoch milliseconds.
   * @default Date.now
   */
  now?: (() => number) | undefined;
}

/** A request the local ECR answered, for assertions in tests (no authorization material is kept). */
export interface LocalEcrRequest {
  readonly target: string | undefined;
  /** The parsed JSON input, or `undefined` when the body was not JSON. */
  readonly input: unknown;
  readonly statusCode: number;
  readonly requestId: string;
  /** The fault applied to this request, if any. */
  readonly fault?: LocalEcrFault["type"];
}

/** A running local ECR. */
export interface LocalEcr {
  /** e.g. `http://127.0.0.1:54321`. */
  readonly endpoint: string;
  readonly port: number;
  readonly region: string;
  /** The first accepted credentials, ready for `new ECRClient({ credentials })`. */
  readonly credentials: LocalEcrCredentials;
  /** Every request answered so far, oldest first. */
  readonly requests: readonly LocalEcrRequest[];
  /** Queues faults for the next requests, one per request. */
  inject(...faults: LocalEcrFault[]): void;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}
