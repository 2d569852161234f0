/**
 * The terminal's size from ink's stdout, following resizes. Rows are undefined when the
 * output is not a terminal (ink-testing-library, a pipe): then nothing is cut to fit.
 */
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** Columns (80 when unknown) and rows (undefined when unknown). */
export interface TerminalSize {
  columns: number;
  rows: number | undefined;
}

/** The current size of ink's stdout; re-renders on `resize`. */
export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const read = (): TerminalSize => ({ columns: stdout.columns || 80, rows: stdout.rows || undefined });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = () => setSize(read());
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stdout]);
  return size;
}
