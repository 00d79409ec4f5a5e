import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as main from "../src/index.js";
import { CREDENTIALS } from "./support/fixtures.js";
import { respond, useMsw } from "./support/msw.js";

type Package = typeof main;
const { server } = useMsw();
const root = fileURLToPath(new URL("..", import.meta.url));
const $metadata = { httpStatusCode: 400, requestId: "r" };

/** One instance of every error class of a package copy, built by that copy. */
function instances(pkg: Package) {
  const options = { message: "m", $metadata };
  return {
    ECRServiceException: new pkg.ECRServiceException({ ...options, name: "SomethingElse", $fault: "client" }),
    ServerException: new pkg.ServerException(options),
    InvalidParameterException: new pkg.InvalidParameterException(options),
    ValidationException: new pkg.ValidationException(options),
    PullThroughCacheRuleNotFoundException: new pkg.PullThroughCacheRuleNotFoundException(options),
    ECRClientError: new pkg.ECRClientError("m"),
    InputValidationError: new pkg.InputValidationError("maxResults", "must be 1–1000"),
    ConfigurationError: new pkg.ConfigurationError("region", "no region"),
    CredentialsError: new pkg.CredentialsError("no credentials"),
    DeserializationError: new pkg.DeserializationError("nextToken", "expected a string", { $metadata }),
    NetworkError: new pkg.NetworkError("reset", { code: "ECONNRESET" }),
    TimeoutError: new pkg.TimeoutError("slow"),
    AbortError: new pkg.AbortError("aborted"),
    PaginationError: new pkg.PaginationError("token-a", "repeated", { $metadata }),
  };
}
type ClassName = keyof ReturnType<typeof instances>;

/** Which classes each error is an instance of (itself, its bases); every other pair must be false. */
const IS_A: Record<ClassName, ClassName[]> = {
  ECRServiceException: ["ECRServiceException"],
  ServerException: ["ServerException", "ECRServiceException"],
  InvalidParameterException: ["InvalidParameterException", "ECRServiceException"],
  ValidationException: ["ValidationException", "ECRServiceException"],
  PullThroughCacheRuleNotFoundException: ["PullThroughCacheRuleNotFoundException", "ECRServiceException"],
  ECRClientError: ["ECRClientError"],
  InputValidationError: ["InputValidationError", "ECRClientError"],
  ConfigurationError: ["ConfigurationError", "ECRClientError"],
  CredentialsError: ["CredentialsError", "ECRClientError"],
  DeserializationError: ["DeserializationError", "ECRClientError"],
  NetworkError: ["NetworkError", "ECRClientError"],
  TimeoutError: ["TimeoutError", "ECRClientError"],
  AbortError: ["AbortError", "ECRClientError"],
  PaginationError: ["PaginationError", "ECRClientError"],
};
const CLASS_NAMES = Object.keys(IS_A) as ClassName[];

/** The instanceof matrix of `errors` against the classes of `pkg`. */
function matrix(errors: ReturnType<typeof instances>, pkg: Package): string[] {
  const hits: string[] = [];
  for (const errorName of CLASS_NAMES) {
    for (const className of CLASS_NAMES) {
      if (errors[errorName] instanceof pkg[className]) hits.push(`${errorName} instanceof ${className}`);
    }
  }
  return hits.sort();
}
const EXPECTED = CLASS_NAMES.flatMap((errorName) =>
  IS_A[errorName].map((className) => `${errorName} instanceof ${className}`),
).sort();

describe("instanceof within one copy", () => {
  it("follows the class hierarchy and nothing else", () => {
    expect(matrix(instances(main), main)).toEqual(EXPECTED);
  });

  it("names every class with a literal name", () => {
    const errors = instances(main);
    for (const name of CLASS_NAMES.filter((n) => n !== "ECRServiceException" && n !== "ECRClientError")) {
      expect(errors[name].name).toBe(name);
    }
    expect(errors.ECRServiceException.name).toBe("SomethingElse");
    expect(errors.ECRClientError.name).toBe("Error");
  });

  it("rejects lookalikes and non-errors", () => {
    class ServerException extends Error {
      override readonly name = "ServerException";
      readonly $fault = "server";
      readonly $metadata = {};
    }
    const lookalikes: unknown[] = [
      new ServerException("m"),
      { name: "ServerException", $fault: "server", $metadata: {}, message: "m" },
      { constructor: main.ServerException },
      Object.create(null),
      new Error("m"),
      new TypeError("m"),
      null,
      undefined,
      "ServerException",
      42,
    ];
    lookalikes.forEach((value, index) => {
      for (const name of CLASS_NAMES)
        expect(value instanceof main[name], `lookalike ${index} instanceof ${name}`).toBe(false);
    });
  });

  it("keeps a caller's subclass to its own instances", () => {
    class RetryableServiceError extends main.ECRServiceException {}
    class MyValidationError extends main.InputValidationError {}
    const mine = new RetryableServiceError({ name: "X", message: "m", $fault: "server", $metadata });
    expect(mine).toBeInstanceOf(RetryableServiceError);
    expect(mine).toBeInstanceOf(main.ECRServiceException);
    expect(
      new main.ECRServiceException({ name: "X", message: "m", $fault: "server", $metadata }),
    ).not.toBeInstanceOf(RetryableServiceError);
    expect(new main.ServerException({ message: "m", $metadata })).not.toBeInstanceOf(RetryableServiceError);
    expect(new main.InputValidationError("f", "m")).not.toBeInstanceOf(MyValidationError);
    expect(new MyValidationError("f", "m")).toBeInstanceOf(main.InputValidationError);
  });
});

