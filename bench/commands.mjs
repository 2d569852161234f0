// Per-command latency in process: the lesson's kubectl commands against a lesson-sized
// cluster, each timed alone (the think time between commands is not counted).
import fs from 'node:fs';
import path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { median, percentile } from './lib.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

const LESSON = [
  'apply -f blue-env.yaml',
  'describe service test-service',
  'apply -f green-env.yaml',
  'get pods --show-labels',
  'patch service test-service --patch-file patch-green.yaml',
  'describe service test-service',
  'get all',
  'get pods -o wide',
  'rollout history deployment/test-deployment-green',
  'delete deployment test-deployment-blue',
  'delete deployment test-deployment-green',
  'delete service test-service',
];

/**
 * Median and p99 per command over `rounds` replays of the blue/green lesson, after `warmup`
 * replays that are not counted (the first calls of a command run unoptimised code: JIT warm-up
 * is a one-off per process, not what each command costs). Each command's p99 is over `rounds`
 * samples, the whole lesson's over 12 × `rounds`. GC pauses are observed so the report can say
 * how much of the slowest 1% they explain.
 */
export async function commandLatency(rounds = 200, warmup = 10) {
  const from = (m) => import(path.join(ROOT, process.env.BENCH_DIST ?? 'dist', m));
  const { Cluster } = await from('cluster/cluster.js');
  const { runKubectl } = await from('kubectl/kubectl.js');
  const { MemoryFs } = await from('workspace/memory-fs.js');
  const { splitWords } = await from('cli/split-words.js');
  const dir = path.join(ROOT, 'docs/examples/blue-green');
  const files = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  const gcs = [];
  const observer = new PerformanceObserver((list) => gcs.push(...list.getEntries().map((e) => [e.startTime, e.startTime + e.duration])));
  observer.observe({ entryTypes: ['gc'] });
  const samples = LESSON.map(() => []);
  for (let r = 0; r < rounds + warmup; r++) {
    const cluster = new Cluster({ seed: r + 1 });
    const mfs = new MemoryFs(files);
    for (const [i, line] of LESSON.entries()) {
      cluster.advance(10_000);
      const t0 = performance.now();
      await runKubectl(splitWords(line), { cluster, fs: mfs, stdout: () => {}, stderr: () => {} });
      const t1 = performance.now();
      if (r >= warmup) samples[i].push({ ms: t1 - t0, t0, t1 });
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 20)); // GC entries arrive asynchronously
  observer.disconnect();
  const ms = (xs) => xs.map((x) => x.ms);
  const all = samples.flat();
  const p99 = percentile(ms(all), 99);
  const tail = all.filter((x) => x.ms >= p99);
  const withGc = tail.filter((x) => gcs.some(([a, b]) => a < x.t1 && b > x.t0)).length;
  const rows = LESSON.map((l, i) => ({ name: `kubectl ${l}`, value: median(ms(samples[i])), p99: percentile(ms(samples[i]), 99), unit: 'ms' }));
  const applies = LESSON.flatMap((l, i) => (l.startsWith('apply') ? ms(samples[i]) : []));
  const note = `${withGc} of the slowest ${tail.length} overlapped a GC pause; applies are ${Math.round((100 * applies.length) / all.length)}% of the samples, their p90 ${percentile(applies, 90).toFixed(1)} ms`;
  rows.push({ name: `all lesson commands, p99 of ${all.length}`, value: p99, unit: 'ms', target: 'p99 < 2 ms', met: p99 < 2, note });
  return rows;
}
