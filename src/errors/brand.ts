/**
 * `instanceof` that survives two copies of this package in one process (a bundled copy next to a
 * node_modules copy, or two versions): every error class carries a registry-wide kind string, and
 * `Symbol.hasInstance` walks the value's prototype chain comparing kinds instead of identities.
 */
const KIND: unique symbol = Symbol.for("ecr-pull-through-cache.error-kind") as never;

export { KIND };

export function hasKind(value: unknown, kind: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  for (let proto: unknown = Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
    const ctor = (proto as { constructor?: unknown }).constructor;
    if (typeof ctor === "function" && Object.hasOwn(ctor, KIND) && (ctor as never)[KIND] === kind) {
      return true;
    }
  }
  return false;
}

/**
 * The `Symbol.hasInstance` of the branded classes. A class that declares its own kind is matched by kind;
 * a caller's subclass (which inherits its parent's kind) falls back to ordinary prototype identity, so a
 * plain `ECRServiceException` is never taken for an instance of the caller's `class MyError extends …`.
 */
export function isBrandedInstance(ctor: abstract new (...args: never[]) => unknown, value: unknown): boolean {
  return Object.hasOwn(ctor, KIND)
    ? hasKind(value, (ctor as unknown as { [KIND]: string })[KIND])
    : Function.prototype[Symbol.hasInstance].call(ctor, value);
}
