import { Readable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BodyTooLargeError, readBody, readBodyPrefix } from "../../src/request/read-body.js";
import { PROPERTY_RUNS } from "../support/arbitraries.js";

/** The shapes a transport hands over a body in, built from the same chunks. */
const SHAPES = {
  "Node stream": (chunks: Uint8Array[]) => Readable.from(chunks.map((chunk) => Buffer.from(chunk))),
  "web ReadableStream": (chunks: Uint8Array[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    }),
  "async iterable": (chunks: Uint8Array[]) => ({
    async *[Symbol.asyncIterator]() {
      for (const chunk of chunks) yield await Promise.resolve(chunk);
    },
  }),
  Blob: (chunks: Uint8Array[]) => new Blob(chunks),
  "one Uint8Array": (chunks: Uint8Array[]) => concat(chunks),
} as const;

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

describe("response body reading under the size cap", () => {
  it.each(Object.entries(SHAPES))(
    "%s: exactly the bytes sent when within the cap, else BodyTooLargeError",
    async (_shape, make) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 12 }),
          fc.integer({ min: 0, max: 400 }),
          async (chunks, limit) => {
            const total = concat(chunks);
            const read = await readBody(make(chunks), limit).then(
              (bytes) => ({ bytes }),
              (error: unknown) => ({ error }),
            );
            if (total.byteLength <= limit) {
              // A Node stream may hand back a Buffer: compare the bytes, not the class.
              expect(Array.from((read as { bytes: Uint8Array }).bytes)).toEqual(Array.from(total));
            } else {
              expect((read as { error: unknown }).error).toBeInstanceOf(BodyTooLargeError);
            }
          },
        ),
        PROPERTY_RUNS,
      );
    },
  );

  it.each(Object.entries(SHAPES))(
    "%s: readBodyPrefix keeps exactly the first `limit` bytes and says whether there were more",
    async (_shape, make) => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 12 }),
          fc.integer({ min: 0, max: 400 }),
          async (chunks, limit) => {
            const total = concat(chunks);
            const { bytes, truncated } = await readBodyPrefix(make(chunks), limit);
            expect(Array.from(bytes)).toEqual(Array.from(total.subarray(0, limit)));
            expect(truncated).toBe(total.byteLength > limit);
          },
        ),
        PROPERTY_RUNS,
      );
    },
  );

  it("readBodyPrefix stops pulling from an endless stream at the cap and cancels it", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024).fill(pulled));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { bytes, truncated } = await readBodyPrefix(endless, 10 * 1024 + 10);
    expect(truncated).toBe(true);
    expect(bytes.byteLength).toBe(10 * 1024 + 10);
    expect(bytes.at(-1)).toBe(11);
    expect(pulled).toBeLessThan(20);
    expect(cancelled).toBe(true);
  });

  it("readBodyPrefix destroys a Node stream it leaves half-read (its socket is not reused)", async () => {
    const stream = Readable.from(
      (function* () {
        for (;;) yield Buffer.alloc(1024, 1);
      })(),
    );
    const { truncated } = await readBodyPrefix(stream, 4096 + 1);
    expect(truncated).toBe(true);
    expect(stream.destroyed).toBe(true);
  });

  it("stops pulling from a stream as soon as the cap is passed (an endless body ends)", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    await expect(readBody(endless, 10 * 1024)).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulled).toBeLessThan(20);
  });
});
