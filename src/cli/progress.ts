import type { OutputStream } from "./io.js";

/** A one-line progress counter on stderr, shown only on a terminal and only once a listing takes several pages. */
export function progressLine(stderr: OutputStream): {
  update: (rules: number, pages: number) => void;
  clear: () => void;
} {
  let shown = false;
  return {
    update: (rules, pages) => {
      if (!stderr.isTTY || pages < 2) return;
      stderr.write(`\r\x1b[Kfetched ${rules} rules (${pages} pages)…`);
      shown = true;
    },
    clear: () => {
      if (shown) stderr.write("\r\x1b[K");
      shown = false;
    },
  };
}
