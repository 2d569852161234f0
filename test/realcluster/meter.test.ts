/**
 * The zero-downtime meter on a real cluster, against `kubelab serve` (the API a real cluster
 * has; no mocks): a probe pod of its own in the namespace sends one wget a second to the watched
 * Service by its DNS name. A clean run records no failure; a Service whose selector is switched
 * to nothing for a few seconds records failures booked to the step that was current then, and
 * none to the steps before and after. Stopping deletes the probe pod. The lesson screen's status
 * line gets the meter's count from the lesson. Also wget's messages as failure kinds. Skipped where no kubectl is on PATH (as the other real-cluster tests).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_START_MS } from '../../src/cluster/clock.js';
import { Cluster } from '../../src/cluster/cluster.js';
import type { Service } from '../../src/cluster/types.js';
import { KubeApi } from '../../src/realcluster/kube-api.js';
import { failureOf, RealDowntimeMeter } from '../../src/realcluster/meter.js';
import { RealLesson } from '../../src/realcluster/real-lesson.js';
import { RealLessonRuntime } from '../../src/ui/real-lesson-runtime.js';
import { serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';
import { builtin, tempDir } from '../grade/helpers.js';

const HAS_KUBECTL = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("wget's messages: refused, timeout, DNS and 5xx fail; 4xx is an answer", () => {
  expect(failureOf("can't connect to remote host (10.96.0.12): Connection refused")).toEqual({ kind: 'connection-refused', detail: 'Connection refused' });
  expect(failureOf('download timed out')).toEqual({ kind: 'timeout', detail: 'download timed out' });
  expect(failureOf("bad address 'web.x'")?.kind).toBe('no-dns');
  expect(failureOf('server returned error: HTTP/1.1 503 Service Unavailable')).toEqual({ kind: 'http-5xx', detail: 'HTTP 503' });
  expect(failureOf('server returned error: HTTP/1.1 404 Not Found')).toBeUndefined();
});

describe.runIf(HAS_KUBECTL)('the real-cluster meter on kubelab serve', () => {
  const cluster = new Cluster({ seed: 5, startMs: DEFAULT_START_MS });
  const dir = tempDir('kubelab-real-meter-');
  const kubeconfig = join(dir, 'config');
  let serving: Serving;
  let fastForward: ReturnType<typeof setInterval>;
  let api: KubeApi;

  beforeAll(async () => {
    serving = await serve({ cluster, realTime: false });
    writeKubeconfig(kubeconfig, serving);
    // A real cluster's clock runs by itself; the served one is fast-forwarded (about 100x).
    fastForward = setInterval(() => cluster.advance(500), 5);
    api = await KubeApi.connect({ context: 'kubelab', kubeconfig });
  });
  afterAll(async () => {
    clearInterval(fastForward);
    await serving?.close();
  });

  const deploy = (ns: string) => {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    cluster.api.create({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: ns },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.17', ports: [{ containerPort: 80 }] }] } },
      },
    });
    cluster.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: ns }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] } });
  };
  const waitReady = async (ns: string) => {
    for (let i = 0; i < 200; i++) {
      const eps = cluster.store.peek('Endpoints', ns, 'web') as { subsets?: { addresses?: unknown[] }[] } | undefined;
      if ((eps?.subsets ?? []).some((s) => (s.addresses ?? []).length > 0)) return;
      await sleep(50);
    }
    throw new Error('the web pods never became ready');
  };
  const setSelector = (ns: string, selector: Record<string, string>) => {
    const svc = cluster.store.peek<Service>('Service', ns, 'web')!;
    cluster.api.update({ ...svc, spec: { ...svc.spec, selector } });
  };
  const meterPods = (ns: string) => cluster.store.view('Pod', ns).filter((p) => p.metadata.labels?.['app.kubernetes.io/component'] === 'downtime-meter' && !p.metadata.deletionTimestamp);

  test('a clean run records requests and no failure; stopping deletes the probe pod', async () => {
    deploy('meter-clean');
    await waitReady('meter-clean');
    const meter = await RealDowntimeMeter.start(api, 'meter-clean', 'meter-clean', { service: 'web' }, () => 'steady');
    expect(meterPods('meter-clean')).toHaveLength(1);
    await sleep(4500);
    await meter.stop();
    expect(meter.sent()).toBeGreaterThanOrEqual(3);
    expect(meter.failures()).toEqual([]);
    expect(meterPods('meter-clean')).toEqual([]);
  }, 60_000);

  test('a selector switched to nothing for a few seconds fails requests booked to that step only', async () => {
    deploy('meter-outage');
    await waitReady('meter-outage');
    let step = 'before';
    const meter = await RealDowntimeMeter.start(api, 'meter-outage', 'meter-outage', { service: 'web' }, () => step);
    await sleep(3200);
    step = 'outage';
    setSelector('meter-outage', { app: 'nothing' });
    await sleep(3200);
    setSelector('meter-outage', { app: 'web' });
    await waitReady('meter-outage');
    // The requests out when the selector came back are still booked to "outage".
    await meter.settle();
    step = 'after';
    await sleep(3200);
    await meter.stop();
    const failures = meter.failures();
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(failures.map((f) => f.step))).toEqual(new Set(['outage']));
    expect(failures.every((f) => f.kind === 'no-endpoints' || f.kind === 'connection-refused')).toBe(true);
    expect(meter.sent()).toBeGreaterThanOrEqual(failures.length + 4);
  }, 60_000);

  test('nothing is sent before the Service first exists', async () => {
    cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'meter-late' } });
    const meter = await RealDowntimeMeter.start(api, 'meter-late', 'meter-late', { service: 'web' }, () => 'first');
    await sleep(2500);
    await meter.stop();
    expect([meter.sent(), meter.failures()]).toEqual([0, []]);
  }, 60_000);

  test("a lesson's meter starts with it, feeds the screen's status line and goes with finish", async () => {
    const workdir = join(dir, 'hello');
    const lesson = await RealLesson.start(builtin('hello-pods'), { context: 'kubelab', kubeconfig, workdir });
    const runtime = new RealLessonRuntime({ lesson, context: 'kubelab', workdir, lang: 'en' });
    expect(meterPods(lesson.namespace)).toHaveLength(1);
    await runtime.enter('kubectl apply -f hello.yaml');
    runtime.start();
    await sleep(3200);
    const shown = runtime.snapshot().meter;
    const counted = { sent: lesson.meter!.sent(), failed: lesson.meter!.failures().length };
    runtime.stop();
    await lesson.finish();
    expect(shown).toEqual(counted);
    expect(counted.sent).toBeGreaterThanOrEqual(2);
    expect(meterPods(lesson.namespace)).toEqual([]);
  }, 60_000);
});
