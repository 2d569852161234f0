/** ReplicaSet controller (ControllerRef, victim order), deletion options and the garbage collector. */
import { describe, expect, test } from 'vitest';
import { podsToDelete } from '../../../src/cluster/controllers/replicaset/pod-ranking.js';
import type { Deployment, KubeEvent, Pod, ReplicaSet } from '../../../src/cluster/types.js';
import { advanceUntil, apply, newCluster, podsOf, replicaSetsOf } from './workload-helpers.js';

function rs(name: string, replicas: number, labels: Record<string, string>): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14' }] } } },
  };
}

function pod(name: string, labels: Record<string, string>, extra: Partial<Pod['metadata']> = {}): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels, ...extra }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14' }] } };
}

describe('ReplicaSet controller', () => {
  test('adopts a matching orphan, never a pod with another controller, and fills up with generateName pods', () => {
    const c = newCluster(11);
    c.api.create(pod('orphan', { app: 'web' }));
    c.api.create(pod('owned-elsewhere', { app: 'web' }, { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'other', uid: 'u-other', controller: true }] }));
    c.api.create(rs('web', 3, { app: 'web' }));
    c.settle();
    const r = c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web');
    const owned = podsOf(c, r).map((p) => p.metadata.name!).sort();
    expect(owned).toHaveLength(3);
    expect(owned).toContain('orphan');
    expect(owned).not.toContain('owned-elsewhere');
    for (const n of owned.filter((x) => x !== 'orphan')) expect(n).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const orphan = c.store.get<Pod>('Pod', 'default', 'orphan');
    expect(orphan.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: r.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    const events = c.store.list<KubeEvent>('Event').filter((e) => e.involvedObject.name === 'web');
    expect(events.map((e) => [e.reason, e.source.component])).toEqual([
      ['SuccessfulCreate', 'replicaset-controller'],
      ['SuccessfulCreate', 'replicaset-controller'],
    ]);
    expect(r.status?.replicas).toBe(3);
    expect(r.status?.observedGeneration).toBe(1);
  });

  test('releases a pod whose labels stop matching and replaces it', () => {
    const c = newCluster(12);
    c.api.create(rs('web', 2, { app: 'web' }));
    c.settle();
    const [first] = podsOf(c, c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web'));
    const relabelled = c.store.get<Pod>('Pod', 'default', first.metadata.name!);
    relabelled.metadata.labels = { app: 'debug' };
    c.api.update(relabelled);
    c.settle();
    expect(c.store.get<Pod>('Pod', 'default', first.metadata.name!).metadata.ownerReferences).toBeUndefined();
    expect(podsOf(c, c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web'))).toHaveLength(2);
  });

  test('scale down deletes in ActivePodsWithRanks order and records SuccessfulDelete', () => {
    const c = newCluster(13);
    c.api.create(rs('web', 3, { app: 'web' }));
    advanceUntil(c, () => (c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web').status?.readyReplicas ?? 0) === 3);
    const r = c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web');
    r.spec.replicas = 1;
    c.api.update(r);
    c.settle();
    const deletes = c.store.list<KubeEvent>('Event').filter((e) => e.reason === 'SuccessfulDelete');
    expect(deletes).toHaveLength(2);
    for (const e of deletes) expect(e.message).toMatch(/^Deleted pod: web-/);
    expect(c.store.get<ReplicaSet>('ReplicaSet', 'default', 'web').status?.replicas).toBe(1);
  });

  test.each([
    ['unscheduled before scheduled', { nodeName: '' }, { nodeName: 'n1' }],
    ['Pending before Running', { phase: 'Pending' }, { phase: 'Running' }],
    ['not ready before ready', { ready: false }, { ready: true }],
    ['lower deletion cost first', { cost: '-5' }, { cost: '10' }],
    ['more restarts first', { restarts: 3 }, { restarts: 0 }],
    ['newer before older', { created: '2025-08-19T09:30:00Z' }, { created: '2025-08-19T08:00:00Z' }],
  ])('victim order: %s', (_why, first, second) => {
    const make = (name: string, o: Record<string, unknown>): Pod => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        uid: name,
        creationTimestamp: (o.created as string) ?? '2025-08-19T09:00:00Z',
        annotations: o.cost ? { 'controller.kubernetes.io/pod-deletion-cost': o.cost as string } : undefined,
      },
      spec: { containers: [], nodeName: (o.nodeName as string) ?? 'n1' },
      status: {
        phase: (o.phase as Pod['status'] extends infer S ? S extends { phase?: infer P } ? P : never : never) ?? 'Running',
        conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: '2025-08-19T09:00:00Z' }],
        containerStatuses: [{ name: 'c', image: 'x', imageID: '', ready: true, restartCount: (o.restarts as number) ?? 0, state: {} }],
      },
    });
    const a = make('a', first);
    const b = make('b', second);
    const now = Date.parse('2025-08-19T10:00:00Z');
    expect(podsToDelete([b, a], [a, b], 1, now).map((p) => p.metadata.name)).toEqual(['a']);
    expect(podsToDelete([a, b], [a, b], 1, now).map((p) => p.metadata.name)).toEqual(['a']);
  });
});

