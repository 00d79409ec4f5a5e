import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { Reply } from "./loopback-server.js";

/** The client's response-size cap (src/client.ts `MAX_RESPONSE_BYTES`). */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** A broken or hostile answer and the typed error the client must turn it into. */
export interface HostileScenario {
  readonly name: string;
  readonly reply: Reply;
  /** `name` of the error `send` must reject with. */
  readonly error: string;
  /** What its message must say. */
  readonly message: RegExp;
  /** `$metadata.httpStatusCode`, when headers arrived. */
  readonly status?: number;
  /** The scenario never finishes by itself: the test passes an abort signal (or `requestTimeout`). */
  readonly stalls?: boolean;
}

const JSON_TYPE = { "content-type": "application/x-amz-json-1.1" };

function send(status: number, headers: Record<string, string>, body: string | Buffer): Reply {
  return (_request, response) => {
    response.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
    response.end(body);
  };
}

/** Writes raw bytes to the socket, bypassing node:http's checks, then closes it. */
function raw(bytes: string): Reply {
  return (_request, _response, socket) => {
    socket.end(bytes);
  };
}

/** Streams `total` bytes of JSON whitespace after `head`, honouring back-pressure, until the client hangs up. */
export function flood(status: number, head: string, total: number): Reply {
  return (_request, response) => {
    response.writeHead(status, JSON_TYPE);
    response.write(head);
    const chunk = Buffer.alloc(64 * 1024, " ");
    let sent = 0;
    const pump = (): void => {
      while (sent < total && !response.destroyed) {
        sent += chunk.byteLength;
        if (!response.write(chunk)) {
          response.once("drain", pump);
          return;
        }
      }
      if (!response.destroyed) response.end("}");
    };
    pump();
  };
}

/** Sends the status line, headers and the start of a body, then `then(response)`. */
function partial(body: string, then: (response: ServerResponse) => void): Reply {
  return (_request, response) => {
    response.writeHead(200, { ...JSON_TYPE, "content-length": "100000" });
    response.write(body);
    setTimeout(() => {
      then(response);
    }, 20);
  };
}

let bomb: Buffer | undefined;
/** 48 MiB of JSON whitespace, gzipped to a few dozen KiB (built on first use). */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.concat([Buffer.from("{"), Buffer.alloc(48 * 1024 * 1024, " "), Buffer.from("}")]));
  return bomb;
}

const nonObjectRoots = ["[]", '"x"', "42", "null", "true"].map((root): HostileScenario => ({
  name: `2xx with the JSON root ${root}`,
  reply: send(200, JSON_TYPE, root),
  error: "DeserializationError",
  message: /response body must be a JSON object/,
  status: 200,
}));

