import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import {
  DescribePullThroughCacheRulesCommand,
  ECRClient,
  type ECRClientConfig,
  type Logger,
} from "../../src/index.js";
import type { CliIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/run.js";
import { SESSION_CREDENTIALS } from "../support/fixtures.js";
import { HOSTILE_SCENARIOS, type HostileScenario } from "../support/hostile-replies.js";
import { type LoopbackServer, type Reply, startLoopbackServer } from "../support/loopback-server.js";

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
});

/** Everything a server saw that must stay secret: the signatures it received. */
function signaturesSeenBy(server: LoopbackServer): string[] {
  return server.requests.map(
    (request) => /Signature=([0-9a-f]{64})/.exec(String(request.headers["authorization"]))?.[1] ?? "",
  );
}

/** A logger that keeps every line it is given, rendered the way a console would render it. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const record = (...content: unknown[]): void => {
    lines.push(
      content.map((item) => (typeof item === "string" ? item : inspect(item, { depth: Infinity }))).join(" "),
    );
  };
  return { lines, debug: record, info: record, warn: record, error: record };
}

/** `JSON.stringify`, which gives `undefined` for `undefined`. */
function json(value: unknown): string {
  return value === undefined ? "undefined" : JSON.stringify(value);
}

/** Every way an error or a client gets printed, logged or serialized. */
function renderings(value: unknown): string[] {
  const error = value as Partial<Error> & { $metadata?: unknown; $response?: unknown };
  return [
    String(error.message),
    String(error.stack),
    String(value),
    inspect(value, { showHidden: true, depth: Infinity, getters: true }),
    json(value),
    json(error.$metadata),
    inspect(error.$response, { showHidden: true, depth: Infinity }),
  ];
}

const escape = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** Reflects the request's secrets back, as a debugging proxy or a misconfigured gateway might. */
const echo =
  (status: number): Reply =>
  (request, response) => {
    const token = String(request.headers["x-amz-security-token"]);
    const authorization = String(request.headers["authorization"]);
    response.writeHead(status, {
      "content-type": status === 200 ? "text/html" : "application/x-amz-json-1.1",
      "x-amzn-requestid": token,
      "x-echo-authorization": authorization,
    });
    response.end(
      status === 200
        ? `<pre>${authorization} ${token}</pre>`
        : // JSON escapes hide the token from a search of the raw text; only the parsed message shows it.
          `{"__type":"AccessDeniedException","message":"bad token ${token.replace(/[/+]/g, escape)} for ${authorization}"}`,
    );
  };

const CASES: readonly Pick<HostileScenario, "name" | "reply" | "stalls">[] = [
  ...HOSTILE_SCENARIOS.filter(
    (scenario) => !scenario.name.includes("over the size cap") && !scenario.name.includes("gzip"),
  ),
  {
    name: "400 modelled service error",
    reply: (_q, r) => r.writeHead(400).end('{"__type":"ValidationException","message":"no"}'),
  },
  { name: "an error body echoing the request's secrets", reply: echo(403) },
  { name: "a 2xx HTML page echoing the request's secrets", reply: echo(200) },
];

describe("secret hygiene: secret key, session token and signature never leak", () => {
  it.each(CASES)("after $name", async ({ reply, stalls }) => {
    const server = await startLoopbackServer(reply);
    servers.push(server);
    const logger = recordingLogger();
    const config: ECRClientConfig = {
      region: "us-east-1",
      credentials: SESSION_CREDENTIALS,
      endpoint: server.url,
      logger,
    };
    const client = new ECRClient(config);
    const error: unknown = await client
      .send(new DescribePullThroughCacheRulesCommand({}), {
        abortSignal: stalls ? AbortSignal.timeout(200) : undefined,
      })
      .catch((reason: unknown) => reason);

    const signatures = signaturesSeenBy(server);
    // One signature per attempt (retryable scenarios are retried, and the logger hears about it).
    expect(signatures.length).toBeGreaterThanOrEqual(1);
    for (const signature of signatures) expect(signature).toMatch(/^[0-9a-f]{64}$/);
    // The logger really spoke (one line per attempt), so its silence about secrets means something.
    expect(logger.lines.length).toBeGreaterThanOrEqual(signatures.length);
    const secrets = [SESSION_CREDENTIALS.secretAccessKey, SESSION_CREDENTIALS.sessionToken, ...signatures];
    const surfaces = [
      ...renderings(error),
      inspect(client, { showHidden: true, depth: Infinity }),
      ...logger.lines,
    ];
    for (const surface of surfaces) for (const secret of secrets) expect(surface).not.toContain(secret);
    client.destroy();
  });

  it("a client and its config do not show credentials when inspected or serialized", () => {
    const client = new ECRClient({ region: "us-east-1", credentials: SESSION_CREDENTIALS });
    const config = (client as unknown as { config?: unknown }).config;
    const surfaces = [
      inspect(client, { showHidden: true, depth: Infinity, getters: true }),
      JSON.stringify(client),
      inspect(config, { showHidden: true, depth: Infinity, getters: true }),
      json(config),
    ];
    for (const surface of surfaces) {
      expect(surface).not.toContain(SESSION_CREDENTIALS.secretAccessKey);
      expect(surface).not.toContain(SESSION_CREDENTIALS.sessionToken);
    }
  });

  it.each([
    { name: "an error body echoing the request's secrets", reply: echo(403) },
    { name: "a 2xx HTML page echoing the request's secrets", reply: echo(200) },
    {
      name: "a reset before the headers",
      reply: HOSTILE_SCENARIOS.find((s) => s.name.includes("reset before"))!.reply,
    },
  ])("the ecr-ptc command line prints no secret after $name", async ({ reply }) => {
    const server = await startLoopbackServer(reply);
    servers.push(server);
    let printed = "";
    const io: CliIo = {
      stdout: { write: (text: string) => (printed += text) },
      stderr: { write: (text: string) => (printed += text) },
      env: {
        AWS_ACCESS_KEY_ID: SESSION_CREDENTIALS.accessKeyId,
        AWS_SECRET_ACCESS_KEY: SESSION_CREDENTIALS.secretAccessKey,
        AWS_SESSION_TOKEN: SESSION_CREDENTIALS.sessionToken,
      },
    };

    const code = await run(
      ["describe-pull-through-cache-rules", "--endpoint-url", server.url, "--region", "us-east-1"],
      io,
    );

    expect(code).not.toBe(0);
    expect(printed).not.toBe("");
    const secrets = [
      SESSION_CREDENTIALS.secretAccessKey,
      SESSION_CREDENTIALS.sessionToken,
      ...signaturesSeenBy(server),
    ];
    for (const secret of secrets) expect(printed).not.toContain(secret);
  });
});
