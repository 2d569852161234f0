/**
 * The seed's canary lesson through the controllers: stable create, canary beside it, the stable
 * update to 1.15 (notes §4 table, invariants at every write), two undos (notes §3 revisions),
 * delete (garbage collection).
 */
import { describe, expect, test } from 'vitest';
import type { Deployment, KubeEvent, Pod, ReplicaSet } from '../../../src/cluster/types.js';
import { advanceUntil, apply, isAvailablePod, newCluster, podsOf, replicaSetsOf, revision, rolloutUndo } from './workload-helpers.js';

const D = 'nginx-deployment';

function settled(cluster: ReturnType<typeof newCluster>, name = D): boolean {
  const d = cluster.store.find<Deployment>('Deployment', 'default', name);
  if (!d) return false;
  const p = d.status?.conditions?.find((c) => c.type === 'Progressing');
  return p?.reason === 'NewReplicaSetAvailable' && (d.status?.replicas ?? 0) === (d.spec.replicas ?? 1) && (d.status?.availableReplicas ?? 0) === (d.spec.replicas ?? 1) && replicaSetsOf(cluster, name).every((rs) => podsOf(cluster, rs).length === (rs.spec.replicas ?? 0));
}

function eventsOf(cluster: ReturnType<typeof newCluster>, name: string): string[] {
  return cluster.store
    .list<KubeEvent>('Event')
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
    .map((e) => `${e.reason} ${e.message}`);
}

