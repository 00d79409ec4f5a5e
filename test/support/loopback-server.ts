import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A request as the loopback server received it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/** Answers one request; may write anything, stall, or destroy the socket. */
export type Reply = (request: ReceivedRequest, response: ServerResponse, socket: Socket) => unknown;

/** A real HTTP server on 127.0.0.1 (port 0), for attacking the client over an actual socket. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: ReceivedRequest[];
  /**
   * How many connections that carried a request are open right now. An idle connection that never carried
   * one does not count: after a response is aborted mid-body, undici's pool opens a spare one and keeps it
   * (unref'd) until its keep-alive timeout.
   */
  openConnections(): number;
  /** Resolves once every connection that carried a request is closed (by the client), or false after `ms`. */
  waitForNoConnections(ms: number): Promise<boolean>;
  /** Destroys every connection and stops listening. */
  close(): Promise<void>;
}

/** Starts a loopback server whose every request is answered by `reply`. */
export async function startLoopbackServer(reply: Reply): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const served = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    served.add(req.socket);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(received);
      void Promise.resolve(reply(received, res, req.socket)).catch(() => res.socket?.destroy());
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      served.delete(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openConnections: () => served.size,
    async waitForNoConnections(ms) {
      const deadline = Date.now() + ms;
      while (served.size > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 10));
      return served.size === 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}
