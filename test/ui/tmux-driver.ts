/**
 * Driving the built CLI in a real terminal for the end-to-end tests: tmux on a private
 * socket, keys in with `send-keys`, the screen out with `capture-pane`, and a bounded poll
 * until the screen shows a text (the only timed waits in the tests).
 */
import { execFileSync } from 'node:child_process';

/** The tmux commands of one test file's private server. */
export function tmuxDriver(socket: string) {
  const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  /** The visible screen, or with `history` also the scrollback (wrapped lines joined). */
  const screen = (session: string, history = false): string => tmux('capture-pane', '-p', ...(history ? ['-J', '-S', '-400'] : []), '-t', session);
  /** Polls the screen until it contains `text`; throws with what it shows after `timeoutMs`. */
  const waitForScreen = async (session: string, text: string, timeoutMs: number, history = false): Promise<string> => {
    const deadline = performance.now() + timeoutMs;
    let last = '';
    while (performance.now() < deadline) {
      last = screen(session, history);
      if (last.includes(text)) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the screen never showed ${JSON.stringify(text)}; it shows:\n${last}`);
  };
  return { tmux, screen, waitForScreen };
}
