/**
 * Property test: random creates, scales, template updates, deletes and waits keep the
 * ControllerRef invariant, converge every ReplicaSet to its size, and are deterministic.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import type { Cluster } from '../../../src/cluster/cluster.js';
import type { Deployment, Pod, ReplicaSet } from '../../../src/cluster/types.js';
import { newCluster } from './workload-helpers.js';

type Op =
  | { op: 'create'; d: number; replicas: number; image: number }
  | { op: 'scale'; d: number; replicas: number }
  | { op: 'update'; d: number; image: number }
  | { op: 'delete'; d: number }
  | { op: 'wait'; ms: number };

const IMAGES = ['nginx:1.14', 'nginx:1.15', 'nginx:1.17'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), d: fc.nat(2), replicas: fc.nat(5), image: fc.nat(2) }),
  fc.record({ op: fc.constant('scale' as const), d: fc.nat(2), replicas: fc.nat(5) }),
  fc.record({ op: fc.constant('update' as const), d: fc.nat(2), image: fc.nat(2) }),
  fc.record({ op: fc.constant('delete' as const), d: fc.nat(2) }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 0, max: 8000 }) }),
);

function deployment(i: number, replicas: number, image: number): Deployment {
  const labels = { app: `d${i}` };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: `d${i}`, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: IMAGES[image] }] } } },
  };
}

function run(ops: Op[], seed: number): Cluster {
  const c = newCluster(seed);
  for (const o of ops) {
    const name = 'd' + ('d' in o ? o.d : '');
    const current = 'd' in o ? c.store.find<Deployment>('Deployment', 'default', name) : undefined;
    if (o.op === 'create' && !current) c.api.create(deployment(o.d, o.replicas, o.image));
    if (o.op === 'scale' && current && !current.metadata.deletionTimestamp) {
      current.spec.replicas = o.replicas;
      c.api.update(current);
    }
    if (o.op === 'update' && current && !current.metadata.deletionTimestamp) {
      current.spec.template.spec.containers[0].image = IMAGES[o.image];
      c.api.update(current);
    }
    if (o.op === 'delete' && current) c.api.delete('Deployment', 'default', name, { propagationPolicy: 'Background' });
    c.settle();
    checkOwners(c);
    if (o.op === 'wait') c.advance(o.ms);
  }
  c.advance(300_000);
  return c;
}

function checkOwners(c: Cluster): void {
  for (const p of c.store.view<Pod>('Pod')) {
    expect((p.metadata.ownerReferences ?? []).filter((r) => r.controller).length).toBeLessThanOrEqual(1);
  }
  for (const rs of c.store.view<ReplicaSet>('ReplicaSet')) {
    expect((rs.metadata.ownerReferences ?? []).filter((r) => r.controller).length).toBeLessThanOrEqual(1);
  }
}

test('random workloads: one controller per object, convergence, determinism', () => {
  fc.assert(
    fc.property(fc.array(opArb, { maxLength: 12 }), fc.nat(1000), (ops, seed) => {
      const c = run(ops, seed);
      checkOwners(c);
      for (const rs of c.store.view<ReplicaSet>('ReplicaSet')) {
        const active = c.store.view<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp && p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid));
        expect(active.length).toBe(rs.spec.replicas ?? 1);
        expect(rs.status?.replicas ?? 0).toBe(rs.spec.replicas ?? 1);
      }
      for (const d of c.store.view<Deployment>('Deployment')) {
        const owned = c.store.view<ReplicaSet>('ReplicaSet', 'default').filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid));
        expect(owned.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0)).toBe(d.spec.replicas);
        expect(d.status?.updatedReplicas ?? 0).toBe(d.spec.replicas);
      }
      // No Deployment left means no ReplicaSet left (the GC collected them).
      if (c.store.view('Deployment').length === 0) expect(c.store.view('ReplicaSet')).toHaveLength(0);
      const again = run(ops, seed);
      expect(JSON.stringify(again.store.dump())).toBe(JSON.stringify(c.store.dump()));
    }),
    { numRuns: 40, seed: 20250819 },
  );
});
