import { expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { fitErrorMessage } from '../../../src/cluster/controllers/scheduler.js';
import type { Pod } from '../../../src/cluster/types.js';
import { createPod, pod, podEvents } from '../helpers/objects.js';

test('pods spread over the workers (fewest pods first, ties by name), never on the tainted control plane', () => {
  const c = new Cluster({ seed: 1 });
  for (let i = 0; i < 5; i++) createPod(c, `p${i}`);
  c.settle();
  expect([0, 1, 2, 3, 4].map((i) => pod(c, `p${i}`)!.spec.nodeName)).toEqual(['kubelab-worker', 'kubelab-worker2', 'kubelab-worker', 'kubelab-worker2', 'kubelab-worker']);
  const scheduled = pod(c, 'p0')!.status!.conditions!.find((x) => x.type === 'PodScheduled');
  expect(scheduled).toMatchObject({ status: 'True', lastProbeTime: null });
});

test('beyond 110 pods per worker a pod stays Pending with the scheduler FitError text', () => {
  const c = new Cluster({ seed: 1 });
  for (let i = 0; i < 221; i++) createPod(c, `p${String(i).padStart(3, '0')}`);
  c.settle();
  const pending = c.store.view<Pod>('Pod', 'default').filter((p) => !p.spec.nodeName);
  expect(pending.map((p) => p.metadata.name)).toEqual(['p220']);
  const message = '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Too many pods. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.';
  expect(podEvents(c, 'p220')).toEqual([`FailedScheduling: ${message}`]);
  expect(pod(c, 'p220')!.status!.conditions).toEqual([{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-08-19T09:00:00Z', reason: 'Unschedulable', message }]);
  // Capacity frees: the pending pod is bound.
  c.api.remove('Pod', 'default', 'p000');
  c.settle();
  expect(pod(c, 'p220')!.spec.nodeName).toBe('kubelab-worker');
});

test('a pod tolerating the control-plane taint may land there', () => {
  const c = new Cluster({ seed: 1 });
  for (let i = 0; i < 2; i++) createPod(c, `w${i}`);
  c.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 't', namespace: 'default' }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.14' }], tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] } });
  c.settle();
  expect(pod(c, 't')!.spec.nodeName).toBe('kubelab-control-plane');
});

test('fitErrorMessage sorts the histogram as Go sort.Strings does', () => {
  expect(fitErrorMessage([{ reason: 'Too many pods', resolvable: true }, { reason: 'node(s) had untolerated taint {a: b}', resolvable: false }])).toBe('0/2 nodes are available: 1 Too many pods, 1 node(s) had untolerated taint {a: b}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.');
});
