import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach } from "vitest";
import type { CapturedRequest } from "./sigv4.js";

/**
 * What the server does with one request. `reset` kills the connection with a TCP RST (`ECONNRESET`), `close`
 * closes it without an answer (undici: `UND_ERR_SOCKET`), `stall` never answers, `stall-body` sends the headers and part of the body and then hangs; otherwise it answers with
 * `status`, `headers` and `body` (an object is sent as awsJson) after `delay` ms.
 */
export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Record<string, unknown>;
  readonly delay?: number;
  readonly action?: "reset" | "close" | "stall" | "stall-body";
}

/** A request as the server saw it, with the local time it arrived. */
export interface ScriptedRequest extends CapturedRequest {
  readonly receivedAt: number;
}

export interface ScriptedServer {
  /** `http://127.0.0.1:<port>`, for the client's `endpoint`. */
  readonly url: string;
  /** Requests in arrival order. */
  readonly requests: ScriptedRequest[];
  /** Stops listening and drops every open connection (stalled ones included). */
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 (port 0) answering the n-th request with `script[n]` (the last entry
 * repeats), or with whatever a function returns for it.
 */
export async function startScriptedServer(
  script: readonly ScriptedResponse[] | ((request: ScriptedRequest, index: number) => ScriptedResponse),
): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const pick = (request: ScriptedRequest, index: number): ScriptedResponse =>
    typeof script === "function"
      ? script(request, index)
      : (script[Math.min(index, script.length - 1)] ?? {});
  const server = createServer((req, res) => {
    void record(req).then((request) => {
      requests.push(request);
      play(pick(request, requests.length - 1), req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => closeServer(server) };
}

/** Starts a server per test (via `start`) and closes it after the test, whatever happened. */
export function useScriptedServer(): (
  script: Parameters<typeof startScriptedServer>[0],
) => Promise<ScriptedServer> {
  const open: ScriptedServer[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((server) => server.close()));
  });
  return async (script) => {
    const server = await startScriptedServer(script);
    open.push(server);
    return server;
  };
}

async function record(req: IncomingMessage): Promise<ScriptedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
  return {
    method: req.method ?? "",
    path,
    headers,
    body: Buffer.concat(chunks).toString("utf8"),
    receivedAt: Date.now(),
  };
}

function play(step: ScriptedResponse, req: IncomingMessage, res: ServerResponse): void {
  const answer = (): void => {
    if (step.action === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    if (step.action === "close") {
      req.socket.destroy();
      return;
    }
    if (step.action === "stall") return;
    const body = typeof step.body === "string" ? step.body : JSON.stringify(step.body ?? {});
    const json = typeof step.body !== "string";
    // No automatic Date header: it would drive the client's clock-skew correction against a test's fake clock.
    res.sendDate = false;
    res.writeHead(step.status ?? 200, {
      ...(json ? { "content-type": "application/x-amz-json-1.1" } : {}),
      ...step.headers,
    });
    if (step.action === "stall-body") {
      res.write(body.slice(0, Math.ceil(body.length / 2)) || " ");
      return;
    }
    res.end(body);
  };
  if (step.delay) setTimeout(answer, step.delay);
  else answer();
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeAllConnections();
  });
}
