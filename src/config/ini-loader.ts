/**
 * The one member of `@smithy/shared-ini-file-loader` we use, named so that bundlers drop the rest of the
 * package (SSO token files, profile-name helpers): `import()` of the package itself keeps every export.
 * Loaded lazily through {@link nodeHost}, when the shared files are read.
 */
export { loadSharedConfigFiles } from "@smithy/shared-ini-file-loader";
