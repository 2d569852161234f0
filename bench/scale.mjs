// Scale figures from one child process per size, and how each cost grows with n.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const CHILD = path.join(import.meta.dirname, 'scale-child.mjs');

function child(n, requests) {
  // Each phase stops after 240 s of wall time (reported incomplete), so `npm run bench` stays within minutes.
  const r = spawnSync(process.execPath, [CHILD, String(n), String(requests), '240000'], { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { n, error: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').slice(-3).join(' ') };
  return JSON.parse(r.stdout);
}

/** Growth exponent between two sizes: log(t2/t1)/log(n2/n1) (1 = linear; n log n ≈ 1.1 here). */
function exponent(a, b, key) {
  return Math.log(b[key] / a[key]) / Math.log(b.n / a.n);
}

/** The scale rows. */
export function scale() {
  const sizes = [100, 1000, 10_000].map((n) => child(n, n === 10_000 ? 1_000_000 : 0));
  const rows = [];
  for (const s of sizes) {
    if (s.error) {
      rows.push({ name: `${s.n} replicas`, value: NaN, unit: 'ms', met: false, note: `failed: ${s.error}` });
      continue;
    }
    const big = s.n === 10_000;
    rows.push({ name: `${s.n} replicas: create + roll to new image`, value: s.createdMs + s.rolledMs, unit: 'ms', target: big ? '< 2000 ms' : undefined, met: big ? s.createdMs + s.rolledMs < 2000 && s.complete : undefined, note: s.complete ? undefined : 'rollout did not complete' });
    rows.push({ name: `${s.n} replicas: kubectl get pods`, value: s.getPodsMs, unit: 'ms', target: big ? '< 100 ms' : undefined, met: big ? s.getPodsMs < 100 : undefined });
    rows.push({ name: `${s.n} replicas: peak RSS`, value: s.peakRssMb, unit: 'MB', target: big ? '< 500 MB' : undefined, met: big ? s.peakRssMb < 500 : undefined });
    if (s.requests) rows.push({ name: `${s.requests} requests through a Service with 5 endpoints`, value: s.requestMs, unit: 'ms', target: '< 1000 ms', met: s.requestMs < 1000 });
  }
  const ok = sizes.filter((s) => !s.error);
  if (ok.length === 3) {
    for (const key of ['createdMs', 'rolledMs', 'getPodsMs']) {
      const e = exponent(ok[1], ok[2], key);
      rows.push({ name: `growth of ${key.replace('Ms', '')} from 1,000 to 10,000 (exponent)`, value: e, unit: '', target: '≤ 1.15 (n log n)', met: e <= 1.15 });
    }
  }
  return rows;
}
