/**
 * Exit codes, the same as the AWS CLI v2's (https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-returncodes.html),
 * so scripts written for `aws ecr describe-pull-through-cache-rules` keep working.
 */
export const EXIT = {
  ok: 0,
  /** Interrupted (Ctrl+C). */
  interrupted: 130,
  /** Bad command line: unknown command or option, bad value. */
  usage: 252,
  /** No region or credentials, or a bad endpoint URL. */
  configuration: 253,
  /** The service answered with an error. */
  service: 254,
  /** The request could not be made or understood: connection, time-out, unreadable response. */
  network: 255,
} as const;

/** A mistake on the command line; printed with the command's usage and exit code 252. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