describe('deletion and garbage collection', () => {
  function stable(seed: number) {
    const c = newCluster(seed);
    apply(c, 'stable-env.yaml');
    advanceUntil(c, () => (c.store.get<Deployment>('Deployment', 'default', 'nginx-deployment').status?.availableReplicas ?? 0) === 4);
    return c;
  }

  test('Orphan: the Deployment goes, its RS and pods stay without the ownerReference', () => {
    const c = stable(21);
    const [r] = replicaSetsOf(c, 'nginx-deployment');
    c.api.delete('Deployment', 'default', 'nginx-deployment', { propagationPolicy: 'Orphan' });
    c.settle();
    const kept = c.store.get<ReplicaSet>('ReplicaSet', 'default', r.metadata.name!);
    expect(kept.metadata.ownerReferences).toBeUndefined();
    expect(podsOf(c, kept).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(4);
  });

  test('Foreground: deletionTimestamp + finalizer until the pods and the RS are gone', () => {
    const c = stable(22);
    const [r] = replicaSetsOf(c, 'nginx-deployment');
    c.api.delete('Deployment', 'default', 'nginx-deployment', { propagationPolicy: 'Foreground' });
    c.settle();
    const d = c.store.get<Deployment>('Deployment', 'default', 'nginx-deployment');
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d.metadata.deletionTimestamp).toBeDefined();
    const rsNow = c.store.get<ReplicaSet>('ReplicaSet', 'default', r.metadata.name!);
    expect(rsNow.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(podsOf(c, rsNow).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    advanceUntil(c, () => !c.store.find('Deployment', 'default', 'nginx-deployment'), 120_000);
    expect(c.store.find('ReplicaSet', 'default', r.metadata.name!)).toBeUndefined();
    expect(c.store.list<Pod>('Pod', 'default').filter((p) => p.metadata.name!.startsWith(r.metadata.name!))).toEqual([]);
  });

  test('pod grace: options, then terminationGracePeriodSeconds; 0 removes at once; unscheduled pods go at once', () => {
    const c = stable(23);
    const [r] = replicaSetsOf(c, 'nginx-deployment');
    const [p1, p2] = podsOf(c, r);
    const kept = c.api.delete<Pod>('Pod', 'default', p1.metadata.name!, { gracePeriodSeconds: 10 });
    expect(kept.metadata.deletionGracePeriodSeconds).toBe(10);
    expect(Date.parse(kept.metadata.deletionTimestamp!) - c.clock.now()).toBeGreaterThan(9_000);
    c.api.delete('Pod', 'default', p2.metadata.name!, { gracePeriodSeconds: 0 });
    expect(c.store.find('Pod', 'default', p2.metadata.name!)).toBeUndefined();
    c.api.create(pod('loose', { app: 'loose' }));
    c.api.delete('Pod', 'default', 'loose');
    expect(c.store.find('Pod', 'default', 'loose')).toBeUndefined();
  });
});
