import { createHash, createHmac } from "node:crypto";
import type { Checksum, SourceData } from "@smithy/types";

/**
 * SHA-256 (or HMAC-SHA-256 when given a secret) backed by `node:crypto`, in the `ChecksumConstructor` shape
 * that `@smithy/signature-v4` expects. Signing with it takes about half the time of `@aws-crypto/sha256-js`.
 *
 * @example
 * ```ts
 * const hash = new NodeSha256();
 * hash.update(new TextEncoder().encode("abc"));
 * const digest = await hash.digest(); // 32 bytes
 * ```
 */
export class NodeSha256 implements Checksum {
  readonly #secret: Buffer | undefined;
  #hash: Digester;

  constructor(secret?: SourceData) {
    this.#secret = secret === undefined ? undefined : toBuffer(secret);
    this.#hash = this.#create();
  }

  update(data: Uint8Array | SourceData): void {
    this.#hash.update(toBuffer(data));
  }

  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.#hash.digest());
  }

  reset(): void {
    this.#hash = this.#create();
  }

  #create(): Digester {
    return this.#secret === undefined ? createHash("sha256") : createHmac("sha256", this.#secret);
  }
}

interface Digester {
  update(data: Buffer): unknown;
  digest(): Buffer;
}

function toBuffer(data: SourceData): Buffer {
  if (typeof data === "string") return Buffer.from(data, "utf8");
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}
