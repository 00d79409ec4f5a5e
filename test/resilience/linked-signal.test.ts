import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { linkSignal } from "../../src/retry/linked-signal.js";

const listeners = (signal: AbortSignal): number => getEventListeners(signal, "abort").length;

describe("linkSignal: one internal signal per send, one listener per caller signal", () => {
  it("gives no signal when the caller gave none", () => {
    const { signal, unlink } = linkSignal(undefined);
    expect(signal).toBeUndefined();
    expect(unlink).not.toThrow();
  });

  it("an already aborted caller signal gives an aborted signal with its reason, and no listener", () => {
    const reason = new Error("too late");
    const parent = AbortSignal.abort(reason);
    const { signal } = linkSignal(parent);
    expect(signal?.aborted).toBe(true);
    expect(signal?.reason).toBe(reason);
    expect(listeners(parent)).toBe(0);
  });

  it("many links to one signal add one listener, and unlinking the last removes it", () => {
    const parent = new AbortController().signal;
    const links = Array.from({ length: 50 }, () => linkSignal(parent));
    expect(listeners(parent)).toBe(1);
    for (const link of links.slice(1)) link.unlink();
    expect(listeners(parent)).toBe(1);
    links[0]!.unlink();
    expect(listeners(parent)).toBe(0);
    expect(links.every((link) => link.signal?.aborted === false)).toBe(true);
  });

  it("an abort reaches every linked signal still following, with the caller's reason, and nothing else", () => {
    const controller = new AbortController();
    const [gone, ...following] = Array.from({ length: 20 }, () => linkSignal(controller.signal));
    gone!.unlink();
    const reason = new DOMException("deadline", "TimeoutError");
    controller.abort(reason);
    expect(gone!.signal?.aborted).toBe(false);
    expect(following.map((link): unknown => link.signal?.reason)).toEqual(Array(19).fill(reason));
    expect(listeners(controller.signal)).toBe(0);
    for (const link of following) link.unlink();
  });

  it("links made after the last unlink listen afresh", () => {
    const controller = new AbortController();
    linkSignal(controller.signal).unlink();
    const later = linkSignal(controller.signal);
    expect(listeners(controller.signal)).toBe(1);
    controller.abort();
    expect(later.signal?.aborted).toBe(true);
    later.unlink();
  });

  it("links of two caller signals stay apart", () => {
    const first = new AbortController();
    const second = new AbortController();
    const a = linkSignal(first.signal);
    const b = linkSignal(second.signal);
    first.abort();
    expect(a.signal?.aborted).toBe(true);
    expect(b.signal?.aborted).toBe(false);
    b.unlink();
    expect(listeners(second.signal)).toBe(0);
  });
});
