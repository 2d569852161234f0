/**
 * PageUp / PageDown scroll the terminal pane back through the scrollback and forward again, a
 * page (the pane's rows less one) at a time: the pane shows only the rows that fit (10 at
 * 80x24), so a long `kubectl describe` is read this way. Any other key, and new output, go
 * back to the bottom, as a terminal does when you type.
 */
import { useInput } from 'ink';
import { useEffect, useState } from 'react';

/** Rows scrolled back from the bottom (0: the newest rows); `page` is the pane's height. */
export function useScrollback(active: boolean, page: number | undefined, outputLength: number): number {
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [outputLength]);
  useInput(
    (_input, key) => {
      const step = Math.max(1, (page ?? 1) - 1);
      if (key.pageUp) setOffset((o) => o + step);
      else if (key.pageDown) setOffset((o) => Math.max(0, o - step));
      else setOffset(0);
    },
    { isActive: active && page !== undefined },
  );
  return offset;
}
