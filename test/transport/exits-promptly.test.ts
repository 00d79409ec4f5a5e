import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { wireRule } from "../support/fixtures.js";

describe("the default Node transport never holds the process open", () => {
  it("a child exits by itself right after its one call (and never loaded TLS for http), while the server keeps the connection alive", async () => {
    const server = createServer((_req, res) => {
      res.setHeader("content-type", "application/x-amz-json-1.1");
      res.end(JSON.stringify({ pullThroughCacheRules: [wireRule(1), wireRule(2)] }));
    });
    server.keepAliveTimeout = 60_000; // the server would hold an idle socket for a minute
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const dir = mkdtempSync(join(tmpdir(), "ecr-ptc-exit-"));
    try {
      const script = join(dir, "one-call.mjs");
      // Bundled as README "Performance" advises: unused credential sources external (bundled, their node:https
      // import would be hoisted to the top of the ESM output and load TLS at start-up).
      const external = [
        "@aws-sdk/credential-provider-node",
        "@smithy/credential-provider-imds",
        "@smithy/shared-ini-file-loader",
      ];
      const bundle = await build({
        entryPoints: ["test/transport/fixtures/one-call.ts"],
        bundle: true,
        platform: "node",
        format: "esm",
        mainFields: ["module", "main"],
        external,
        write: false,
        logLevel: "error",
      });
      writeFileSync(script, bundle.outputFiles[0]!.contents);
      const child = spawn(
        process.execPath,
        [script, `http://127.0.0.1:${(server.address() as AddressInfo).port}`],
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      const killer = setTimeout(() => child.kill(), 10_000);
      let answeredAt = 0;
      let stdout = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
        answeredAt ||= performance.now();
      });
      const [code] = (await once(child, "exit")) as [number | null];
      clearTimeout(killer);
      expect(code).toBe(0);
      expect(stdout).toBe("2 tls=false\n");
      // A ref'd keep-alive socket would keep the child alive until the 10 s kill; an idle node exits in tens of ms.
      expect(performance.now() - answeredAt).toBeLessThan(2_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      server.closeAllConnections();
      server.close();
    }
  });
});
