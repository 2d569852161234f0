/**
 * The seed lessons' states that describe fixtures print: the blue/green Service before and
 * after its selector patch, and nginx-deployment's rollout from nginx:1.14 to nginx:1.15.
 */
import type { Pod } from '../../../src/cluster/types.js';
import { frozenHarness, putConfigMap, putDeployment, putPod, putReplicaSet, putService, putSlice, tick } from './scenarios.js';

const WORKER = { node: 'kubelab-worker', hostIP: '172.18.0.3' };
const WORKER2 = { node: 'kubelab-worker2', hostIP: '172.18.0.4' };
const IMAGE_1_14 = 'docker.io/library/nginx@sha256:f7988fb6c02e0ce69257d9bd9cf37ae20a60f1df7563c3a2a6abe24160306b8d';
const IMAGE_1_17 = 'docker.io/library/nginx@sha256:6fff55753e3b34e36e24e37039ee9eae1fe38a6420d8ae16ef37c92d1eb26699';

/** blue-env.yaml applied 2 minutes ago (four Running blue pods), then green-env.yaml 60 s ago. */
export function blueGreen() {
  const h = frozenHarness();
  const c = h.cluster;
  const blueT = { labels: { app: 'test-pod', color: 'blue' }, container: 'test-pod', image: 'nginx:1.14', port: 8080 };
  const blue = putDeployment(c, 'test-deployment-blue', 4, { app: 'test-pod', color: 'blue' }, blueT, { observedGeneration: 1, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 }, '1');
  const blueRS = putReplicaSet(c, blue, '6b9f7c5d84', blueT, 4, 4, '1');
  const svc = putService(c, 'test-service', { app: 'test-pod', color: 'blue' }, 80, 8080, '10.96.71.152');
  const bluePods: Pod[] = [];
  const spots = [
    { ...WORKER2, ip: '10.244.2.2', suffix: 'k8x2q' },
    { ...WORKER, ip: '10.244.1.2', suffix: 'p5w7n' },
    { ...WORKER2, ip: '10.244.2.3', suffix: 'r9tbm' },
    { ...WORKER, ip: '10.244.1.3', suffix: 'zv4hc' },
  ];
  for (const s of spots) bluePods.push(putPod(c, blueRS, s.suffix, { ...s, startedAfter: 9, containerID: `containerd://${s.suffix.repeat(13).slice(0, 64)}`, imageID: IMAGE_1_14 }));
  putSlice(c, svc, 'test-service-7xq2d', bluePods, 8080, true);
  tick(c, 60);
  const greenT = { labels: { app: 'test-pod', color: 'green' }, container: 'test-pod', image: 'nginx:1.17', port: 8080 };
  const green = putDeployment(c, 'test-deployment-green', 4, { app: 'test-pod', color: 'green' }, greenT, { observedGeneration: 1, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 }, '1');
  const greenRS = putReplicaSet(c, green, '5d9c4bf78f', greenT, 4, 4, '1');
  const greenPods: Pod[] = [];
  const greenSpots = [
    { ...WORKER, ip: '10.244.1.4', suffix: 'b2l6s' },
    { ...WORKER2, ip: '10.244.2.4', suffix: 'fx8jd' },
    { ...WORKER, ip: '10.244.1.5', suffix: 'm7q9w' },
    { ...WORKER2, ip: '10.244.2.5', suffix: 'tc5nv' },
  ];
  for (const s of greenSpots) greenPods.push(putPod(c, greenRS, s.suffix, { ...s, startedAfter: 11, containerID: `containerd://${s.suffix.repeat(13).slice(0, 64)}`, imageID: IMAGE_1_17 }));
  tick(c, 60);
  /** `kubectl patch service test-service --patch-file patch-green.yaml`; endpoints follow, ready or not yet. */
  const patchToGreen = (ready: boolean) => {
    const s = c.store.get<typeof svc>('Service', 'default', 'test-service');
    s.spec.selector = { app: 'test-pod', color: 'green' };
    const patched = c.store.update(s);
    putSlice(c, patched, 'test-service-7xq2d', greenPods, 8080, ready);
  };
  return { h, patchToGreen };
}

const stableT = { labels: { app: 'nginx', version: '1.14' }, container: 'nginx', image: 'nginx:1.14', port: 80, configMap: 'stable-html' };
const v115T = { labels: { app: 'nginx', version: '1.15' }, container: 'nginx', image: 'nginx:1.15', port: 80, configMap: 'canary-html' };

/**
 * stable-env.yaml applied at 09:00:00 (4 pods Running), stable-env-v115.yaml applied at
 * 09:05:00. `stage` 'mid' is 20 s later (new RS at 2, old at 3, two new pods ContainerCreating
 * then one Running); 'complete' is 2 minutes later.
 */
