import { once } from "node:events";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo, Socket } from "node:net";
import type { HttpRequest } from "@smithy/types";
import { afterEach, describe, expect, it } from "vitest";
import { NodeHttpHandler } from "../../src/transport/node-http-handler.js";

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
}

interface Loopback {
  readonly port: number;
  readonly seen: Seen[];
  readonly sockets: Set<Socket>;
  /** Resolves when a server-side socket closes. */
  closed(): Promise<void>;
}

const servers: Server[] = [];
const handlers: NodeHttpHandler[] = [];
afterEach(async () => {
  for (const handler of handlers.splice(0)) handler.destroy();
  await Promise.all(
    servers
      .splice(0)
      .map((server) => (server.closeAllConnections(), new Promise((resolve) => server.close(resolve)))),
  );
});

/** A real server on loopback (port 0); `reply` answers after the request body has been read. */
async function loopback(
  reply: (res: ServerResponse, req: IncomingMessage) => void,
  host = "127.0.0.1",
): Promise<Loopback> {
  const seen: Seen[] = [];
  const sockets = new Set<Socket>();
  const closes: (() => void)[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      reply(res, req);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => closes.shift()?.());
  });
  servers.push(server);
  server.listen(0, host);
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    sockets,
    closed: () => new Promise((resolve) => closes.push(resolve)),
  };
}

function request(port: number, overrides: Partial<HttpRequest> = {}): HttpRequest {
  return {
    method: "POST",
    protocol: "http:",
    hostname: "127.0.0.1",
    port,
    path: "/",
    query: {},
    headers: { "content-type": "application/json" },
    body: "{}",
    ...overrides,
  };
}

function handler(): NodeHttpHandler {
  const created = new NodeHttpHandler();
  handlers.push(created);
  return created;
}

async function text(body: unknown): Promise<string> {
  let out = "";
  for await (const chunk of body as AsyncIterable<Buffer>) out += chunk.toString();
  return out;
}

const ok = (res: ServerResponse): void => {
  res.end("ok");
};

describe("NodeHttpHandler: the request it sends", () => {
  it.each([
    {
      name: "string body",
      overrides: { body: '{"maxResults":5}' },
      contentLength: "16",
      body: '{"maxResults":5}',
    },
    { name: "multi-byte string", overrides: { body: '{"p":"é"}' }, contentLength: "10", body: '{"p":"é"}' },
    { name: "bytes", overrides: { body: new TextEncoder().encode("abc") }, contentLength: "3", body: "abc" },
    { name: "no body", overrides: { body: undefined }, contentLength: "0", body: "" },
    {
      name: "caller's content-length kept",
      overrides: { body: "{}", headers: { "content-length": "2" } },
      contentLength: "2",
      body: "{}",
    },
  ])("$name: content-length $contentLength", async ({ overrides, contentLength, body }) => {
    const server = await loopback(ok);
    const { response } = await handler().handle(request(server.port, overrides));
    await text(response.body);
    expect(server.seen[0]?.headers["content-length"]).toBe(contentLength);
    expect(server.seen[0]?.headers["transfer-encoding"]).toBeUndefined();
    expect(server.seen[0]?.body).toBe(body);
  });

  it.each([
    { query: {}, url: "/base/" },
    { query: { a: "1", b: ["x y", "z*"], flag: null }, url: "/base/?a=1&b=x%20y&b=z%2A&flag" },
  ])("path and query $url", async ({ query, url }) => {
    const server = await loopback(ok);
    const { response } = await handler().handle(request(server.port, { path: "/base/", query }));
    await text(response.body);
    expect(server.seen[0]?.url).toBe(url);
    expect(server.seen[0]?.method).toBe("POST");
  });

  it("strips the brackets of an IPv6 literal", async () => {
    const server = await loopback(ok, "::1");
    const { response } = await handler().handle(
      request(server.port, { hostname: "[::1]", headers: { host: `[::1]:${server.port}` } }),
    );
    expect(await text(response.body)).toBe("ok");
    expect(server.seen[0]?.headers.host).toBe(`[::1]:${server.port}`);
  });
});

