/**
 * Facts about the HTTP exchange, attached as `$metadata` to every output and every error, with the same
 * member names as the AWS SDK's `ResponseMetadata`.
 */
export interface ResponseMetadata {
  /** HTTP status of the last attempt; absent when no response arrived. */
  readonly httpStatusCode?: number;
  /** `x-amzn-requestid` (else `x-amzn-request-id`, else `x-amz-request-id`). */
  readonly requestId?: string;
  /** `x-amz-id-2`. */
  readonly extendedRequestId?: string;
  /** `x-amz-cf-id`. */
  readonly cfId?: string;
  /** How many HTTP attempts were made. */
  readonly attempts?: number;
  /** Milliseconds spent waiting between attempts. */
  readonly totalRetryDelay?: number;
}

/** Anything that carries `$metadata`. */
export interface MetadataBearer {
  readonly $metadata: ResponseMetadata;
}
