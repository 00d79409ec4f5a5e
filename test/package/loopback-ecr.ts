import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { CapturedRequest } from "../support/sigv4.js";

const TARGET = "AmazonEC2ContainerRegistry_V20150921.DescribePullThroughCacheRules";

/** The rules the loopback server returns, in wire form (epoch-second timestamps). */
export const WIRE_RULES = [
  {
    ecrRepositoryPrefix: "docker-hub",
    upstreamRegistryUrl: "registry-1.docker.io",
    upstreamRegistry: "docker-hub",
    createdAt: 1_700_000_000.25,
  },
  {
    ecrRepositoryPrefix: "quay",
    upstreamRegistryUrl: "quay.io",
    upstreamRegistry: "quay",
    createdAt: 1_650_000_000,
  },
] as const;

/** What a client should print or return for {@link WIRE_RULES}: prefix and ISO date. */
export const EXPECTED_RULES = WIRE_RULES.map((rule) => ({
  prefix: rule.ecrRepositoryPrefix,
  createdAt: new Date(rule.createdAt * 1000).toISOString(),
}));

export interface LoopbackEcr {
  readonly endpoint: string;
  readonly requests: CapturedRequest[];
  close(): Promise<void>;
}

/**
 * A minimal ECR stand-in on 127.0.0.1 (port 0): answers DescribePullThroughCacheRules with {@link WIRE_RULES}
 * and anything else with the service's UnknownOperationException; records every request.
 */
export async function startLoopbackEcr(): Promise<LoopbackEcr> {
  const requests: CapturedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(req.headers).map(([name, value]) => [name, String(value)]),
      );
      requests.push({
        method: req.method ?? "",
        path: req.url ?? "",
        headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const known = req.method === "POST" && headers["x-amz-target"] === TARGET;
      const body = known
        ? { pullThroughCacheRules: WIRE_RULES }
        : { __type: "UnknownOperationException", message: "Unknown operation" };
      res.writeHead(known ? 200 : 400, {
        "content-type": "application/x-amz-json-1.1",
        "x-amzn-requestid": `req-${requests.length}`,
      });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) reject(error);
          else resolve();
        });
      }),
  };
}
