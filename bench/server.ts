// The loopback ECR stand-in, in its own process: precomputed bodies, so it costs every contender the same.
import { createServer } from "node:http";
import { PAGE_RULES, PAGINATION_PAGE_SIZE, PAGINATION_TOTAL, wireRule } from "./wire.js";

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
const firstPage = json({ pullThroughCacheRules: Array.from({ length: PAGE_RULES }, (_, i) => wireRule(i)) });
const pageCount = PAGINATION_TOTAL / PAGINATION_PAGE_SIZE;
const pages: Buffer[] = [];
function page(index: number): Buffer {
  return (pages[index] ??= json({
    pullThroughCacheRules: Array.from({ length: PAGINATION_PAGE_SIZE }, (_, i) =>
      wireRule(index * PAGINATION_PAGE_SIZE + i),
    ),
    ...(index + 1 < pageCount ? { nextToken: `p${index + 1}` } : {}),
  }));
}
for (let i = 0; i < pageCount; i++) page(i);

let served = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    const input = JSON.parse(Buffer.concat(chunks).toString() || "{}") as {
      maxResults?: number;
      nextToken?: string;
    };
    const body =
      input.maxResults === PAGINATION_PAGE_SIZE ? page(Number(input.nextToken?.slice(1) ?? 0)) : firstPage;
    res.writeHead(200, {
      "content-type": "application/x-amz-json-1.1",
      "content-length": body.byteLength,
      "x-amzn-requestid": `bench-${++served}`,
    });
    res.end(body);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  process.send?.({
    port: address.port,
    pageBytes: firstPage.byteLength,
    paginationPageBytes: page(0).byteLength,
  });
});
process.on("disconnect", () => process.exit(0));
