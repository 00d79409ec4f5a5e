/**
 * The two members of `@smithy/credential-provider-imds` we use, named so that bundlers drop the rest of the
 * package (the container provider, endpoint helpers): `import()` of the package itself keeps every export.
 * Loaded lazily through {@link nodeHost}, on the container and instance metadata paths only.
 */
export { fromInstanceMetadata, httpRequest } from "@smithy/credential-provider-imds";