/** Every way we know for a server to answer badly, each with the typed error it must become. */
export const HOSTILE_SCENARIOS: readonly HostileScenario[] = [
  {
    name: "truncated JSON",
    reply: send(200, JSON_TYPE, '{"pullThroughCacheRules":[{"ecrRepositoryPre'),
    error: "DeserializationError",
    message: /not valid JSON: "\{\\"pullThroughCacheRules/,
    status: 200,
  },
  {
    name: "invalid UTF-8",
    reply: send(200, JSON_TYPE, Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])),
    error: "DeserializationError",
    message: /not valid UTF-8/,
    status: 200,
  },
  ...nonObjectRoots,
  {
    name: "2xx with an HTML body",
    reply: send(200, { "content-type": "text/html" }, "<html><body><h1>Welcome to nginx!</h1></body></html>"),
    error: "DeserializationError",
    message: /not valid JSON: "<html><body><h1>Welcome to nginx!/,
    status: 200,
  },
  {
    name: "2xx headers with an empty body",
    reply: send(200, JSON_TYPE, ""),
    error: "DeserializationError",
    message: /response body is empty/,
    status: 200,
  },
  {
    name: "2xx with 1,000,000 nested arrays",
    reply: send(200, JSON_TYPE, `{"pullThroughCacheRules":${"[".repeat(1e6)}${"]".repeat(1e6)}}`),
    error: "DeserializationError",
    message: /pullThroughCacheRules\[0\]: expected an object, got an array/,
    status: 200,
  },
  {
    name: "2xx body far over the size cap",
    reply: flood(200, '{"pullThroughCacheRules":[]', 64 * 1024 * 1024),
    error: "DeserializationError",
    message: new RegExp(`larger than ${MAX_RESPONSE_BYTES} bytes`),
    status: 200,
  },
  {
    name: "503 body far over the size cap",
    reply: flood(503, '{"__type":"ServiceUnavailable"', 64 * 1024 * 1024),
    // Read only up to the cap: still the (retryable) 503 it is, saying what it kept.
    error: "Unknown",
    message: new RegExp(
      `^HTTP 503 with a body that is not a JSON object .*only its first ${MAX_RESPONSE_BYTES} bytes were read\\)$`,
    ),
    status: 503,
  },
  {
    name: "gzip bomb (48 MiB inflated)",
    reply: (request, response, socket) =>
      send(200, { ...JSON_TYPE, "content-encoding": "gzip" }, gzipBomb())(request, response, socket),
    error: "DeserializationError",
    // fetch inflates and must stop at the cap; a transport that does not inflate sees gzip bytes, not UTF-8.
    message: new RegExp(`larger than ${MAX_RESPONSE_BYTES} bytes|not valid UTF-8`),
    status: 200,
  },
  {
    name: "500 with an HTML body",
    reply: send(500, { "content-type": "text/html" }, "<html>Internal error</html>"),
    error: "Unknown",
    message: /HTTP 500 with a body that is not a JSON object \(text\/html\): "<html>Internal error<\/html>"/,
    status: 500,
  },
  {
    name: "400 with invalid UTF-8",
    reply: send(400, JSON_TYPE, Buffer.from([0xff, 0xfe, 0xfd])),
    error: "Unknown",
    message: /HTTP 400 with a body that is not a JSON object/,
    status: 400,
  },
  {
    name: "content-length promises more than is sent",
    reply: partial('{"pullThroughCacheRules":[', (response) => {
      response.socket?.end();
    }),
    error: "NetworkError",
    message: /request failed/,
  },
  {
    name: "connection reset mid-body",
    reply: partial('{"pullThroughCacheRules":[', (response) => {
      response.socket?.resetAndDestroy();
    }),
    error: "NetworkError",
    message: /request failed/,
  },
  {
    name: "connection reset before headers",
    reply: (_request, _response, socket) => {
      socket.resetAndDestroy();
    },
    error: "NetworkError",
    message: /request failed/,
  },
  {
    name: "not HTTP at all",
    reply: (_request, _response, socket) => {
      socket.end("SSH-2.0-OpenSSH_9.6\r\n\r\n");
    },
    error: "NetworkError",
    message: /request failed/,
  },
  {
    name: "64 KiB of response headers",
    reply: raw(`HTTP/1.1 200 OK\r\nx-junk: ${"a".repeat(64 * 1024)}\r\ncontent-length: 2\r\n\r\n{}`),
    error: "NetworkError",
    message: /request failed/,
  },
  {
    name: "malformed chunked encoding",
    reply: raw("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nZZZ\r\n{}\r\n0\r\n\r\n"),
    error: "NetworkError",
    message: /request failed/,
  },
  {
    name: "status 999",
    reply: raw(
      "HTTP/1.1 999 Weird\r\ncontent-type: application/x-amz-json-1.1\r\ncontent-length: 2\r\n\r\n{}",
    ),
    error: "Unknown",
    message: /Unknown: HTTP 999 with no error message/,
    status: 999,
  },
  {
    name: "stall after the headers",
    reply: partial('{"pullThroughCacheRules":[', () => undefined),
    error: "AbortError",
    message: /timed out/,
    stalls: true,
  },
  {
    name: "stall before the headers",
    reply: () => undefined,
    error: "AbortError",
    message: /timed out/,
    stalls: true,
  },
];
