import { ERRORS } from "./service-error.js";
import { PREFIX_PATTERN, PREFIX_PATTERN_TEXT, REGISTRY_ID_PATTERN } from "./upstream-registries.js";

/** The input after the service's checks. */
export interface DescribeInput {
  readonly registryId?: string;
  readonly ecrRepositoryPrefixes?: readonly string[];
  readonly nextToken?: string;
  readonly maxResults?: number;
}

/**
 * Reads the JSON input as the service does: members of the wrong JSON type are a `SerializationException`;
 * constraint violations are collected into one `ValidationException` ("2 validation errors detected: …").
 * Unknown members are ignored, as by the real service.
 */
export function validateInput(value: unknown): DescribeInput {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw ERRORS.serialization("Start of structure or map found where not expected.");
  }
  const body = value as Record<string, unknown>;
  const input = readTypes(body);
  const violations = constraintViolations(input);
  if (violations.length > 0) {
    const count = violations.length === 1 ? "1 validation error" : `${violations.length} validation errors`;
    throw ERRORS.validation(`${count} detected: ${violations.join("; ")}`);
  }
  return input;
}

function readTypes(body: Record<string, unknown>): DescribeInput {
  const input: { -readonly [K in keyof DescribeInput]: DescribeInput[K] } = {};
  const { registryId, ecrRepositoryPrefixes, nextToken, maxResults } = body;
  if (registryId !== undefined && registryId !== null)
    input.registryId = expectString(registryId, "registryId");
  if (nextToken !== undefined && nextToken !== null) input.nextToken = expectString(nextToken, "nextToken");
  if (ecrRepositoryPrefixes !== undefined && ecrRepositoryPrefixes !== null) {
    if (!Array.isArray(ecrRepositoryPrefixes))
      throw ERRORS.serialization(`Expected a list for ecrRepositoryPrefixes`);
    input.ecrRepositoryPrefixes = ecrRepositoryPrefixes.map((item, index) =>
      expectString(item, `ecrRepositoryPrefixes[${index}]`),
    );
  }
  if (maxResults !== undefined && maxResults !== null) {
    if (
      typeof maxResults !== "number" ||
      !Number.isInteger(maxResults) ||
      Math.abs(maxResults) > 2 ** 31 - 1
    ) {
      throw ERRORS.serialization(`${describe(maxResults)} can not be converted to an Integer (maxResults)`);
    }
    input.maxResults = maxResults;
  }
  return input;
}

function expectString(value: unknown, member: string): string {
  if (typeof value !== "string")
    throw ERRORS.serialization(`${describe(value)} can not be converted to a String (${member})`);
  return value;
}

function describe(value: unknown): string {
  if (typeof value === "number") return "NUMBER_VALUE";
  if (typeof value === "boolean") return "BOOLEAN_VALUE";
  if (typeof value === "string") return "STRING_VALUE";
  if (Array.isArray(value)) return "START_ARRAY";
  return value === null ? "NULL_VALUE" : "START_OBJECT";
}

const violation = (value: string, member: string, constraint: string): string =>
  `Value '${value}' at '${member}' failed to satisfy constraint: Member must ${constraint}`;

function constraintViolations(input: DescribeInput): string[] {
  const found: string[] = [];
  if (input.registryId !== undefined && !REGISTRY_ID_PATTERN.test(input.registryId)) {
    found.push(violation(input.registryId, "registryId", "satisfy regular expression pattern: [0-9]{12}"));
  }
  const prefixes = input.ecrRepositoryPrefixes;
  if (prefixes !== undefined) {
    const shown = `[${prefixes.join(", ")}]`;
    if (prefixes.length < 1)
      found.push(violation(shown, "ecrRepositoryPrefixes", "have length greater than or equal to 1"));
    if (prefixes.length > 100)
      found.push(violation(shown, "ecrRepositoryPrefixes", "have length less than or equal to 100"));
    prefixes.forEach((prefix, index) => {
      const member = `ecrRepositoryPrefixes.${index + 1}.member`;
      if (prefix.length < 2) found.push(violation(prefix, member, "have length greater than or equal to 2"));
      else if (prefix.length > 30)
        found.push(violation(prefix, member, "have length less than or equal to 30"));
      else if (!PREFIX_PATTERN.test(prefix))
        found.push(violation(prefix, member, `satisfy regular expression pattern: ${PREFIX_PATTERN_TEXT}`));
    });
  }
  const { maxResults } = input;
  if (maxResults !== undefined && maxResults < 1)
    found.push(violation(String(maxResults), "maxResults", "have value greater than or equal to 1"));
  if (maxResults !== undefined && maxResults > 1000)
    found.push(violation(String(maxResults), "maxResults", "have value less than or equal to 1000"));
  return found;
}
