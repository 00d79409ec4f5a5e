import { InputValidationError, type InputValidationRule } from "../errors/client-errors.js";
import { didYouMean } from "./did-you-mean.js";

/** A pattern and the words that explain it to a person. */
export interface PatternRule {
  readonly regex: RegExp;
  readonly description: string;
}

/** The declarative rule for one member; `undefined` and `null` always mean absent. */
export type MemberRule = { readonly required?: boolean } & (
  | {
      readonly type: "string";
      readonly minLength?: number;
      readonly maxLength?: number;
      readonly pattern?: PatternRule;
    }
  | { readonly type: "integer"; readonly min: number; readonly max: number }
  | { readonly type: "boolean" }
  | {
      readonly type: "list";
      readonly minItems: number;
      readonly maxItems: number;
      readonly items: MemberRule;
    }
  | { readonly type: "object"; readonly expected: string; readonly accepts: (value: object) => boolean }
);

/** The description of an input object: its name in error paths, its type name in messages, its members. */
export interface Shape {
  readonly name: string;
  readonly typeName: string;
  readonly members: Readonly<Record<string, MemberRule>>;
}

/**
 * Checks `input` against `shape` and throws an {@link InputValidationError} naming the first offending
 * member path, the rule and the value. Members the shape does not list are rejected (with a "did you
 * mean" hint), so a typo such as `maxresults` is never silently dropped.
 */
export function validateShape(shape: Shape, input: unknown): void {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    fail(shape.name, "type", input, `must be an object (${shape.typeName}), got ${formatTyped(input)}`);
  }
  const record = input as Record<string, unknown>;
  const known = Object.keys(shape.members);
  for (const key of Object.keys(record)) {
    if (!Object.hasOwn(shape.members, key))
      fail(key, "unknown-member", record[key], unknownMemberHint(shape, key, known));
  }
  for (const key of known) {
    const rule = shape.members[key];
    // Read like the serializer does (own or inherited), so what is checked is what is sent.
    if (rule) checkMember(key, rule, record[key]);
  }
}

type RuleOf<T extends MemberRule["type"]> = Extract<MemberRule, { type: T }>;

/** One checker per rule type; each is called with a value that is neither `undefined` nor `null`. */
const CHECKERS: {
  readonly [T in MemberRule["type"]]: (path: string, rule: RuleOf<T>, value: unknown) => void;
} = {
  string: checkString,
  integer: (path, rule, value) => {
    if (typeof value !== "number")
      fail(path, "type", value, `must be ${expected(rule)}, got ${formatTyped(value)}`);
    if (!Number.isInteger(value))
      fail(path, "integer", value, `must be ${expected(rule)}, got ${formatValue(value)}`);
    if (value < rule.min || value > rule.max)
      fail(path, "range", value, `must be ${expected(rule)}, got ${formatValue(value)}`);
  },
  boolean: (path, rule, value) => {
    if (typeof value !== "boolean")
      fail(path, "type", value, `must be ${expected(rule)}, got ${formatTyped(value)}`);
  },
  list: checkList,
  object: (path, rule, value) => {
    if (typeof value !== "object" || value === null || !rule.accepts(value))
      fail(path, "type", value, `must be ${rule.expected}, got ${formatTyped(value)}`);
  },
};

function checkMember(path: string, rule: MemberRule, value: unknown): void {
  if (value === undefined || value === null) {
    if (rule.required) fail(path, "required", value, `is required (${expected(rule)})`);
    return;
  }
  (CHECKERS[rule.type] as (path: string, rule: MemberRule, value: unknown) => void)(path, rule, value);
}

function checkString(path: string, rule: RuleOf<"string">, value: unknown): void {
  if (typeof value !== "string") fail(path, "type", value, `must be a string, got ${formatTyped(value)}`);
  const { minLength = 0, maxLength = Infinity, pattern } = rule;
  if (value.length < minLength || value.length > maxLength) {
    const bounds =
      maxLength === Infinity ? `at least ${minLength} characters` : `${minLength}–${maxLength} characters`;
    const words = minLength === 1 && maxLength === Infinity ? "a non-empty string" : `a string of ${bounds}`;
    fail(path, "length", value, `must be ${words}, got ${formatValue(value)} (${value.length} characters)`);
  }
  // Length is checked first, so the pattern never runs on a long hostile string.
  if (pattern && !pattern.regex.test(value))
    fail(path, "pattern", value, `must be ${pattern.description}, got ${formatValue(value)}`);
}

function checkList(path: string, rule: RuleOf<"list">, value: unknown): void {
  if (!Array.isArray(value)) fail(path, "type", value, `must be an array, got ${formatTyped(value)}`);
  const items = value as unknown[];
  if (items.length < rule.minItems || items.length > rule.maxItems) {
    fail(path, "items", value, `must have ${rule.minItems}–${rule.maxItems} items, got ${items.length}`);
  }
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    // A null or missing item is not "absent" inside a list: it would be sent as null.
    if (item === undefined || item === null)
      fail(`${path}[${index}]`, "type", item, `must be ${expected(rule.items)}, got ${String(item)}`);
    checkMember(`${path}[${index}]`, rule.items, item);
  }
}

function expected(rule: MemberRule): string {
  switch (rule.type) {
    case "integer":
      return `an integer from ${rule.min} to ${rule.max}`;
    case "object":
      return rule.expected;
    case "list":
      return "an array";
    default:
      return `a ${rule.type}`;
  }
}

function unknownMemberHint(shape: Shape, key: string, known: readonly string[]): string {
  const suggestion = didYouMean(key, known);
  const hint =
    suggestion === undefined ? `its members are ${known.join(", ")}` : `did you mean "${suggestion}"?`;
  return `is not a member of ${shape.typeName}; ${hint}`;
}

/** A short, printable picture of a value for a message (strings quoted and cut at 40 characters). */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === "number" || typeof value === "boolean" || value === null || value === undefined)
    return String(value);
  if (typeof value === "bigint") return `${String(value)}n`;
  if (Array.isArray(value)) return "an array";
  return typeof value === "function" ? "a function" : typeof value === "symbol" ? "a symbol" : "an object";
}

/** Like {@link formatValue}, with the type spelled out, for "wrong type" messages. */
function formatTyped(value: unknown): string {
  const kind = typeof value;
  return kind === "string" || kind === "number" || kind === "boolean" || kind === "bigint"
    ? `a ${kind} (${formatValue(value)})`
    : formatValue(value);
}

function fail(field: string, rule: InputValidationRule, value: unknown, message: string): never {
  throw new InputValidationError(field, message, { rule, value });
}
