// Per-command latency in process: the lesson's kubectl commands against a lesson-sized
// cluster, each timed alone (the think time between commands is not counted).
import fs from 'node:fs';
import path from 'node:path';
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

/** Median and p99 per command over `rounds` replays of the blue/green lesson. */
export async function commandLatency(rounds = 40) {
  const { Cluster } = await import(path.join(ROOT, 'dist/cluster/cluster.js'));
  const { runKubectl } = await import(path.join(ROOT, 'dist/kubectl/kubectl.js'));
  const { MemoryFs } = await import(path.join(ROOT, 'dist/workspace/memory-fs.js'));
  const { splitWords } = await import(path.join(ROOT, 'dist/cli/split-words.js'));
  const dir = path.join(ROOT, 'docs/examples/blue-green');
  const files = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
  const samples = LESSON.map(() => []);
  for (let r = 0; r < rounds + 3; r++) {
    const cluster = new Cluster({ seed: r + 1 });
    const mfs = new MemoryFs(files);
    for (const [i, line] of LESSON.entries()) {
      cluster.advance(10_000);
      const t0 = performance.now();
      await runKubectl(splitWords(line), { cluster, fs: mfs, stdout: () => {}, stderr: () => {} });
      const ms = performance.now() - t0;
      if (r >= 3) samples[i].push(ms); // the first rounds warm the JIT
    }
  }
  const all = samples.flat();
  const rows = LESSON.map((l, i) => ({ name: `kubectl ${l}`, value: median(samples[i]), p99: percentile(samples[i], 99), unit: 'ms' }));
  rows.push({ name: 'all lesson commands, p99', value: percentile(all, 99), unit: 'ms', target: 'p99 < 2 ms', met: percentile(all, 99) < 2 });
  return rows;
}
