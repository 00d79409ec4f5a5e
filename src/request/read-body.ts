/** Raised by {@link readBody} when a body passes the size cap; the caller turns it into a typed error. */
export class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
  constructor(readonly limit: number) {
    super(`response body is larger than ${limit} bytes`);
  }
}

type Chunk = Uint8Array | string;

/**
 * Reads a response body of any transport (bytes, string, Node stream, web `ReadableStream`, `Blob`) into
 * bytes, stopping and releasing the stream as soon as it grows past `limit`.
 */
export async function readBody(body: unknown, limit: number): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === "string") return checked(new TextEncoder().encode(body), limit);
  if (body instanceof Uint8Array) return checked(body, limit);
  if (isBlob(body)) return checked(new Uint8Array(await body.arrayBuffer()), limit);
  // Leaving a for-await early calls the iterator's return(), which destroys a Node stream; the web stream
  // generator cancels its reader itself.
  if (isWebStream(body)) return readChunks(webStreamChunks(body), limit);
  if (isAsyncIterable(body)) return readChunks(body as AsyncIterable<Chunk>, limit);
  throw new TypeError(`unsupported response body type: ${Object.prototype.toString.call(body)}`);
}

async function readChunks(chunks: AsyncIterable<Chunk>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > limit) throw new BodyTooLargeError(limit);
    parts.push(bytes);
  }
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

function checked(bytes: Uint8Array, limit: number): Uint8Array {
  if (bytes.byteLength > limit) throw new BodyTooLargeError(limit);
  return bytes;
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
