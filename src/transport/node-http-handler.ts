// Through the modules' default export (the live CommonJS object), so request interceptors such as msw's,
// which replace `http.request`, see our calls as they see the AWS SDK's.
import http, {
  type Agent,
  type ClientRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
} from "node:http";
import type {
  HeaderBag,
  HttpHandlerOptions,
  HttpRequest,
  HttpResponse,
  QueryParameterBag,
} from "@smithy/types";
import type { HttpRequestHandler } from "../config/types.js";

/** Options of {@link NodeHttpHandler}. */
export interface NodeHttpHandlerOptions {
  /**
   * The most sockets open at once per host; further requests queue.
   * @default 50 (as the AWS SDK)
   */
  maxSockets?: number | undefined;
  /**
   * Milliseconds an idle keep-alive socket stays open (shorter when the server's `Keep-Alive: timeout=` says so).
   * @default 30000
   */
  idleSocketTimeout?: number | undefined;
}

type Https = typeof import("node:https");

/** Loaded on the first https request only: local and emulator endpoints never pay for TLS. */
let https: Https | undefined;

/**
 * The Node default transport: `node:http(s)` with a keep-alive agent per scheme. It streams the response body
 * (the client reads and caps it), honours `abortSignal` at any moment (the socket is destroyed, also while the
 * body streams) and rejects with Node's own errors, so their `code` (`ECONNRESET`, `ECONNREFUSED`, …) survives.
 * Idle sockets do not keep the process alive. Internal for now: `defaultRequestHandler()` creates it (exporting
 * it from the package entry would put node:http into the browser build).
 *
 * @example
 * ```ts
 * const transport = new NodeHttpHandler({ maxSockets: 16 });
 * const { response } = await transport.handle(signedRequest, { abortSignal });
 * ```
 */
export class NodeHttpHandler implements HttpRequestHandler {
  readonly #maxSockets: number;
  readonly #idleSocketTimeout: number;
  #agents: { http?: Agent; https?: Agent } = {};

  constructor(options: NodeHttpHandlerOptions = {}) {
    this.#maxSockets = options.maxSockets ?? 50;
    this.#idleSocketTimeout = options.idleSocketTimeout ?? 30_000;
  }

  async handle(request: HttpRequest, options: HttpHandlerOptions = {}): Promise<{ response: HttpResponse }> {
    // Smithy's type also admits its legacy `onabort`-only signal; the client always passes a standard one.
    const abortSignal = options.abortSignal as AbortSignal | undefined;
    if (abortSignal?.aborted) throw abortReason(abortSignal);
    const secure = request.protocol !== "http:" && request.protocol !== "http";
    const lib = secure ? (https ??= (await import("node:https")).default) : http;
    const agent = secure
      ? (this.#agents.https ??= this.#agent(lib.Agent))
      : (this.#agents.http ??= this.#agent(lib.Agent));
    return new Promise((resolve, reject) => {
      const req = lib.request({
        agent,
        method: request.method,
        // URL hostnames keep IPv6 brackets; sockets want the bare address.
        hostname: request.hostname.startsWith("[") ? request.hostname.slice(1, -1) : request.hostname,
        port: request.port,
        path: withQuery(request.path, request.query),
        headers: withContentLength(request.headers, request.body),
      });
      let response: IncomingMessage | undefined;
      if (abortSignal) {
        const onAbort = (): void => {
          const reason = abortReason(abortSignal);
          response?.destroy(reason);
          req.destroy(reason);
        };
        abortSignal.addEventListener("abort", onAbort, { once: true });
        req.once("close", () => {
          abortSignal.removeEventListener("abort", onAbort);
        });
      }
      req.on("error", reject);
      req.once("response", (res) => {
        response = res;
        const message: HttpResponse = {
          statusCode: res.statusCode ?? 0,
          headers: headerBag(res.headers),
          body: res,
        };
        if (res.statusMessage !== undefined) message.reason = res.statusMessage;
        resolve({ response: message });
      });
      writeBody(req, request.body);
    });
  }

  /** Closes every socket, idle or busy. */
  destroy(): void {
    this.#agents.http?.destroy();
    this.#agents.https?.destroy();
    this.#agents = {};
  }

  #agent(Ctor: typeof http.Agent): Agent {
    // Node's agent unrefs idle sockets itself (Agent#keepSocketAlive), so a finished call never holds the
    // process open; the timeout also lets it honour the server's Keep-Alive hint.
    return new Ctor({
      keepAlive: true,
      maxSockets: this.#maxSockets,
      timeout: this.#idleSocketTimeout,
      scheduling: "lifo",
    });
  }
}

function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error) return reason;
  const error = new Error("The request was aborted", { cause: reason });
  error.name = "AbortError";
  return error;
}

function writeBody(req: ClientRequest, body: unknown): void {
  if (body === undefined || body === null) req.end();
  else if (typeof body === "string" || body instanceof Uint8Array) req.end(body);
  else if (typeof (body as NodeJS.ReadableStream).pipe === "function")
    (body as NodeJS.ReadableStream).pipe(req);
  else req.destroy(new TypeError(`unsupported request body type: ${Object.prototype.toString.call(body)}`));
}

function withContentLength(headers: HeaderBag, body: unknown): HeaderBag {
  if (headers["content-length"] !== undefined) return headers;
  if (typeof body === "string") return { ...headers, "content-length": String(Buffer.byteLength(body)) };
  if (body instanceof Uint8Array) return { ...headers, "content-length": String(body.byteLength) };
  if (body === undefined || body === null) return { ...headers, "content-length": "0" };
  return headers;
}

function withQuery(path: string, query: QueryParameterBag | undefined): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      parts.push(item === null ? escape(key) : `${escape(key)}=${escape(item)}`);
    }
  }
  return parts.length === 0 ? path : `${path}?${parts.join("&")}`;
}

/** RFC 3986 unreserved characters only, as SigV4 canonicalises them. */
function escape(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function headerBag(headers: IncomingHttpHeaders): HeaderBag {
  const bag: HeaderBag = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value !== undefined) bag[name] = typeof value === "string" ? value : value.join(", ");
  }
  return bag;
}
