/**
 * The cluster view's model over a real lesson cluster: the canary lesson's files applied,
 * the clock advanced, 100 requests sent from a busybox pod; the picture (Deployments →
 * ReplicaSets → pods with kubectl's STATUS, Services with their endpoints) and the traffic
 * bars (about 4:1), and that the meter's own requests never count.
 */
import { afterEach, describe, expect, test } from 'vitest';
import { resolveScenario } from '../../src/lesson/scenario-loader.js';
import type { LessonRuntime } from '../../src/ui/lesson-runtime.js';
import { phaseOf } from '../../src/ui/cluster-view/cluster-picture.js';
import { KeyPalette, versionKeyOf } from '../../src/ui/cluster-view/version-key.js';
import { makeRuntime } from './ui-helpers.js';

let runtime: LessonRuntime | undefined;
afterEach(() => runtime?.stop());

function canaryRuntime(): LessonRuntime {
  const scenario = resolveScenario('canary').result.scenario;
  if (!scenario) throw new Error('canary does not load');
  return (runtime = makeRuntime({ scenario }));
}

/** The canary lesson's stable and canary Deployments, ready; the requests come from a busybox client pod (see podShell). */
async function canaryReady(): Promise<LessonRuntime> {
  const rt = canaryRuntime();
  await rt.enter('kubectl apply -f stable-env.yaml');
  await rt.enter('kubectl apply -f canary-env.yaml');
  rt.advance(60_000);
  return rt;
}

/** Enters a busybox pod's shell (kubectl waits for the pod on the clock the test moves). */
async function podShell(rt: LessonRuntime): Promise<void> {
  const entered = rt.enter('kubectl run client --rm -it --image=busybox --restart=Never -- sh');
  for (let s = 0; s < 30 && rt.busy(); s++) {
    rt.advance(1000);
    await new Promise((r) => setImmediate(r));
  }
  await entered;
  expect(rt.snapshot().prompt).toBe('/ # ');
}

describe('cluster picture', () => {
  test('pods show kubectl STATUS while they start, then Running with their version keys', async () => {
    const rt = canaryRuntime();
    await rt.enter('kubectl apply -f stable-env.yaml');
    rt.advance(1000);
    let picture = rt.clusterView.picture();
    const [stable] = picture.deployments;
    expect(stable.name).toBe('nginx-deployment');
    expect(stable.replicaSets).toHaveLength(1);
    expect(stable.replicaSets[0].pods.map((p) => p.status)).toContain('ContainerCreating');
    rt.advance(60_000);
    picture = rt.clusterView.picture();
    const rs = picture.deployments[0].replicaSets[0];
    expect(rs).toMatchObject({ revision: 1, image: 'nginx:1.14', ready: 4, desired: 4, key: { label: 'version', value: '1.14' } });
    expect(rs.pods.map((p) => [p.ready, p.status, p.phase])).toEqual(Array(4).fill(['1/1', 'Running', 'running']));
    expect(rs.style?.mark).toBe('1');
    const [svc] = picture.services;
    expect(svc).toMatchObject({ name: 'nginx-service', selector: 'app=nginx' });
    expect(svc.targets.map((p) => p.name)).toEqual(rs.pods.map((p) => p.name));
  });

  test('a deleted Deployment leaves Terminating pods, as kubectl get pods shows them', async () => {
    const rt = await canaryReady();
    await rt.enter('kubectl delete deployment nginx-canary-deployment --wait=false');
    const pods = rt.clusterView.picture().pods.filter((p) => p.name.startsWith('nginx-canary'));
    expect(pods.map((p) => p.status)).toEqual(['Terminating']);
    expect(pods[0].phase).toBe('terminating');
  });

  test('the picture is made again only when the store changed, at most 4 times a virtual second', async () => {
    const rt = await canaryReady();
    const model = rt.clusterView;
    const first = model.picture();
    expect(model.picture()).toBe(first);
    const builds = model.builds;
    await rt.enter('kubectl scale deployment nginx-deployment --replicas=6');
    // Time stands still: the change is drawn at once.
    expect(model.picture()).not.toBe(first);
    expect(model.builds).toBe(builds + 1);
    for (let ms = 0; ms < 1000; ms += 10) {
      rt.advance(10);
      model.picture();
    }
    expect(model.builds - builds - 1).toBeLessThanOrEqual(4);
  });
});

describe('traffic', () => {
  test('100 requests through nginx-service: about 4 stable answers to 1 canary', async () => {
    const rt = await canaryReady();
    await podShell(rt);
    await rt.enter('for i in $(seq 100); do wget -qO- http://nginx-service >/dev/null; done');
    const [svc] = rt.clusterView.trafficSummary();
    expect(svc.service).toBe('nginx-service');
    expect(svc.total).toBe(100);
    const [stable, canary] = svc.bars;
    expect(stable.key).toEqual({ label: 'version', value: '1.14' });
    expect(canary.key).toEqual({ label: 'version', value: 'canary' });
    expect(stable.count + canary.count).toBe(100);
    // 20 ± 3.5 sigma (sigma = 4) canary answers.
    expect(Math.abs(canary.count - 20)).toBeLessThan(14);
  });

  test('only the last 100 answers within 60 virtual seconds count; the meter never does', async () => {
    const rt = await canaryReady();
    expect(rt.lesson.meter?.sent()).toBeGreaterThan(0);
    expect(rt.clusterView.trafficSummary()).toEqual([]);
    await podShell(rt);
    await rt.enter('for i in $(seq 150); do wget -qO- http://nginx-service >/dev/null; done');
    expect(rt.clusterView.trafficSummary()[0].total).toBe(100);
    rt.advance(61_000);
    expect(rt.clusterView.trafficSummary()).toEqual([]);
  });
});

describe('version keys', () => {
  test.each([
    [{ app: 'nginx', version: 'canary' }, 'version=canary'],
    [{ app: 'test-pod', color: 'blue' }, 'color=blue'],
    [{ app: 'x', track: 'stable', 'pod-template-hash': 'abc' }, 'track=stable'],
    [{ app: 'x', 'pod-template-hash': '7d9c8f6b5' }, 'pod-template-hash=7d9c8f6b5'],
  ])('%o → %s', (labels, text) => {
    const key = versionKeyOf(labels);
    expect(key && `${key.label}=${key.value}`).toBe(text);
  });

  test('marks are first letters unless taken; colour names keep their colour', () => {
    const p = new KeyPalette();
    expect(p.styleOf({ label: 'color', value: 'blue' })).toEqual({ mark: 'B', color: 'blue' });
    expect(p.styleOf({ label: 'color', value: 'green' })).toEqual({ mark: 'G', color: 'green' });
    expect(p.styleOf({ label: 'version', value: 'beta' }).mark).toBe('A');
    expect(p.styleOf({ label: 'color', value: 'blue' }).mark).toBe('B');
  });

  test.each([
    ['Running', '1/1', 'running'],
    ['Running', '0/1', 'starting'],
    ['ContainerCreating', '0/1', 'starting'],
    ['Terminating', '1/1', 'terminating'],
    ['ErrImagePull', '0/1', 'failed'],
    ['Completed', '0/1', 'done'],
  ])('%s %s is %s', (status, ready, phase) => {
    expect(phaseOf(status, ready)).toBe(phase);
  });
});
