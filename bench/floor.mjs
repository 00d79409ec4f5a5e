// The signed floor: the product card's parts as-is, with nothing of ours. @smithy/signature-v4 with a node:crypto
// hash, node:http with a keep-alive agent, JSON.parse of the body. There is no validation, typed output, retry,
// time-out or error mapping. It is the cheapest signed call these parts allow, measured next to raw node:http to show
// how much of our gap is the signature itself. Plain JS, so the cold-start handler can import it unbundled too.
import { Buffer } from "node:buffer";
import http from "node:http";
import { URL } from "node:url";
import { createHash, createHmac } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";

class Sha256 {
  #secret;
  #hash;
  /** @param {import("@smithy/types").SourceData} [secret] */
  constructor(secret) {
    this.#secret = secret;
    this.#hash = secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(secret));
  }
  /** @param {import("@smithy/types").SourceData} data */
  update(data) {
    this.#hash.update(toBuffer(data));
  }
  digest() {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
  reset() {
    this.#hash =
      this.#secret === undefined ? createHash("sha256") : createHmac("sha256", toBuffer(this.#secret));
  }
}

/** @param {import("@smithy/types").SourceData} data */
function toBuffer(data) {
  if (typeof data === "string") return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

/**
 * @param {string} endpoint the loopback server
 * @param {{ region: string, target: string, credentials: { accessKeyId: string, secretAccessKey: string } }} options
 * @returns {(body: string) => Promise<{ pullThroughCacheRules?: unknown[], nextToken?: string }>}
 */
export function createSignedFloor(endpoint, { region, target, credentials }) {
  const url = new URL(endpoint);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const signer = new SignatureV4({ service: "ecr", region, credentials, sha256: Sha256 });
  return async (body) => {
    const signed = await signer.sign({
      method: "POST",
      protocol: url.protocol,
      hostname: url.hostname,
      port: Number(url.port),
      path: "/",
      query: {},
      headers: {
        host: url.host,
        "content-type": "application/x-amz-json-1.1",
        "x-amz-target": target,
        "content-length": String(Buffer.byteLength(body)),
      },
      body,
    });
    return new Promise((resolve, reject) => {
      const req = http.request(
        { agent, method: "POST", hostname: url.hostname, port: url.port, path: "/", headers: signed.headers },
        (res) => {
          const chunks = /** @type {Buffer[]} */ ([]);
          res.on("data", (chunk) => chunks.push(chunk));
          res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  };
}
