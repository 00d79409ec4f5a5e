import { Sha256 } from "@aws-crypto/sha256-js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NodeSha256 } from "../../src/transport/node-sha256.js";

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString("hex");
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function digest(secret: string | Uint8Array | undefined, ...chunks: Uint8Array[]): Promise<string> {
  const hash = new NodeSha256(secret);
  for (const chunk of chunks) hash.update(chunk);
  return hex(await hash.digest());
}

describe("NodeSha256", () => {
  // FIPS 180-2 and RFC 4231 test vectors.
  it.each([
    {
      name: "empty",
      secret: undefined,
      data: "",
      expected: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    },
    {
      name: "abc",
      secret: undefined,
      data: "abc",
      expected: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    },
    {
      name: "HMAC RFC 4231 case 2",
      secret: "Jefe",
      data: "what do ya want for nothing?",
      expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    },
  ])("$name", async ({ secret, data, expected }) => {
    expect(await digest(secret, utf8(data))).toBe(expected);
  });

  it("accepts every SourceData form for the secret and the data alike", async () => {
    const bytes = utf8("Jefe");
    const copy = (): ArrayBuffer => bytes.buffer.slice(0) as ArrayBuffer;
    const forms = ["Jefe", bytes, copy(), new DataView(copy())];
    const digests = await Promise.all(
      forms.map(async (secret) => {
        const hash = new NodeSha256(secret);
        hash.update(new TextEncoder().encode("what do ya want for nothing?"));
        return hex(await hash.digest());
      }),
    );
    expect(new Set(digests)).toEqual(
      new Set(["5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"]),
    );
  });

  it("reset() starts over with the same secret", async () => {
    const hash = new NodeSha256("Jefe");
    hash.update(utf8("garbage"));
    hash.reset();
    hash.update(utf8("what do ya want for nothing?"));
    expect(hex(await hash.digest())).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  });

  it("agrees with @aws-crypto/sha256-js on any chunks and key", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.option(fc.uint8Array({ maxLength: 100 }), { nil: undefined }),
        fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 4 }),
        async (secret, chunks) => {
          const reference = new Sha256(secret);
          for (const chunk of chunks) reference.update(chunk);
          expect(await digest(secret, ...chunks)).toBe(hex(await reference.digest()));
        },
      ),
      { numRuns: 200, seed: 6 },
    );
  });
});
