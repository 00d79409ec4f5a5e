import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { CapturedRequest } from "./sigv4.js";

export const ENDPOINT = "https://api.ecr.us-east-1.amazonaws.com/";

/** What the client sent, in order, as the handlers saw it (reset after each test). */
const requests: CapturedRequest[] = [];

/** Starts msw for the file (unhandled requests are errors). */
export function useMsw(): { server: ReturnType<typeof setupServer>; requests: CapturedRequest[] } {
  const server = setupServer();
  beforeAll(() => {
    server.listen({ onUnhandledRequest: "error" });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.length = 0;
  });
  afterAll(() => {
    server.close();
  });
  return { server, requests };
}

/** Records a request seen by a handler. */
export async function capture(request: Request): Promise<CapturedRequest> {
  const url = new URL(request.url);
  const captured = {
    method: request.method,
    path: url.pathname,
    headers: Object.fromEntries(request.headers),
    body: await request.text(),
  };
  requests.push(captured);
  return captured;
}

/** An msw handler answering every POST to the endpoint with `status` and a JSON (or raw) body. */
export function respond(
  body: unknown,
  init: { status?: number; headers?: Record<string, string>; raw?: boolean; url?: string } = {},
) {
  return http.post(init.url ?? ENDPOINT, async ({ request }) => {
    await capture(request);
    return init.raw
      ? new HttpResponse(body as string, { status: init.status ?? 200, headers: init.headers ?? {} })
      : HttpResponse.json(body as Record<string, unknown>, {
          status: init.status ?? 200,
          headers: { "content-type": "application/x-amz-json-1.1", ...init.headers },
        });
  });
}
