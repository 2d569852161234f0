/**
 * The one klog line kubectl v1.32 prints for errors raised by cobra before the command runs
 * (component-base cli.Run: `klog.ErrorS(err, "command failed")`), e.g. a required flag:
 * `E0819 09:00:00.000000   12345 run.go:72] "command failed" err="required flag(s) \"image\" not set"`.
 * The time comes from the virtual clock; the process id from a seeded stream per cluster.
 */
import type { Cluster } from '../../cluster/cluster.js';
import type { Rng } from '../../cluster/rng.js';
import type { Invocation } from '../command.js';
import { KubectlError } from '../errors.js';

const PIDS = new WeakMap<Cluster, Rng>();

/** A fake but plausible process id, different for each kubectl run, the same for the same seed. */
function nextPid(cluster: Cluster): number {
  let rng = PIDS.get(cluster);
  if (!rng) {
    rng = cluster.rng.fork('kubectl-pid');
    PIDS.set(cluster, rng);
  }
  return rng.between(20_000, 60_000);
}

/** The klog header and message for `err`, with a final newline. */
export function klogCommandFailed(cluster: Cluster, err: string): string {
  const d = new Date(cluster.clock.now());
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds() * 1000, 6)}`;
  const quoted = JSON.stringify(err);
  return `E${stamp} ${String(nextPid(cluster)).padStart(7, ' ')} run.go:72] "command failed" err=${quoted}\n`;
}

/** Throws cobra's required-flag failure when any of `names` was not given. */
export function requireFlags(inv: Invocation, names: string[]): void {
  const missing = names.filter((n) => !inv.changed.has(n));
  if (missing.length === 0) return;
  const text = `required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`;
  throw new KubectlError(klogCommandFailed(inv.ctx.cluster, text), true);
}
