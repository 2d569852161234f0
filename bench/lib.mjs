// Benchmark helpers: wall-clock timing of whole processes and of in-process work, statistics,
// and the machine description. Benchmarks read real time; src/ never does.
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** Median of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The p-th percentile (nearest rank). */
export function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Runs a process `runs` times; returns the wall-time median in ms and the peak RSS in MB. */
export function timeProcess(cmd, args, { runs = 7, cwd, input } = {}) {
  const times = [];
  let peakKb = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, input, encoding: 'utf8' });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
    const kb = Number(r.stderr.trim().split('\n').pop());
    if (Number.isFinite(kb)) peakKb = Math.max(peakKb, kb);
  }
  return { ms: median(times), rssMb: peakKb / 1024 };
}

/** Times `fn` once, in ms. */
export async function timeOnce(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** The machine, as the report describes it. */
export function machine() {
  const cpus = os.cpus();
  return { cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
}
