import { describe, expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import type { Pod } from '../../../src/cluster/types.js';
import { createPod, markDeleted, pod, podEvents } from '../helpers/objects.js';

const waiting = (p: Pod | undefined) => p?.status?.containerStatuses?.[0]?.state?.waiting?.reason;

describe('pod lifecycle', () => {
  test('ContainerCreating → Running as the clock advances, with the kubelet events of v1.32', () => {
    const c = new Cluster({ seed: 7 });
    createPod(c, 'web');
    c.settle();
    let p = pod(c, 'web')!;
    expect(p.spec.nodeName).toBe('kubelab-worker');
    expect(p.status?.phase).toBe('Pending');
    expect(waiting(p)).toBe('ContainerCreating');
    expect(p.status?.qosClass).toBe('BestEffort');
    expect(p.status?.hostIP).toBe('172.18.0.3');
    c.advance(30_000);
    p = pod(c, 'web')!;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(p.status?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    const cs = p.status!.containerStatuses![0];
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.image).toBe('docker.io/library/nginx:1.14');
    const events = podEvents(c, 'web');
    expect(events[0]).toBe('Scheduled: Successfully assigned default/web to kubelab-worker');
    expect(events[1]).toBe('Pulling: Pulling image "nginx:1.14"');
    expect(events[2]).toMatch(/^Pulled: Successfully pulled image "nginx:1\.14" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 44415211 bytes\.$/);
    expect(events.slice(3)).toEqual(['Created: Created container: nginx', 'Started: Started container nginx']);
  });

  test('a second pod on the same node finds the image present', () => {
    const c = new Cluster({ seed: 7 });
    createPod(c, 'a');
    c.advance(30_000);
    createPod(c, 'b'); // worker2 is emptier
    createPod(c, 'c'); // back to worker, which has the image
    c.advance(30_000);
    expect(pod(c, 'c')!.spec.nodeName).toBe('kubelab-worker');
    expect(podEvents(c, 'c')).toContain('Pulled: Container image "nginx:1.14" already present on machine');
    expect(podEvents(c, 'b')).toContain('Pulling: Pulling image "nginx:1.14"');
  });

  test('an unknown tag gives ErrImagePull, then ImagePullBackOff, with the real messages', () => {
    const c = new Cluster({ seed: 3 });
    createPod(c, 'bad', { image: 'nginx:1.99' });
    c.advance(1_000);
    c.advance(3_000);
    const states = new Set<string | undefined>();
    for (let i = 0; i < 60; i++) {
      c.advance(500);
      states.add(waiting(pod(c, 'bad')));
    }
    expect(states).toContain('ErrImagePull');
    expect(states).toContain('ImagePullBackOff');
    expect(pod(c, 'bad')!.status?.phase).toBe('Pending');
    const events = podEvents(c, 'bad');
    expect(events).toContain('Failed: Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found');
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain('BackOff: Back-off pulling image "nginx:1.99"');
    expect(events).toContain('Failed: Error: ImagePullBackOff');
  });

  test('an unknown repository fails with pull access denied', () => {
    const c = new Cluster({ seed: 3 });
    createPod(c, 'typo', { image: 'ngnix' });
    c.advance(10_000);
    expect(podEvents(c, 'typo').some((e) => e.includes('pull access denied, repository does not exist or may require authorization'))).toBe(true);
  });

  test('graceful deletion: Killing, nginx exits on SIGTERM, the pod is removed well before the deadline', () => {
    const c = new Cluster({ seed: 11 });
    createPod(c, 'web');
    c.advance(30_000);
    const uid = pod(c, 'web')!.metadata.uid;
    markDeleted(c, 'default', 'web');
    c.advance(1_000);
    expect(pod(c, 'web')).toBeUndefined();
    const killing = c.store.list<import('../../../src/cluster/types.js').KubeEvent>('Event', 'default').filter((e) => e.involvedObject.uid === uid && e.reason === 'Killing');
    expect(killing.map((e) => e.message)).toEqual(['Stopping container nginx']);
  });

  test('busybox sh ignores SIGTERM: removal exactly at the grace deadline, never later', () => {
    const c = new Cluster({ seed: 11 });
    createPod(c, 'bb', { image: 'busybox', command: ['sh', '-c', 'while true; do sleep 1; done'] });
    c.advance(30_000);
    expect(pod(c, 'bb')!.status?.phase).toBe('Running');
    markDeleted(c, 'default', 'bb', 5);
    c.advance(4_900);
    expect(pod(c, 'bb')).toBeDefined();
    c.advance(100);
    expect(pod(c, 'bb')).toBeUndefined();
  });

  test('restartPolicy Never: a command that exits ends Succeeded or Failed', () => {
    const c = new Cluster({ seed: 5 });
    createPod(c, 'ok', { image: 'busybox:1.36', command: ['sh', '-c', 'echo hi; sleep 2'], restartPolicy: 'Never' });
    createPod(c, 'ko', { image: 'busybox:1.36', command: ['sh', '-c', 'exit 3'], restartPolicy: 'Never' });
    c.advance(60_000);
    expect(pod(c, 'ok')!.status?.phase).toBe('Succeeded');
    expect(pod(c, 'ko')!.status?.phase).toBe('Failed');
    expect(pod(c, 'ko')!.status?.containerStatuses?.[0].state.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  test('an interactive busybox sh keeps running', () => {
    const c = new Cluster({ seed: 5 });
    createPod(c, 'tmp', { image: 'busybox', command: ['sh'], restartPolicy: 'Never', stdin: true });
    c.advance(60_000);
    expect(pod(c, 'tmp')!.status?.phase).toBe('Running');
  });

  test('a readiness probe on a port nobody listens on keeps the pod unready', () => {
    const c = new Cluster({ seed: 5 });
    createPod(c, 'probe', { readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 } });
    createPod(c, 'probe-ok', { readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } });
    c.advance(60_000);
    expect(pod(c, 'probe')!.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('False');
    expect(pod(c, 'probe-ok')!.status?.conditions?.find((x) => x.type === 'Ready')?.status).toBe('True');
    expect(podEvents(c, 'probe').some((e) => /^Unhealthy: Readiness probe failed: Get "http:\/\/10\.244\.\d+\.\d+:8080\/": dial tcp 10\.244\.\d+\.\d+:8080: connect: connection refused$/.test(e))).toBe(true);
  });

  test('pod IPs stay unique and inside the node CIDR through create/delete churn', () => {
    const c = new Cluster({ seed: 99 });
    let created = 0;
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 200; i++) createPod(c, `p-${round}-${i}`);
      created += 200;
      c.advance(60_000);
      const live = c.store.view<Pod>('Pod', 'default').filter((p) => p.status?.podIP);
      const ips = live.map((p) => p.status!.podIP!);
      expect(new Set(ips).size).toBe(ips.length);
      for (const p of live) {
        const third = p.spec.nodeName === 'kubelab-worker' ? 1 : 2;
        expect(p.status!.podIP!.startsWith(`10.244.${third}.`)).toBe(true);
      }
      // Delete every pod of this round (forced, grace 0) to churn the ranges.
      for (let i = 0; i < 200; i++) markDeleted(c, 'default', `p-${round}-${i}`, 0);
    }
    expect(created).toBe(800);
    expect(c.store.view('Pod', 'default').length).toBe(0);
  }, 60_000);
});
