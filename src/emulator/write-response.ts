import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { LocalEcrFault } from "./types.js";

/** A complete answer before any fault shapes how it is sent. */
export interface Answer {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** Sends an answer, honouring the transport faults (`delay`, `slow-body`, `truncate`); resolves once written. */
export async function writeAnswer(
  res: ServerResponse,
  answer: Answer,
  fault: LocalEcrFault | undefined,
  signal: AbortSignal,
): Promise<void> {
  const body = Buffer.from(answer.body, "utf8");
  const headers = { ...answer.headers, "content-length": String(body.byteLength) };
  const half = body.subarray(0, Math.floor(body.byteLength / 2));
  if (fault?.type === "delay") await sleep(fault.ms, undefined, { signal });
  res.writeHead(answer.statusCode, headers);
  if (fault?.type === "truncate") {
    res.flushHeaders();
    res.write(half, () => res.socket?.destroy());
    return;
  }
  if (fault?.type === "slow-body") {
    res.write(half);
    await sleep(fault.ms, undefined, { signal });
    res.end(body.subarray(half.byteLength));
    return;
  }
  res.end(body);
}

const HTML_502 =
  "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n";

/** The answer of a `server-error` fault: an awsJson `ServerException`, an HTML page as a proxy sends, or nothing. */
export function serverErrorAnswer(
  fault: Extract<LocalEcrFault, { type: "server-error" }>,
  baseHeaders: Record<string, string>,
): Answer {
  const statusCode = fault.status ?? (fault.body === "html" ? 502 : 500);
  if (fault.body === "html")
    return { statusCode, headers: { ...baseHeaders, "content-type": "text/html" }, body: HTML_502 };
  if (fault.body === "empty") return { statusCode, headers: baseHeaders, body: "" };
  const body = JSON.stringify({
    __type: "ServerException",
    message: "We encountered an internal error. Please try again.",
  });
  return { statusCode, headers: { ...baseHeaders, "content-type": "application/x-amz-json-1.1" }, body };
}
