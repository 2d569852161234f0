/**
 * Pod lifecycle as data (after kwok "stages"): each stage names how long it takes, drawn
 * from the kubelet's seeded stream, and back-off schedules are rows too. The kubelet
 * controller walks a pod through them: sandbox → (pull → create → start) per container →
 * ready, or pull failure → ErrImagePull → ImagePullBackOff → retry.
 */
import type { Rng } from '../rng.js';

/** A delay range in virtual milliseconds. */
export interface StageDelay {
  minMs: number;
  maxMs: number;
}

/** The stage table. */
export const STAGES = {
  /** RunPodSandbox + CNI ADD: the pod gets its IP. */
  sandbox: { minMs: 400, maxMs: 1200 },
  /** A first pull, per MB of compressed image (plus `pullBase`). */
  pullPerMb: { minMs: 25, maxMs: 70 },
  pullBase: { minMs: 300, maxMs: 900 },
  /** A pull of an image already on the node (policy Always): a manifest check. */
  pullCached: { minMs: 250, maxMs: 700 },
  /** A pull that fails: registry round trips before `not found`. */
  pullFailed: { minMs: 700, maxMs: 1800 },
  /** CreateContainer. */
  create: { minMs: 40, maxMs: 160 },
  /** StartContainer. */
  start: { minMs: 60, maxMs: 250 },
  /** The next pod sync after a failure, which reports the back-off. */
  resync: { minMs: 900, maxMs: 1600 },
  /** nginx on SIGTERM: fast shutdown. */
  stopNginx: { minMs: 80, maxMs: 600 },
  /** Tearing down a pod whose containers never ran. */
  teardown: { minMs: 50, maxMs: 300 },
  /** A command that ends at once (`echo`, `true`, a shell without stdin). */
  quickExit: { minMs: 5, maxMs: 60 },
} as const satisfies Record<string, StageDelay>;

/** Image pull and crash back-off (kubelet: 10 s initial, doubling, capped at 300 s). */
export const BACKOFF = { initialMs: 10_000, maxMs: 300_000 };

/** The n-th back-off period (n = 0 for the first failure). */
export function backoffMs(n: number): number {
  return Math.min(BACKOFF.initialMs * 2 ** n, BACKOFF.maxMs);
}

/** A delay drawn uniformly from a stage's range, in whole milliseconds. */
export function drawDelay(rng: Rng, d: StageDelay): number {
  return d.minMs + rng.int(d.maxMs - d.minMs + 1);
}

/** The time a first pull of `sizeBytes` takes. */
export function drawPullMs(rng: Rng, sizeBytes: number): number {
  const mb = sizeBytes / 1_000_000;
  return drawDelay(rng, STAGES.pullBase) + Math.round(mb * drawDelay(rng, STAGES.pullPerMb));
}

/**
 * Go's `time.Duration.String()` for a duration truncated to milliseconds, as the kubelet prints
 * pull times: `312ms`, `2.345s`, `1m2.345s`.
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const sMs = ms % 60_000;
  const s = (sMs / 1000).toFixed(3).replace(/\.?0+$/, '');
  return `${h ? `${h}h` : ''}${h || m ? `${m}m` : ''}${s}s`;
}