describe("NodeHttpHandler: the response it returns", () => {
  it("has the status, lower-cased headers (lists joined) and the body as a stream", async () => {
    const server = await loopback((res) => {
      res.writeHead(418, "Teapot", { "X-Amzn-RequestId": "req-1", "Set-Cookie": ["a=1", "b=2"] });
      res.end("x".repeat(100_000));
    });
    const { response } = await handler().handle(request(server.port));
    expect(response.statusCode).toBe(418);
    expect(response.reason).toBe("Teapot");
    expect(response.headers["x-amzn-requestid"]).toBe("req-1");
    expect(response.headers["set-cookie"]).toBe("a=1, b=2");
    expect(Object.keys(response.headers).every((name) => name === name.toLowerCase())).toBe(true);
    expect(typeof (response.body as AsyncIterable<unknown>)[Symbol.asyncIterator]).toBe("function");
    expect((await text(response.body)).length).toBe(100_000);
  });

  it("keeps one socket alive across sequential calls", async () => {
    const server = await loopback(ok);
    const transport = handler();
    for (let i = 0; i < 3; i++) await text((await transport.handle(request(server.port))).response.body);
    expect(server.seen).toHaveLength(3);
    expect(server.sockets.size).toBe(1);
  });

  it("destroy() closes the idle keep-alive socket", async () => {
    const server = await loopback(ok);
    const transport = handler();
    await text((await transport.handle(request(server.port))).response.body);
    const closed = server.closed();
    transport.destroy();
    await closed;
    expect([...server.sockets].every((socket) => socket.destroyed)).toBe(true);
  });
});

describe("NodeHttpHandler: aborts and network errors", () => {
  it("rejects an already aborted signal without connecting", async () => {
    const server = await loopback(ok);
    const controller = new AbortController();
    controller.abort(new Error("stop"));
    await expect(handler().handle(request(server.port), { abortSignal: controller.signal })).rejects.toThrow(
      "stop",
    );
    expect(server.sockets.size).toBe(0);
  });

  it("destroys the socket when aborted while waiting for the response", async () => {
    const server = await loopback(() => {}); // never answers
    const controller = new AbortController();
    const pending = handler().handle(request(server.port), { abortSignal: controller.signal });
    while (server.seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = server.closed();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await closed;
  });

  it("destroys the socket when aborted while the body streams", async () => {
    const server = await loopback((res) => {
      res.writeHead(200, { "content-length": "1000000" });
      res.write("x".repeat(1000)); // then stalls
    });
    const controller = new AbortController();
    const { response } = await handler().handle(request(server.port), { abortSignal: controller.signal });
    const reading = text(response.body);
    const closed = server.closed();
    controller.abort(new Error("caller gave up"));
    await expect(reading).rejects.toThrow("caller gave up");
    await closed;
  });

  it.each([
    {
      code: "ECONNRESET",
      setup: async () => (await loopback((_res, req) => req.socket.resetAndDestroy())).port,
    },
    {
      code: "ECONNREFUSED",
      setup: async () => {
        const server = await loopback(ok);
        const { port } = server;
        await new Promise((resolve) => servers.pop()!.close(resolve));
        return port;
      },
    },
  ])("rejects with Node's error code $code", async ({ code, setup }) => {
    const port = await setup();
    await expect(handler().handle(request(port))).rejects.toMatchObject({ code });
  });
});

// A self-signed loopback certificate (test-only, EC P-256, for 127.0.0.1), so no tool is needed at test time.
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgTq0QLKbYxEI+F77w
bDNffADSRJXBZTJMVeEAsp6b5C6hRANCAASlmY7DL2ZPB1zrsol/Gd9DZxIk1qRw
LdbKYUQa0+UPzv2SO0CPUhIhwOynQ7GnTgBPobgKEqqjcGcv+BiQEgIk
-----END PRIVATE KEY-----`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIURKvxc75rkNE9JmBXrm8m9q1RW/kwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDIxMTgzN1oYDzIxMjYxMTEw
MjExODM3WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASlmY7DL2ZPB1zrsol/Gd9DZxIk1qRwLdbKYUQa0+UPzv2SO0CPUhIh
wOynQ7GnTgBPobgKEqqjcGcv+BiQEgIko2QwYjAdBgNVHQ4EFgQUWK7q7SvZTkU5
5OArO9BHBLcmPIwwHwYDVR0jBBgwFoAUWK7q7SvZTkU55OArO9BHBLcmPIwwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IARTAjvtILENBCGFqzU7iqAhgI/1czB2t0JjDevtfUpqAiEAirvEaOBpSDXx2gMi
1GkNPByoU6PVkIOXoYC+Jaom0eA=
-----END CERTIFICATE-----`;

describe("NodeHttpHandler over https", () => {
  it("speaks TLS to an https endpoint and surfaces the TLS error code (an untrusted certificate is refused)", async () => {
    let connections = 0;
    const server = createTlsServer({ key: TEST_KEY, cert: TEST_CERT }, (_req, res) => {
      ok(res);
    });
    server.on("connection", () => connections++);
    servers.push(server);
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const port = (server.address() as AddressInfo).port;
    await expect(handler().handle(request(port, { protocol: "https:" }))).rejects.toMatchObject({
      code: "DEPTH_ZERO_SELF_SIGNED_CERT",
    });
    expect(connections).toBe(1);
  });
});