describe('canary lesson: stable-env.yaml through create, update, undo, delete', () => {
  const cluster = newCluster(7);
  apply(cluster, 'stable-env.yaml');
  advanceUntil(cluster, () => settled(cluster));
  const [rsA] = replicaSetsOf(cluster, D);

  test('create: one RS <deployment>-<hash>, revision 1, 4 pods named <rs>-<5 chars>', () => {
    const d = cluster.store.get<Deployment>('Deployment', 'default', D);
    expect(replicaSetsOf(cluster, D)).toHaveLength(1);
    expect(rsA.metadata.name).toMatch(/^nginx-deployment-[4-9bcdf]{9,10}$/);
    const hash = rsA.metadata.name!.slice(D.length + 1);
    expect(rsA.metadata.labels).toEqual({ app: 'nginx', version: '1.14', 'pod-template-hash': hash });
    expect(rsA.spec.selector.matchLabels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect(rsA.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: D, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rsA.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const pods = podsOf(cluster, rsA);
    expect(pods).toHaveLength(4);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(new RegExp(`^${rsA.metadata.name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual(rsA.spec.template.metadata!.labels);
    }
    expect(eventsOf(cluster, D)).toEqual([`ScalingReplicaSet Scaled up replica set ${rsA.metadata.name} from 0 to 4`]);
    expect(eventsOf(cluster, rsA.metadata.name!)).toEqual(pods.map(() => expect.stringMatching(/^SuccessfulCreate Created pod: nginx-deployment-/)));
  });

  test('create: status and conditions', () => {
    const d = cluster.store.get<Deployment>('Deployment', 'default', D);
    expect({ ...d.status, conditions: undefined }).toEqual({ observedGeneration: 1, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4, conditions: undefined });
    expect(d.status!.conditions!.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${rsA.metadata.name}" has successfully progressed.`],
    ]);
  });

  test('canary beside it: no adoption across ControllerRefs, stable still counts 4', () => {
    apply(cluster, 'canary-env.yaml');
    advanceUntil(cluster, () => settled(cluster, 'nginx-canary-deployment'));
    expect(replicaSetsOf(cluster, D).map((r) => r.metadata.name)).toEqual([rsA.metadata.name]);
    const canary = replicaSetsOf(cluster, 'nginx-canary-deployment');
    expect(canary).toHaveLength(1);
    expect(podsOf(cluster, canary[0])).toHaveLength(1);
    expect(cluster.store.get<Deployment>('Deployment', 'default', D).status?.replicas).toBe(4);
    const pods = cluster.store.list<Pod>('Pod');
    for (const p of pods) expect((p.metadata.ownerReferences ?? []).filter((r) => r.controller)).toHaveLength(1);
  });

  test('update to 1.15: the notes §4 sequence, Σ replicas ≤ 5 and ≥ 3 available at every write', () => {
    const seen: string[] = [];
    const violations: string[] = [];
    const stop = cluster.store.watch((e) => {
      if (e.object.kind !== 'ReplicaSet' && e.object.kind !== 'Pod') return;
      const rss = replicaSetsOf(cluster, D);
      const sum = rss.reduce((n, rs) => n + (rs.spec.replicas ?? 0), 0);
      const available = rss.flatMap((rs) => podsOf(cluster, rs)).filter(isAvailablePod).length;
      if (sum > 5) violations.push(`Σ replicas ${sum}`);
      if (available < 3) violations.push(`available ${available}`);
      if (rss.length === 2) {
        const pair = `${rss[0].spec.replicas}/${rss[1].spec.replicas}`;
        if (seen[seen.length - 1] !== pair) seen.push(pair);
      }
    });
    apply(cluster, 'stable-env-1.15.yaml');
    advanceUntil(cluster, () => settled(cluster));
    stop();
    expect(violations).toEqual([]);
    // old/new: created at 1, old down in the same sync, new up, then one-for-one as new pods become available.
    expect(seen).toEqual(['4/1', '3/1', '3/2', '2/2', '2/3', '1/3', '1/4', '0/4']);
    const [a, b] = replicaSetsOf(cluster, D);
    expect([a.metadata.name, revision(a), revision(b)]).toEqual([rsA.metadata.name, 1, 2]);
    expect(b.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBeUndefined();
    const events = eventsOf(cluster, D);
    expect(events.slice(1, 4)).toEqual([
      `ScalingReplicaSet Scaled up replica set ${b.metadata.name} from 0 to 1`,
      `ScalingReplicaSet Scaled down replica set ${a.metadata.name} from 4 to 3`,
      `ScalingReplicaSet Scaled up replica set ${b.metadata.name} from 1 to 2`,
    ]);
    expect(events[events.length - 1]).toBe(`ScalingReplicaSet Scaled down replica set ${a.metadata.name} from 1 to 0`);
    expect(cluster.store.get<Deployment>('Deployment', 'default', D).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  test('undo: RS-A reused and relabelled revision 3 (history "1"); undo again: RS-B revision 4 (history "2")', () => {
    const [a0, b0] = replicaSetsOf(cluster, D);
    rolloutUndo(cluster, D);
    advanceUntil(cluster, () => settled(cluster));
    let rss = replicaSetsOf(cluster, D);
    expect(rss.map((r) => [r.metadata.name, revision(r), r.spec.replicas])).toEqual([
      [b0.metadata.name, 2, 0],
      [a0.metadata.name, 3, 4],
    ]);
    expect(rss[1].metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(cluster.store.get<Deployment>('Deployment', 'default', D).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');

    rolloutUndo(cluster, D);
    advanceUntil(cluster, () => settled(cluster));
    rss = replicaSetsOf(cluster, D);
    expect(rss.map((r) => [r.metadata.name, revision(r), r.spec.replicas])).toEqual([
      [a0.metadata.name, 3, 0],
      [b0.metadata.name, 4, 4],
    ]);
    expect(rss[1].metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('2');
  });

  test('delete (Background): the Deployment goes at once, the GC removes its RSs and then their pods', () => {
    const rsNames = replicaSetsOf(cluster, D).map((r) => r.metadata.name!);
    cluster.api.delete('Deployment', 'default', D, { propagationPolicy: 'Background' });
    cluster.settle();
    expect(cluster.store.find('Deployment', 'default', D)).toBeUndefined();
    for (const n of rsNames) expect(cluster.store.find('ReplicaSet', 'default', n)).toBeUndefined();
    const orphans = cluster.store.list<Pod>('Pod').filter((p) => rsNames.some((n) => p.metadata.name!.startsWith(`${n}-`)));
    expect(orphans.length).toBe(4);
    for (const p of orphans) {
      expect(p.metadata.deletionTimestamp).toBeDefined();
      expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
    }
    advanceUntil(cluster, () => cluster.store.list<Pod>('Pod').every((p) => !rsNames.some((n) => p.metadata.name!.startsWith(`${n}-`))), 60_000);
    // The canary is untouched.
    expect(replicaSetsOf(cluster, 'nginx-canary-deployment')).toHaveLength(1);
  });

  test('re-applying the same manifest recreates the same RS name', () => {
    apply(cluster, 'stable-env.yaml');
    expect(replicaSetsOf(cluster, D).map((r) => r.metadata.name)).toEqual([rsA.metadata.name]);
  });
});

describe('blue/green lesson', () => {
  test('two Deployments, disjoint RSs and pods, 4 each', () => {
    const cluster = newCluster(3);
    apply(cluster, 'blue-env.yaml');
    apply(cluster, 'green-env.yaml');
    advanceUntil(cluster, () => settled(cluster, 'test-deployment-blue') && settled(cluster, 'test-deployment-green'));
    for (const name of ['test-deployment-blue', 'test-deployment-green']) {
      const rss: ReplicaSet[] = replicaSetsOf(cluster, name);
      expect(rss).toHaveLength(1);
      expect(rss[0].status).toEqual({ replicas: 4, fullyLabeledReplicas: 4, readyReplicas: 4, availableReplicas: 4, observedGeneration: 1 });
      expect(podsOf(cluster, rss[0]).every((p) => p.metadata.labels!.color === (name.endsWith('blue') ? 'blue' : 'green'))).toBe(true);
    }
  });
});
