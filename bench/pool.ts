// Starts the loopback server and contender processes (forked, IPC) and talks to them one job at a time.
import { type ChildProcess, fork } from "node:child_process";
import type { ContenderName } from "./contenders.js";
import type { WorkerReply, WorkerRequest } from "./worker.js";

const here = new URL(".", import.meta.url).pathname;

export interface ServerInfo {
  readonly endpoint: string;
  readonly pageBytes: number;
  readonly paginationPageBytes: number;
  stop(): void;
}

export function startServer(env: NodeJS.ProcessEnv): Promise<ServerInfo> {
  const child = fork(`${here}server.mjs`, [], { env, execArgv: [] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("message", (message: { port: number; pageBytes: number; paginationPageBytes: number }) => {
      resolve({
        endpoint: `http://127.0.0.1:${message.port}`,
        pageBytes: message.pageBytes,
        paginationPageBytes: message.paginationPageBytes,
        stop: () => child.kill(),
      });
    });
  });
}

export class Worker {
  readonly #child: ChildProcess;
  readonly #ready: Promise<void>;
  #stderr = "";

  constructor(name: ContenderName, endpoint: string, env: NodeJS.ProcessEnv, execArgv: string[] = []) {
    // stderr is kept and shown only if the worker fails (the SDK warns about Node 20 on stderr).
    this.#child = fork(`${here}worker.mjs`, [name, endpoint], {
      env,
      execArgv,
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    this.#child.stderr?.on("data", (chunk: Buffer) => (this.#stderr += chunk.toString()));
    this.#ready = this.#next().then(() => undefined);
  }

  async ask<R extends WorkerReply>(request: WorkerRequest): Promise<R> {
    await this.#ready;
    const reply = this.#next();
    this.#child.send(request);
    return (await reply) as R;
  }

  stop(): void {
    this.#child.kill();
  }

  #next(): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => {
        reject(new Error(`worker exited with ${code}: ${this.#stderr}`));
      };
      this.#child.once("exit", onExit);
      this.#child.once("message", (message: WorkerReply) => {
        this.#child.off("exit", onExit);
        resolve(message);
      });
    });
  }
}
