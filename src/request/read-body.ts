/** Raised by {@link readBody} when a body passes the size cap; the caller turns it into a typed error. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`response body is larger than ${limit} bytes`);
  }
}

type Chunk = Uint8Array | string;

/** The start of a body, at most `limit` bytes long; `truncated` says there was more. */
export interface BodyPrefix {
  readonly bytes: Uint8Array;
  readonly truncated: boolean;
}

/**
 * Reads a response body of any transport (bytes, string, Node stream, web `ReadableStream`, `Blob`) into
 * bytes, stopping and releasing the stream as soon as it grows past `limit`.
 *
 * @throws {@link BodyTooLargeError} when the body is longer than `limit` bytes.
 */
export async function readBody(body: unknown, limit: number): Promise<Uint8Array> {
  const { bytes, truncated } = await readBodyPrefix(body, limit);
  if (truncated) throw new BodyTooLargeError(limit);
  return bytes;
}

/**
 * Reads at most `limit` bytes of a body (in any shape {@link readBody} takes). A longer stream is stopped and
 * released at the cap (a Node stream destroyed, a web stream cancelled), so its socket is never reused half-read.
 */
export async function readBodyPrefix(body: unknown, limit: number): Promise<BodyPrefix> {
  if (body === undefined || body === null) return { bytes: new Uint8Array(0), truncated: false };
  if (typeof body === "string") return cut(new TextEncoder().encode(body), limit);
  if (body instanceof Uint8Array) return cut(body, limit);
  if (isBlob(body)) {
    const bytes = new Uint8Array(await body.slice(0, limit).arrayBuffer());
    return { bytes, truncated: body.size > limit };
  }
  // Leaving a for-await early calls the iterator's return(), which destroys a Node stream; the web stream
  // generator cancels its reader itself.
  if (isWebStream(body)) return readChunks(webStreamChunks(body), limit);
  if (isAsyncIterable(body)) return readChunks(body as AsyncIterable<Chunk>, limit);
  throw new TypeError(`unsupported response body type: ${Object.prototype.toString.call(body)}`);
}

async function readChunks(chunks: AsyncIterable<Chunk>, limit: number): Promise<BodyPrefix> {
  const parts: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    if (size + bytes.byteLength > limit) {
      parts.push(bytes.subarray(0, limit - size));
      size = limit;
      truncated = true;
      break;
    }
    size += bytes.byteLength;
    parts.push(bytes);
  }
  return { bytes: join(parts, size), truncated };
}

function join(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

async function* webStreamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) void reader.cancel().catch(() => {});
  }
}

function cut(bytes: Uint8Array, limit: number): BodyPrefix {
  const truncated = bytes.byteLength > limit;
  return { bytes: truncated ? bytes.subarray(0, limit) : bytes, truncated };
}

function isBlob(value: unknown): value is Blob {
  return typeof Blob !== "undefined" && value instanceof Blob;
}

function isWebStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as ReadableStream | undefined)?.getReader === "function";
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | undefined)?.[Symbol.asyncIterator] === "function";
}
