/**
 * What a container's main process does over time, decided from its image and command as
 * data: nginx serves until signalled; a shell with stdin attached waits for its user; a
 * command ends after its `sleep`, or at once, with the exit code its `exit N` or `false` gives.
 */
import type { Container } from '../types.js';
import type { ImageTag } from './images.js';

/** When the main process exits on its own. */
export interface ProcessPlan {
  /** Milliseconds after start when it exits, or undefined if it runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
}

const FOREVER = [/\bwhile\s+(true|:)/, /\btail\s+-f\b/, /\bsleep\s+(infinity|inf)\b/, /\bnginx\b.*daemon off/, /\bhttpd\s+-f\b/, /\bnc\s+-l/];

/** Plans the main process of a container (undefined exitAfterMs = long-running). */
export function planProcess(container: Container, image: ImageTag): ProcessPlan {
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  if (image.behaviour.kind === 'nginx' && argv.length === 0) return { exitCode: 0 };
  if (container.stdin) return { exitCode: 0 };
  const script = argv.join(' ');
  if (FOREVER.some((re) => re.test(script))) return { exitCode: 0 };
  const exit = /\bexit\s+(\d+)/.exec(script);
  const code = exit ? Number(exit[1]) : /(^|[;&|\s])false(\s|;|$)/.test(script) ? 1 : 0;
  let seconds = 0;
  for (const m of script.matchAll(/\bsleep\s+(\d+(?:\.\d+)?)/g)) seconds += Number(m[1]);
  return { exitAfterMs: Math.round(seconds * 1000), exitCode: code };
}