describe("error members", () => {
  it("carries the fields of each client error", () => {
    const cause = new Error("socket hang up");
    const network = new main.NetworkError("request failed (ECONNRESET)", {
      cause,
      code: "ECONNRESET",
      $metadata,
    });
    expect(network).toMatchObject({ name: "NetworkError", code: "ECONNRESET", cause, $metadata });
    expect(new main.InputValidationError("ecrRepositoryPrefixes[2]", "too long")).toMatchObject({
      field: "ecrRepositoryPrefixes[2]",
      message: "ecrRepositoryPrefixes[2]: too long",
      $metadata: {},
    });
    expect(new main.ConfigurationError("region", "no region")).toMatchObject({
      setting: "region",
      message: "no region",
    });
    expect(new main.DeserializationError("", "response body is empty", { $metadata }).message).toBe(
      "response body is empty",
    );
    expect(new main.DeserializationError("a[1].b", "bad", { $metadata })).toMatchObject({
      path: "a[1].b",
      message: "a[1].b: bad",
      $metadata,
    });
    expect("cause" in new main.TimeoutError("slow")).toBe(false);
  });

  it("fixes name and $fault of the modelled exceptions", () => {
    const {
      ServerException,
      InvalidParameterException,
      ValidationException,
      PullThroughCacheRuleNotFoundException,
    } = instances(main);
    expect(
      [
        ServerException,
        InvalidParameterException,
        ValidationException,
        PullThroughCacheRuleNotFoundException,
      ].map((e) => [e.name, e.$fault]),
    ).toEqual([
      ["ServerException", "server"],
      ["InvalidParameterException", "client"],
      ["ValidationException", "client"],
      ["PullThroughCacheRuleNotFoundException", "client"],
    ]);
    expect(Object.keys(ServerException)).toEqual(["name", "$fault", "$metadata"]);
  });
});

/** A second copy of the package: a fresh module graph, or an esbuild bundle as an app or Lambda would ship it. */
const copies: [string, () => Promise<Package>][] = [
  [
    "a second module instance",
    async () => {
      vi.resetModules();
      return await import("../src/index.js");
    },
  ],
  [
    "an esbuild bundle of the package",
    async () => {
      const { outputFiles } = await build({
        entryPoints: [join(root, "src/index.ts")],
        bundle: true,
        packages: "external",
        platform: "node",
        format: "esm",
        write: false,
        logLevel: "silent",
      });
      // Written under node_modules so the bundle's bare imports (@smithy/…) resolve.
      const file = join(cacheDir, `copy-${process.pid}.mjs`);
      writeFileSync(file, outputFiles[0]!.text);
      return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Package;
    },
  ],
  [
    // The dual-package hazard: an app that require()s the package while a dependency imports it. Needs
    // `npm run build`, which `npm test` runs before vitest.
    "the CommonJS build, required",
    () => Promise.resolve(createRequire(import.meta.url)(join(root, "dist/index.cjs")) as Package),
  ],
];
const cacheDir = join(root, "node_modules/.cache/ecr-pull-through-cache-test");
beforeAll(() => mkdirSync(cacheDir, { recursive: true }));
afterAll(() => {
  rmSync(join(cacheDir, `copy-${process.pid}.mjs`), { force: true });
});

const built = existsSync(join(root, "dist/index.cjs"));
describe.each(copies.filter(([name]) => built || !name.includes("CommonJS")))(
  "instanceof across two copies: %s",
  (_, load) => {
    let other: Package;
    beforeAll(async () => {
      other = await load();
    });

    it("really is another copy", () => {
      for (const name of CLASS_NAMES) expect(other[name]).not.toBe(main[name]);
    });

    it("takes the other copy's errors for its own, class by class", () => {
      expect(matrix(instances(other), main)).toEqual(EXPECTED);
      expect(matrix(instances(main), other)).toEqual(EXPECTED);
    });

    it("does so for an error the other copy's client threw", async () => {
      server.use(
        respond({ __type: "PullThroughCacheRuleNotFoundException", message: "none" }, { status: 400 }),
      );
      const client = new other.ECRClient({ region: "us-east-1", credentials: CREDENTIALS });
      const error: unknown = await client
        .send(new other.DescribePullThroughCacheRulesCommand({}))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(main.PullThroughCacheRuleNotFoundException);
      expect(error).toBeInstanceOf(main.ECRServiceException);
      expect(error).not.toBeInstanceOf(main.ValidationException);
      expect(error).not.toBeInstanceOf(main.ECRClientError);
    });

    it("still rejects unrelated errors", () => {
      for (const value of [new Error("m"), new TypeError("m"), { name: "ServerException" }]) {
        for (const name of CLASS_NAMES) expect(value instanceof other[name]).toBe(false);
      }
    });
  },
);
