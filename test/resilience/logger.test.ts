import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type ECRClientConfig,
  type Logger,
} from "../../src/index.js";
import { fakeRuntime, withRuntime } from "../support/fake-runtime.js";
import { SESSION_CREDENTIALS } from "../support/fixtures.js";
import { type ScriptedResponse, type ScriptedServer, useScriptedServer } from "../support/scripted-server.js";
import { sentSignature } from "../support/sigv4.js";

const start = useScriptedServer();

type Line = [level: keyof Logger, ...args: unknown[]];
function recordingLogger(): { logger: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const at =
    (level: keyof Logger) =>
    (...args: unknown[]): void => {
      lines.push([level, ...args]);
    };
  return { logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") }, lines };
}

function clientFor(server: ScriptedServer, config: ECRClientConfig): ECRClient {
  return new ECRClient(
    withRuntime(
      { region: "us-east-1", credentials: SESSION_CREDENTIALS, endpoint: server.url, ...config },
      fakeRuntime(),
    ),
  );
}

/** A hostile error that quotes the request back, token and all (as signature-mismatch messages can). */
function echo(
  status: number,
  code: string,
): (request: ScriptedServer["requests"][number]) => ScriptedResponse {
  return (request) => ({
    status,
    headers: { "x-amzn-requestid": `req-${code}` },
    body: {
      __type: code,
      message: `canonical request had ${request.headers["x-amz-security-token"]} / ${request.headers.authorization}`,
    },
  });
}

describe("logger", () => {
  it("writes one debug line per attempt with attempt, status, request id and delay, and a warning when giving up", async () => {
    const server = await start(echo(503, "ServiceUnavailableException"));
    const { logger, lines } = recordingLogger();
    await clientFor(server, { logger })
      .send(new DescribePullThroughCacheRulesCommand())
      .catch(() => {});

    expect(lines.map(([level, message]) => [level, message])).toEqual([
      [
        "debug",
        "DescribePullThroughCacheRules attempt 1/3: HTTP 503 ServiceUnavailableException (request id req-ServiceUnavailableException); retrying in 25 ms",
      ],
      [
        "debug",
        "DescribePullThroughCacheRules attempt 2/3: HTTP 503 ServiceUnavailableException (request id req-ServiceUnavailableException); retrying in 50 ms",
      ],
      [
        "debug",
        "DescribePullThroughCacheRules attempt 3/3: HTTP 503 ServiceUnavailableException (request id req-ServiceUnavailableException)",
      ],
      [
        "warn",
        "DescribePullThroughCacheRules attempt 3/3: HTTP 503 ServiceUnavailableException (request id req-ServiceUnavailableException); giving up: all 3 attempts used",
      ],
    ]);
    expect(lines[0]?.[2]).toEqual({
      operation: "DescribePullThroughCacheRules",
      attempt: 1,
      maxAttempts: 3,
      httpStatusCode: 503,
      requestId: "req-ServiceUnavailableException",
      error: "ServiceUnavailableException",
      errorType: "TRANSIENT",
      retryDelay: 25,
    });
  });

  it("logs a success and a network failure with Node's code", async () => {
    const server = await start([{ action: "reset" }, { body: {}, headers: { "x-amzn-requestid": "ok" } }]);
    const { logger, lines } = recordingLogger();
    await clientFor(server, { logger }).send(new DescribePullThroughCacheRulesCommand());
    expect(lines.map(([level, message]) => [level, message])).toEqual([
      [
        "debug",
        "DescribePullThroughCacheRules attempt 1/3: no response NetworkError ECONNRESET; retrying in 25 ms",
      ],
      ["debug", "DescribePullThroughCacheRules attempt 2/3: HTTP 200 (request id ok)"],
    ]);
  });

  it("does not warn for an error that is not retryable", async () => {
    const server = await start(echo(400, "ValidationException"));
    const { logger, lines } = recordingLogger();
    await clientFor(server, { logger })
      .send(new DescribePullThroughCacheRulesCommand())
      .catch(() => {});
    expect(lines.map(([level]) => level)).toEqual(["debug"]);
  });

  it("never logs the secret key, the session token or a signature, even when the service quotes them", async () => {
    const server = await start(echo(403, "SignatureDoesNotMatch"));
    const { logger, lines } = recordingLogger();
    const failure = await clientFor(server, {
      logger,
      maxAttempts: 2,
      retryStrategy: { retryDelay: () => 1 },
    })
      .send(new DescribePullThroughCacheRulesCommand())
      .catch((e: unknown) => e);
    const logged = inspect(lines, { depth: 20 });
    const signatures = server.requests.map((r) => sentSignature(r) ?? "missing");
    expect(signatures).toHaveLength(2);
    for (const secret of [
      SESSION_CREDENTIALS.secretAccessKey,
      SESSION_CREDENTIALS.sessionToken,
      ...signatures,
    ]) {
      expect(logged).not.toContain(secret);
    }
    // The server did quote the token and signature back, so the check above is meaningful.
    expect(server.requests[0]?.headers["x-amz-security-token"]).toBe(SESSION_CREDENTIALS.sessionToken);
    expect((failure as Error).name).toBe("SignatureDoesNotMatch");
  });

  it("keeps secrets out of a network error and its causes", async () => {
    const server = await start([{ action: "reset" }]);
    const failure = await clientFor(server, { maxAttempts: 2 })
      .send(new DescribePullThroughCacheRulesCommand())
      .catch((e: unknown) => e);
    const shown = inspect(failure, { depth: 20 });
    expect(shown).toContain("ECONNRESET");
    for (const secret of [
      SESSION_CREDENTIALS.secretAccessKey,
      SESSION_CREDENTIALS.sessionToken,
      ...server.requests.map((r) => sentSignature(r) ?? "missing"),
    ]) {
      expect(shown).not.toContain(secret);
    }
  });
});