export function nginxRollout(stage: 'mid' | 'complete') {
  const h = frozenHarness();
  const c = h.cluster;
  putConfigMap(c, 'stable-html', { 'index.html': '<h1>Hello from Stable v1.14</h1>' });
  putConfigMap(c, 'canary-html', { 'index.html': '<h1>Hello from Canary v1.15</h1>' });
  const done = stage === 'complete';
  const status = done
    ? { observedGeneration: 2, replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 }
    : { observedGeneration: 2, replicas: 5, updatedReplicas: 2, readyReplicas: 4, availableReplicas: 4, unavailableReplicas: 1 };
  const d = putDeployment(c, 'nginx-deployment', 4, { app: 'nginx' }, stableT, {}, '1');
  const oldRS = putReplicaSet(c, d, '7c79c4bf97', stableT, 4, 4, '1');
  const oldPods = ['2hxbq', '6kqtd', 'lrz5v', 'wq8mf'].map((suffix, i) =>
    putPod(c, oldRS, suffix, { ...(i % 2 ? WORKER : WORKER2), ip: `10.244.${i % 2 ? 1 : 2}.${10 + i}`, startedAfter: 8, containerID: `containerd://${suffix.repeat(13).slice(0, 64)}`, imageID: IMAGE_1_14 }),
  );
  c.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${oldRS.metadata.name} from 0 to 4`, 'deployment-controller');
  tick(c, 300);
  // The update: new template, revision 2.
  const updated = c.store.get<typeof d>('Deployment', 'default', 'nginx-deployment');
  updated.spec.template = { metadata: { labels: v115T.labels }, spec: { ...updated.spec.template.spec, containers: [{ ...updated.spec.template.spec.containers[0], image: 'nginx:1.15' }], volumes: [{ name: 'html', configMap: { name: 'canary-html', defaultMode: 420 } }] } };
  updated.metadata.annotations = { 'deployment.kubernetes.io/revision': '2' };
  updated.status = status;
  updated.status.conditions = [
    { type: 'Available', status: 'True', lastUpdateTime: '2025-08-19T09:00:09Z', lastTransitionTime: '2025-08-19T09:00:09Z', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
    done
      ? { type: 'Progressing', status: 'True', lastUpdateTime: '2025-08-19T09:05:31Z', lastTransitionTime: '2025-08-19T09:00:00Z', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "nginx-deployment-5b8d6f9c4d" has successfully progressed.' }
      : { type: 'Progressing', status: 'True', lastUpdateTime: '2025-08-19T09:05:12Z', lastTransitionTime: '2025-08-19T09:00:00Z', reason: 'ReplicaSetUpdated', message: 'ReplicaSet "nginx-deployment-5b8d6f9c4d" is progressing.' },
  ];
  const dv2 = c.store.update(updated);
  const newRS = putReplicaSet(c, dv2, '5b8d6f9c4d', v115T, done ? 4 : 2, done ? 4 : 1, '2');
  const scale = (msg: string) => c.events.record(dv2, 'Normal', 'ScalingReplicaSet', msg, 'deployment-controller');
  scale(`Scaled up replica set ${newRS.metadata.name} from 0 to 1`);
  scale(`Scaled down replica set ${oldRS.metadata.name} from 4 to 3`);
  const old3 = c.store.get<typeof oldRS>('ReplicaSet', 'default', oldRS.metadata.name!);
  old3.spec.replicas = 3;
  old3.status = { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 2 };
  c.store.update(old3);
  c.store.delete('Pod', 'default', oldPods.pop()!.metadata.name!);
  const newPods = [putPod(c, newRS, 'x7dgk', { ...WORKER, ip: '10.244.1.20', startedAfter: 8, containerID: `containerd://${'x7dgk'.repeat(13).slice(0, 64)}`, imageID: 'docker.io/library/nginx@sha256:23b4dcdf0d34d4a129755fc6f52e1c6e23bb34ea011b315d87e193033bcd1b68' })];
  const kubelet = (p: Pod, reason: string, message: string) => c.events.record(p, 'Normal', reason, message, 'kubelet', { host: p.spec.nodeName, fieldPath: 'spec.containers{nginx}' });
  const scheduled = (p: Pod) => c.events.record(p, 'Normal', 'Scheduled', `Successfully assigned default/${p.metadata.name} to ${p.spec.nodeName}`, 'default-scheduler');
  scheduled(newPods[0]);
  kubelet(newPods[0], 'Pulling', 'Pulling image "nginx:1.15"');
  tick(c, 8);
  kubelet(newPods[0], 'Pulled', 'Successfully pulled image "nginx:1.15" in 7.012s (7.012s including waiting). Image size: 44497212 bytes.');
  kubelet(newPods[0], 'Created', 'Created container: nginx');
  kubelet(newPods[0], 'Started', 'Started container nginx');
  scale(`Scaled up replica set ${newRS.metadata.name} from 1 to 2`);
  newPods.push(putPod(c, newRS, 'c4vfz', { ...WORKER2 }));
  scheduled(newPods[1]);
  kubelet(newPods[1], 'Pulling', 'Pulling image "nginx:1.15"');
  tick(c, 12);
  if (done) {
    // Two minutes on: the rollout finished and the old RS is at zero.
    tick(c, 100);
    for (const p of oldPods) c.store.delete('Pod', 'default', p.metadata.name!);
    const old = c.store.get<typeof oldRS>('ReplicaSet', 'default', oldRS.metadata.name!);
    old.spec.replicas = 0;
    old.status = { replicas: 0, observedGeneration: 3 };
    c.store.update(old);
    scale(`Scaled down replica set ${oldRS.metadata.name} from 3 to 2`);
    scale(`Scaled up replica set ${newRS.metadata.name} from 2 to 3`);
    scale(`Scaled down replica set ${oldRS.metadata.name} from 2 to 1`);
    scale(`Scaled up replica set ${newRS.metadata.name} from 3 to 4`);
    scale(`Scaled down replica set ${oldRS.metadata.name} from 1 to 0`);
    tick(c, 20);
  }
  return { h, newPods };
}
