/**
 * Whole-cluster invariants, shared by the property tests: each pod has at most one controller
 * owner; pod IPs are unique; each Service's Endpoints hold exactly the ready, non-terminating
 * pods its selector matches (`checkInvariants`); after a quiet period every ReplicaSet owns
 * exactly its replicas and each Deployment's ReplicaSets add up to its replicas
 * (`checkConverged`). Checks the `default` namespace.
 */
import { expect } from 'vitest';
import type { Cluster } from '../../src/cluster/cluster.js';
import { mapSelectorMatches } from '../../src/cluster/selectors.js';
import type { Deployment, Endpoints, Pod, ReplicaSet, Service } from '../../src/cluster/types.js';

const isReady = (p: Pod) => p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;

/** Invariants that hold after every step. */
export function checkInvariants(c: Cluster): void {
  const pods = c.store.view<Pod>('Pod', 'default');
  for (const p of pods) {
    expect((p.metadata.ownerReferences ?? []).filter((r) => r.controller).length).toBeLessThanOrEqual(1);
  }
  const ips = pods.map((p) => p.status?.podIP).filter((ip): ip is string => !!ip);
  expect(new Set(ips).size).toBe(ips.length);
  for (const svc of c.store.view<Service>('Service', 'default')) {
    if (svc.metadata.name === 'kubernetes') continue;
    const want = pods
      .filter((p) => !p.metadata.deletionTimestamp && p.status?.podIP && isReady(p) && mapSelectorMatches(svc.spec.selector, p.metadata.labels ?? {}))
      .map((p) => p.status!.podIP!)
      .sort();
    const ep = c.store.peek<Endpoints>('Endpoints', 'default', svc.metadata.name!);
    const got = (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
    expect(got, `endpoints of ${svc.metadata.name}`).toEqual(want);
  }
}

/** What holds once the cluster has been quiet for a while. */
export function checkConverged(c: Cluster): void {
  const pods = c.store.view<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
  for (const rs of c.store.view<ReplicaSet>('ReplicaSet', 'default')) {
    const owned = pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid));
    expect(owned.length, `pods of ${rs.metadata.name}`).toBe(rs.spec.replicas ?? 1);
  }
  for (const d of c.store.view<Deployment>('Deployment', 'default')) {
    const total = c.store
      .view<ReplicaSet>('ReplicaSet', 'default')
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid))
      .reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
    expect(total, `replicas of ${d.metadata.name}`).toBe(d.spec.replicas ?? 1);
  }
}

