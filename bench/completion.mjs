// Tab completion runs on a keypress: its cost over a cluster at kubelab's default capacity
// (5,000 pods), per Tab, for the forms that read the store (names, TYPE/NAME, pods of logs).
import path from 'node:path';
import { median, percentile } from './lib.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const LINES = ['kubectl get pods big-', 'kubectl logs b', 'kubectl get pods ', 'kubectl delete pod/big-', 'kubectl get dep'];

/** Median and p99 of one Tab (engine and insertion) over 5,000 pods, after a warm-up. */
export async function tabCompletion(rounds = 40, warmup = 5) {
  const from = (m) => import(path.join(ROOT, process.env.BENCH_DIST ?? 'dist', m));
  const { Cluster } = await from('cluster/cluster.js');
  const { runKubectl } = await from('kubectl/kubectl.js');
  const { MemoryFs } = await from('workspace/memory-fs.js');
  const { workstationCommandSet } = await from('shell/workstation.js');
  const { applyCompletion, completeLine } = await from('ui/completion/complete-line.js');
  const cluster = new Cluster({ seed: 1 });
  const fs = new MemoryFs({});
  await runKubectl(['create', 'deployment', 'big', '--image=nginx', '--replicas=5000'], { cluster, fs, stdout: () => {}, stderr: () => {} });
  cluster.advance(5000);
  const ctx = { commandNames: workstationCommandSet().names(), fs, store: cluster.store, namespace: 'default' };
  const samples = [];
  for (let r = 0; r < rounds + warmup; r++) {
    for (const line of LINES) {
      const t0 = performance.now();
      applyCompletion(line, line.length, completeLine(line, line.length, ctx));
      if (r >= warmup) samples.push(performance.now() - t0);
    }
  }
  const pods = cluster.store.count('Pod');
  return [{ name: `one Tab over ${pods.toLocaleString('en')} pods`, value: median(samples), p99: percentile(samples, 99), unit: 'ms', note: `${samples.length} Tabs over ${LINES.length} lines` }];
}
