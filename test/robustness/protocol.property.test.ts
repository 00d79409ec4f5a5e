import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DeserializationError,
  ECRServiceException,
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
  ServerException,
  ValidationException,
} from "../../src/index.js";
import { sanitizeErrorCode } from "../../src/protocol/error-code.js";
import { parseJsonObject } from "../../src/protocol/parse-json.js";
import { toServiceException } from "../../src/protocol/service-error.js";
import { anyString, junk, PROPERTY_RUNS } from "../support/arbitraries.js";

const MODELLED = {
  InvalidParameterException,
  PullThroughCacheRuleNotFoundException,
  ServerException,
  ValidationException,
} as const;
const $metadata = { httpStatusCode: 400, requestId: "req-property" } as const;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Error codes as services and proxies really spell them, plus junk. */
const rawCode = fc.oneof(
  fc
    .tuple(
      fc.constantFrom("", "com.amazonaws.ecr#", "aws.protocoltests#", "#"),
      fc.oneof(
        fc.constantFrom(...Object.keys(MODELLED), "ThrottlingException", "Unknown"),
        fc.string({ maxLength: 12 }),
      ),
      fc.constantFrom("", ":http://internal.amazon.com/coral/com.amazonaws.ecr/", ",Sender", " "),
    )
    .map(([namespace, name, suffix]) => `${namespace}${name}${suffix}`),
  anyString,
);

/** An error body: a JSON object with code and message members of any type, any JSON, or raw bytes. */
const errorBody = fc.oneof(
  fc
    .record(
      {
        __type: fc.oneof(rawCode, junk),
        code: fc.oneof(rawCode, junk),
        message: fc.oneof(anyString, junk),
        Message: junk,
      },
      { requiredKeys: [] },
    )
    .map((body) => encode(JSON.stringify(body))),
  junk.map((value) => encode(JSON.stringify(value))),
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom("<html>502 Bad Gateway</html>", "", "   ", "{", "null").map(encode),
);

describe("error-code sanitizing properties", () => {
  it("never throws and leaves a trimmed piece of the input without ',' or ':'", () => {
    fc.assert(
      fc.property(rawCode, (raw) => {
        const code = sanitizeErrorCode(raw);
        expect(raw).toContain(code);
        expect(code).not.toMatch(/[,:]/);
        expect(code).toBe(code.trim());
      }),
      PROPERTY_RUNS,
    );
  });

  it("recovers the short name from namespace#Name:uri and Name,extra forms", () => {
    const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,30}$/);
    const namespace = fc.stringMatching(/^[a-z][a-z0-9.]{0,20}$/);
    fc.assert(
      fc.property(namespace, name, fc.string({ maxLength: 20 }), (ns, short, tail) => {
        expect(sanitizeErrorCode(`${ns}#${short}`)).toBe(short);
        expect(sanitizeErrorCode(`${short}:${tail}`)).toBe(short);
        expect(sanitizeErrorCode(`${ns}#${short},${tail}`)).toBe(short);
      }),
      PROPERTY_RUNS,
    );
  });
});

describe("error mapping properties (status ≥ 300 with any body and headers)", () => {
  it("always yields an ECRServiceException with a name, the right class and $fault, and $metadata", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 300, max: 599 }),
        errorBody,
        fc.option(rawCode, { nil: undefined }),
        fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        (statusCode, body, headerCode, contentType) => {
          const headers: Record<string, string> = {};
          if (headerCode !== undefined) headers["x-amzn-errortype"] = headerCode;
          if (contentType !== undefined) headers["content-type"] = contentType;
          const error = toServiceException({ statusCode, headers, body }, $metadata);

          expect(error).toBeInstanceOf(ECRServiceException);
          expect(error).toBeInstanceOf(Error);
          expect(typeof error.message).toBe("string");
          expect(error.name).not.toBe("");
          expect(error.name).not.toMatch(/[,:]/);
          expect(error.$metadata).toEqual($metadata);
          expect(error.$response?.statusCode).toBe(statusCode);
          const Modelled = Object.hasOwn(MODELLED, error.name)
            ? MODELLED[error.name as keyof typeof MODELLED]
            : undefined;
          if (Modelled) {
            expect(error).toBeInstanceOf(Modelled);
            expect(error.$fault).toBe(error.name === "ServerException" ? "server" : "client");
          } else {
            expect(error.constructor).toBe(ECRServiceException);
            expect(error.$fault).toBe(statusCode >= 500 ? "server" : "client");
          }
        },
      ),
      { ...PROPERTY_RUNS, numRuns: 500 },
    );
  });

  it("takes the code from __type, else code, else the x-amzn-errortype header", () => {
    const code = fc.stringMatching(/^[A-Z][A-Za-z]{0,20}$/);
    fc.assert(
      fc.property(fc.option(code), fc.option(code), code, (type, bodyCode, header) => {
        const body = encode(JSON.stringify({ __type: type, code: bodyCode, message: "m" }));
        const error = toServiceException(
          { statusCode: 400, headers: { "x-amzn-errortype": header }, body },
          $metadata,
        );
        expect(error.name).toBe(type ?? bodyCode ?? header);
        expect(error.message).toBe("m");
      }),
      PROPERTY_RUNS,
    );
  });
});

describe("2xx body parsing properties", () => {
  it("returns exactly the JSON object sent, and refuses every other root with a DeserializationError", () => {
    fc.assert(
      fc.property(junk, (value) => {
        const text = JSON.stringify(value);
        const isObject = typeof value === "object" && value !== null && !Array.isArray(value);
        if (isObject) {
          expect(parseJsonObject(encode(text), $metadata)).toEqual(JSON.parse(text));
        } else {
          expect(() => parseJsonObject(encode(text), $metadata)).toThrow(DeserializationError);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  it("never lets a SyntaxError or TypeError escape from arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 200 }), anyString.map(encode)), (bytes) => {
        try {
          const value = parseJsonObject(bytes, $metadata);
          expect(Object.prototype.toString.call(value)).toBe("[object Object]");
        } catch (error) {
          expect(error).toBeInstanceOf(DeserializationError);
          expect((error as DeserializationError).$metadata).toEqual($metadata);
          // The excerpt in the message is bounded, however large the body.
          expect((error as Error).message.length).toBeLessThan(300);
        }
      }),
      PROPERTY_RUNS,
    );
  });
});
