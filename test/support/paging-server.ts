import type { ServerResponse } from "node:http";
import { wireRule } from "./fixtures.js";
import type { Reply } from "./loopback-server.js";

/** What the server does with one request. */
export type Fault = "ok" | "unavailable" | "throttle" | "server-error" | "reset" | "html-502";

/** The reply of each fault; `ok` serves the requested page. */
const FAULTS: Record<Exclude<Fault, "ok">, (response: ServerResponse) => void> = {
  unavailable: (response) => {
    response.writeHead(503, { "content-type": "application/x-amz-json-1.1" }).end('{"__type":"ServiceUnavailableException"}');
  },
  throttle: (response) => {
    response
      .writeHead(400, { "content-type": "application/x-amz-json-1.1" })
      .end('{"__type":"ThrottlingException","message":"Rate exceeded"}');
  },
  "server-error": (response) => {
    response.writeHead(500, { "content-type": "application/x-amz-json-1.1" }).end('{"__type":"ServerException","message":"oops"}');
  },
  reset: (response) => {
    response.socket?.resetAndDestroy();
  },
  "html-502": (response) => {
    response.writeHead(502, { "content-type": "text/html" }).end("<html>Bad Gateway</html>");
  },
};

/**
 * Serves `total` rules (`wireRule(0…total-1)`) in pages of the requested `maxResults` (default 100), with
 * opaque tokens; before answering request number n (0-based) it asks `script(n)` which fault to play.
 */
export function pagingReply(total: number, script: (request: number) => Fault): Reply {
  let count = 0;
  return (request, response) => {
    const fault = script(count++);
    if (fault !== "ok") {
      FAULTS[fault](response);
      return;
    }
    const input = JSON.parse(request.body) as { nextToken?: string; maxResults?: number };
    const offset = input.nextToken === undefined ? 0 : Number(/^opaque-(\d+)$/.exec(input.nextToken)?.[1] ?? NaN);
    if (!Number.isInteger(offset)) {
      response.writeHead(400).end('{"__type":"InvalidParameterException","message":"bad token"}');
      return;
    }
    const end = Math.min(total, offset + (input.maxResults ?? 100));
    const rules = Array.from({ length: end - offset }, (_, i) => wireRule(offset + i));
    const page = end < total ? { pullThroughCacheRules: rules, nextToken: `opaque-${end}` } : { pullThroughCacheRules: rules };
    response.writeHead(200, { "content-type": "application/x-amz-json-1.1" }).end(JSON.stringify(page));
  };
}
