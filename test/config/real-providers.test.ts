import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

// The real @smithy/credential-provider-imds and @aws-sdk/credential-provider-node read process.env and the
// shared files themselves, so they run in a child process with a temporary HOME and endpoints on loopback.
const ROOT = join(import.meta.dirname, "..", "..");
const PROGRAM = `
import { createConfigResolver } from "./src/config/resolve-config.ts";
const resolved = await createConfigResolver({ region: "us-east-1" })();
try {
  const identity = await resolved.credentials();
  console.log(JSON.stringify({ accessKeyId: identity.accessKeyId, sessionToken: identity.sessionToken, expiration: identity.expiration }));
} catch (error) {
  console.log(JSON.stringify({ error: error.name + ": " + error.message }));
}
`;

let bundle = "";
let home = "";
let server: Server | undefined;

beforeAll(async () => {
  const result = await build({
    stdin: { contents: PROGRAM, resolveDir: ROOT, loader: "ts", sourcefile: "program.ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]!.text;
});

afterEach(async () => {
  rmSync(home, { recursive: true, force: true });
  if (server) {
    server.close();
    await once(server, "close");
    server = undefined;
  }
});

async function loopback(
  handler: (request: IncomingMessage, body: string, response: ServerResponse) => void,
): Promise<string> {
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      handler(request, body, response);
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function run(
  env: Record<string, string>,
  files: { config?: string; credentials?: string },
): Promise<Record<string, string>> {
  home = mkdtempSync(join(tmpdir(), "ecr-ptc-real-"));
  mkdirSync(join(home, ".aws"));
  if (files.config) writeFileSync(join(home, ".aws", "config"), files.config);
  if (files.credentials) writeFileSync(join(home, ".aws", "credentials"), files.credentials);
  const child = spawn(process.execPath, ["--input-type=module", "-"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: home, ...env },
  });
  child.stdin.end(bundle);
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  await once(child, "close");
  return JSON.parse(stdout) as Record<string, string>;
}

describe("with the real packages, against loopback servers", () => {
  it("EC2 IMDSv2 through @smithy/credential-provider-imds", async () => {
    const seen: string[] = [];
    const endpoint = await loopback((request, _body, response) => {
      seen.push(
        `${request.method} ${request.url} ${String(request.headers["x-aws-ec2-metadata-token"] ?? "")}`,
      );
      if (request.method === "PUT") response.end("imds-token");
      else if (request.url === "/latest/meta-data/iam/security-credentials/") response.end("ec2-role");
      else
        response.end(
          JSON.stringify({
            Code: "Success",
            AccessKeyId: "AKIDIMDS",
            SecretAccessKey: "s",
            Token: "IMDStoken",
            Expiration: "2031-01-01T00:00:00Z",
          }),
        );
    });
    const result = await run({ AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint }, {});
    expect(result).toEqual({
      accessKeyId: "AKIDIMDS",
      sessionToken: "IMDStoken",
      expiration: "2031-01-01T00:00:00.000Z",
    });
    expect(seen).toEqual([
      "PUT /latest/api/token ",
      "GET /latest/meta-data/iam/security-credentials/ imds-token",
      "GET /latest/meta-data/iam/security-credentials/ec2-role imds-token",
    ]);
  });

  it("a role_arn profile through @aws-sdk/credential-provider-node and STS AssumeRole", async () => {
    const actions: string[] = [];
    const endpoint = await loopback((_request, body, response) => {
      actions.push(new URLSearchParams(body).get("Action") ?? body);
      response.writeHead(200, { "content-type": "text/xml" })
        .end(`<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <Credentials><AccessKeyId>AKIDSTS</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>STStoken</SessionToken><Expiration>2031-02-03T04:05:06Z</Expiration></Credentials>
    <AssumedRoleUser><Arn>arn:aws:sts::123456789012:assumed-role/reader/s</Arn><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId></AssumedRoleUser>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</AssumeRoleResponse>`);
    });
    const result = await run(
      {
        AWS_PROFILE: "reader",
        AWS_ENDPOINT_URL_STS: endpoint,
        AWS_REGION: "us-east-1",
        AWS_EC2_METADATA_DISABLED: "true",
      },
      {
        config: "[profile reader]\nrole_arn = arn:aws:iam::123456789012:role/reader\nsource_profile = base\n",
        credentials: "[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = BASEsecret\n",
      },
    );
    expect(result).toEqual({
      accessKeyId: "AKIDSTS",
      sessionToken: "STStoken",
      expiration: "2031-02-03T04:05:06.000Z",
    });
    expect(actions).toEqual(["AssumeRole"]);
  });
});
