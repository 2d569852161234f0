// One scale measurement in its own process (so peak RSS is its own): a Deployment of N
// replicas created and rolled to a new image (RollingUpdate 25%/25%) to completion,
// `kubectl get pods` over the N pods, and requests through a Service with 5 endpoints.
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const n = Number(process.argv[2]);
const requests = Number(process.argv[3] ?? 0);
// Wall-clock budget per phase (ms): a phase still running then stops and reports itself incomplete.
const budgetMs = Number(process.argv[4] ?? Infinity);
const { Cluster } = await import(path.join(ROOT, 'dist/cluster/cluster.js'));
const { runKubectl } = await import(path.join(ROOT, 'dist/kubectl/kubectl.js'));
const { MemoryFs } = await import(path.join(ROOT, 'dist/workspace/memory-fs.js'));
const { networkOf } = await import(path.join(ROOT, 'dist/cluster/network/index.js'));

// Enough nodes for n pods at 110 per node, with room for the rollout's surge.
const cluster = new Cluster({ seed: 1, maxPods: 2 * n + 1000, workers: Math.min(250, Math.ceil((n * 1.3) / 110) + 1) });
const deployment = (image) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: { replicas: n, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image }] } } },
});
let peak = process.memoryUsage().rss;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
/** Runs timers until none is left (virtual limit 24 h), in one-minute steps so a wall-clock budget can stop it. */
function runToIdle(started) {
  const end = cluster.clock.now() + 24 * 3_600_000;
  while (cluster.clock.nextTimerAt() !== undefined && cluster.clock.nextTimerAt() <= end) {
    if (performance.now() - started > budgetMs) return false;
    const next = cluster.clock.nextTimerAt();
    cluster.runUntilIdle(Math.min(Math.max(60_000, next - cluster.clock.now()), end - cluster.clock.now()));
  }
  return true;
}
const t0 = performance.now();
cluster.api.create(deployment('nginx:1.14'));
cluster.settle();
const createdIdle = runToIdle(t0);
sample();
const created = performance.now() - t0;
const d = cluster.store.get('Deployment', 'default', 'web');
d.spec.template.spec.containers[0].image = 'nginx:1.15';
const t1 = performance.now();
cluster.api.update(d);
cluster.settle();
const rolledIdle = createdIdle && runToIdle(t1);
sample();
const rolled = performance.now() - t1;
const done = cluster.store.get('Deployment', 'default', 'web');
const complete = createdIdle && rolledIdle && done.status?.updatedReplicas === n && done.status?.availableReplicas === n;
const t2 = performance.now();
let out = 0;
await runKubectl(['get', 'pods'], { cluster, fs: new MemoryFs({}), stdout: (s) => (out += s.length), stderr: () => {} });
const getPods = performance.now() - t2;
sample();
let requestMs = NaN;
if (requests > 0) {
  const small = new Cluster({ seed: 2 });
  small.api.create({ ...deployment('nginx:1.14'), spec: { ...deployment('nginx:1.14').spec, replicas: 5 } });
  small.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  small.settle();
  small.runUntilIdle(3_600_000);
  const net = networkOf(small);
  const t3 = performance.now();
  let okCount = 0;
  for (let i = 0; i < requests; i++) if (net.request('http://web/', 'default').ok) okCount++;
  requestMs = performance.now() - t3;
  if (okCount !== requests) throw new Error(`only ${okCount} of ${requests} requests answered`);
}
sample();
process.stdout.write(JSON.stringify({ n, createdMs: created, rolledMs: rolled, complete, getPodsMs: getPods, requests, requestMs, peakRssMb: peak / 2 ** 20 }));
