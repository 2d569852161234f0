/** Recreate, paused, proportional scaling mid-rollout, progress deadline, revision history limit. */
import { expect, test } from 'vitest';
import type { Deployment, KubeEvent, ReplicaSet } from '../../../src/cluster/types.js';
import { advanceUntil, newCluster, podsOf, replicaSetsOf } from './workload-helpers.js';

function web(replicas: number, image: string, extra: Partial<Deployment['spec']> = {}): Deployment {
  const labels = { app: 'web' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image }] } }, ...extra },
  };
}

const get = (c: ReturnType<typeof newCluster>) => c.store.get<Deployment>('Deployment', 'default', 'web');
const setImage = (c: ReturnType<typeof newCluster>, image: string, mut: (d: Deployment) => void = () => {}) => {
  const d = get(c);
  d.spec.template.spec.containers[0].image = image;
  mut(d);
  c.api.update(d);
  c.settle();
};
const available = (c: ReturnType<typeof newCluster>) => (get(c).status?.availableReplicas ?? 0) === get(c).spec.replicas && (get(c).status?.replicas ?? 0) === get(c).spec.replicas;

test('Recreate: old RS to 0, wait for its pods to be gone, then the new RS at full size', () => {
  const c = newCluster(31);
  c.api.create(web(3, 'nginx:1.14', { strategy: { type: 'Recreate' } }));
  advanceUntil(c, () => available(c));
  setImage(c, 'nginx:1.15');
  let [old, neu] = replicaSetsOf(c, 'web');
  expect(old.spec.replicas).toBe(0);
  expect(neu).toBeUndefined();
  advanceUntil(c, () => replicaSetsOf(c, 'web').length === 2);
  [old, neu] = replicaSetsOf(c, 'web');
  expect(podsOf(c, old)).toEqual([]);
  expect(neu.spec.replicas).toBe(3);
});

test('paused: a template change does not roll out, scaling still applies; resume rolls out', () => {
  const c = newCluster(32);
  c.api.create(web(2, 'nginx:1.14'));
  advanceUntil(c, () => available(c));
  setImage(c, 'nginx:1.15', (d) => (d.spec.paused = true));
  expect(replicaSetsOf(c, 'web')).toHaveLength(1);
  expect(get(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });
  const d = get(c);
  d.spec.replicas = 4;
  c.api.update(d);
  c.settle();
  expect(replicaSetsOf(c, 'web').map((r) => r.spec.replicas)).toEqual([4]);
  const resumed = get(c);
  resumed.spec.paused = false;
  c.api.update(resumed);
  advanceUntil(c, () => available(c) && replicaSetsOf(c, 'web')[0].spec.replicas === 0);
  expect(replicaSetsOf(c, 'web').map((r) => r.spec.replicas)).toEqual([0, 4]);
});

test('proportional scaling mid-rollout: 10 → 15 splits the extra replicas by size', () => {
  const c = newCluster(33);
  c.api.create(web(10, 'nginx:1.14'));
  advanceUntil(c, () => available(c));
  setImage(c, 'nginx:does-not-exist');
  // New pods never become ready: old 8 (10 − 2 unavailable), new 5 (13 − 8).
  expect(replicaSetsOf(c, 'web').map((r) => r.spec.replicas)).toEqual([8, 5]);
  const d = get(c);
  d.spec.replicas = 15;
  c.api.update(d);
  c.settle();
  // max 13 → 19: old round(8·19/13) = 12, new round(5·19/13) = 7.
  const [old, neu] = replicaSetsOf(c, 'web');
  expect([old.spec.replicas, neu.spec.replicas]).toEqual([12, 7]);
  expect(old.metadata.annotations?.['deployment.kubernetes.io/max-replicas']).toBe('19');
  const events = c.store.list<KubeEvent>('Event').filter((e) => e.involvedObject.name === 'web').map((e) => e.message);
  expect(events).toContain(`Scaled up replica set ${old.metadata.name} from 8 to 12`);
  expect(events).toContain(`Scaled up replica set ${neu.metadata.name} from 5 to 7`);
});

test('progress deadline: ProgressDeadlineExceeded after progressDeadlineSeconds of no progress', () => {
  const c = newCluster(34);
  c.api.create(web(2, 'nginx:1.14', { progressDeadlineSeconds: 60 }));
  advanceUntil(c, () => available(c));
  setImage(c, 'nginx:does-not-exist');
  advanceUntil(c, () => get(c).status?.conditions?.some((x) => x.reason === 'ProgressDeadlineExceeded') ?? false, 180_000, 1000);
  const [, neu] = replicaSetsOf(c, 'web');
  expect(get(c).status?.conditions?.find((x) => x.type === 'Progressing')).toMatchObject({
    status: 'False',
    reason: 'ProgressDeadlineExceeded',
    message: `ReplicaSet "${neu.metadata.name}" has timed out progressing.`,
  });
});

test('revisionHistoryLimit: old RSs beyond the limit are deleted once the rollout is complete', () => {
  const c = newCluster(35);
  c.api.create(web(1, 'nginx:1.14', { revisionHistoryLimit: 1 }));
  advanceUntil(c, () => available(c));
  for (const image of ['nginx:1.15', 'nginx:1.17']) {
    setImage(c, image);
    advanceUntil(c, () => available(c) && replicaSetsOf(c, 'web').every((r: ReplicaSet) => r.spec.template.spec.containers[0].image === image || r.spec.replicas === 0));
  }
  advanceUntil(c, () => replicaSetsOf(c, 'web').length === 2);
  expect(replicaSetsOf(c, 'web').map((r) => r.spec.template.spec.containers[0].image)).toEqual(['nginx:1.15', 'nginx:1.17']);
});
