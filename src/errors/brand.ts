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
