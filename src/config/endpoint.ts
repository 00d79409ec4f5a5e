import { ConfigurationError } from "../errors/client-errors.js";
import { ecrHostname } from "./partitions.js";

/** Where requests go: scheme, host, optional port and the base path (always ending in `/`). */
export interface Endpoint {
  readonly protocol: "https:" | "http:";
  readonly hostname: string;
  readonly port?: number;
  readonly path: string;
}

/** Parses a custom endpoint, keeping its scheme, port and base path (`http://localhost:4566/base` → `/base/`). */
export function parseCustomEndpoint(endpoint: string | URL, setting = "endpoint"): Endpoint {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (cause) {
    throw new ConfigurationError(
      setting,
      `${setting} ${JSON.stringify(String(endpoint))} is not a URL; use e.g. "http://127.0.0.1:4566"`,
      { cause },
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigurationError(setting, `${setting} must use http: or https:, got ${url.protocol}`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigurationError(setting, `${setting} must not carry a query, fragment or user info`);
  }
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  // `hostname` keeps the brackets of an IPv6 literal, as the Host header needs; transports strip them.
  const protocol = url.protocol === "http:" ? "http:" : "https:";
  const parts = { protocol, hostname: url.hostname, path } as const;
  return url.port ? { ...parts, port: Number(url.port) } : parts;
}

/** The `host` header value: the port only when it is not the scheme's default. */
export function hostHeader(endpoint: Endpoint): string {
  return endpoint.port === undefined ? endpoint.hostname : `${endpoint.hostname}:${endpoint.port}`;
}

/** What decides the endpoint, already resolved. */
export interface EndpointSettings {
  readonly region: string;
  readonly custom: { readonly value: string | URL; readonly setting: string } | undefined;
  readonly fips: { readonly value: boolean; readonly setting: string };
  readonly dualstack: { readonly value: boolean; readonly setting: string };
}

/**
 * The custom endpoint when one is set, else `https://` + the partition's ECR host for the region and flags.
 *
 * @throws {@link ConfigurationError} for a custom endpoint combined with FIPS or dual-stack (a custom endpoint is
 *   used as is, so the flag would be silently ignored), or a custom endpoint that is not an http(s) URL.
 */
export function resolveEndpoint(settings: EndpointSettings): Endpoint {
  const { region, custom, fips, dualstack } = settings;
  if (custom) {
    const flag = fips.value
      ? { ...fips, what: "FIPS" }
      : dualstack.value
        ? { ...dualstack, what: "dual-stack" }
        : undefined;
    if (flag) {
      throw new ConfigurationError(
        custom.setting,
        `${custom.setting} cannot be combined with ${flag.what} (${flag.setting}): a custom endpoint is used as is; ` +
          `remove ${custom.setting} or turn ${flag.what} off`,
      );
    }
    return parseCustomEndpoint(custom.value, custom.setting);
  }
  const hostname = ecrHostname(region, {
    useFipsEndpoint: fips.value,
    useDualstackEndpoint: dualstack.value,
  });
  return { protocol: "https:", hostname, path: "/" };
}
