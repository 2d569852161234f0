import { describe, expect, test } from 'vitest';
import { kubectlHarness } from '../helpers/kubectl-harness.js';
import { memoryCheckSources } from '../../src/lesson/check-context.js';
import { DowntimeMeter } from '../../src/lesson/downtime-meter.js';
import { evaluateCheck } from '../../src/lesson/evaluate-check.js';
import { LessonSession } from '../../src/lesson/lesson-session.js';
import { loadScenarioFile } from '../../src/lesson/scenario-loader.js';

const FILES = {
  'app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.17
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: 80
`,
};

async function ready() {
  const h = kubectlHarness({ seed: 2, files: FILES });
  expect((await h.kubectl('apply -f app.yaml')).code).toBe(0);
  h.advance(60);
  return h;
}

describe('zero-downtime meter', () => {
  test('counts five failures while the selector points at nothing for 5 s', async () => {
    const h = await ready();
    let step = 'warm-up';
    const meter = new DowntimeMeter(h.cluster, { service: 'web' }, () => step);
    h.advance(10);
    expect([meter.sent(), meter.failures().length]).toEqual([10, 0]);
    step = 'switch';
    expect((await h.kubectl(`patch service web -p '{"spec":{"selector":{"app":"nothing"}}}'`)).code).toBe(0);
    h.advance(5);
    expect((await h.kubectl(`patch service web -p '{"spec":{"selector":{"app":"web"}}}'`)).code).toBe(0);
    step = 'after';
    h.advance(10);
    expect(meter.sent()).toBe(25);
    expect(meter.failures().map((f) => [f.step, f.kind, f.detail])).toEqual(Array(5).fill(['switch', 'no-endpoints', 'no ready endpoint']));
    expect(meter.failures().map((f) => (f.at - meter.startedAt) / 1000)).toEqual([11, 12, 13, 14, 15]);

    const ctx = { ...memoryCheckSources(h.cluster), fs: h.fs, commands: [], meter };
    const whole = evaluateCheck({ noDowntime: true }, ctx);
    expect(whole.ok).toBe(false);
    expect(whole.reason.en).toBe('Users saw about 5s of downtime: 5 of 25 requests to Service "web" failed, the first 11s into the session during step "switch" (no ready endpoint).');
    expect(whole.reason.ko).toContain('약 5초');
    const outside = evaluateCheck({ noDowntimeOutside: ['switch'] }, ctx);
    expect(outside).toEqual({ ok: true, reason: expect.objectContaining({ en: 'No request to Service "web" failed outside "switch" (25 sent, one a second).' }) });
    meter.stop();
    h.advance(10);
    expect(meter.sent()).toBe(25);
  });

  test('a wrong targetPort is refused, a missing Service is its own failure', async () => {
    const h = await ready();
    const meter = new DowntimeMeter(h.cluster, { service: 'web' }, () => 's');
    await h.kubectl(`patch service web -p '{"spec":{"ports":[{"port":80,"targetPort":8080}]}}'`);
    h.advance(2);
    await h.kubectl('delete service web');
    h.advance(1);
    expect(meter.failures().map((f) => f.kind)).toEqual(['connection-refused', 'connection-refused', 'no-service']);
  });

  test('sends nothing before the Service first exists, then counts its absence', async () => {
    const h = kubectlHarness({ seed: 2, files: FILES });
    const meter = new DowntimeMeter(h.cluster, { service: 'web' }, () => 's');
    h.advance(12);
    expect([meter.sent(), meter.failures().length]).toEqual([0, 0]);
    expect((await h.kubectl('apply -f app.yaml')).code).toBe(0);
    h.advance(60);
    const sent = meter.sent();
    expect(sent).toBe(60);
    expect(meter.failures().every((f) => f.kind === 'no-endpoints')).toBe(true);
    const starting = meter.failures().length;
    await h.kubectl('delete service web');
    h.advance(3);
    expect(meter.sent()).toBe(sent + 3);
    expect(meter.failures().slice(starting).map((f) => f.kind)).toEqual(['no-service', 'no-service', 'no-service']);
  });

  test('the same session gives the same record', async () => {
    const record = async () => {
      const h = await ready();
      const meter = new DowntimeMeter(h.cluster, { service: 'web' }, () => 's');
      await h.kubectl('scale deployment web --replicas=0');
      h.advance(3);
      await h.kubectl('scale deployment web --replicas=2');
      h.advance(30);
      return { sent: meter.sent(), failures: meter.failures() };
    };
    const a = await record();
    expect(a.failures.length).toBeGreaterThan(3);
    expect(await record()).toEqual(a);
  });
});

describe('lesson session', () => {
  test('the hello lesson steps through with hints, and the meter books apply-time downtime to "apply"', async () => {
    const { scenario } = loadScenarioFile('scenarios/hello-pods.yaml');
    const lesson = new LessonSession(scenario!);
    const { runKubectl } = await import('../../src/kubectl/kubectl.js');
    const run = async (line: string) => {
      lesson.cluster.advance(10_000);
      await runKubectl(line.split(' ').slice(1), { cluster: lesson.cluster, fs: lesson.fs, stdout: () => {}, stderr: () => {} });
      return lesson.commandRan(line);
    };
    expect(lesson.hint()?.en).toBe('kubectl apply -f hello.yaml');
    expect(await run('kubectl apply -f hello.yaml')).toBe('apply');
    expect(lesson.evaluateStep().reason.en).toMatch(/ready pods; expected 3|no ready pods/);
    expect(await run('kubectl rollout status deployment/hello')).toBe('look');
    expect(lesson.meter!.failures().length).toBeGreaterThan(0);
    expect(new Set(lesson.meter!.failures().map((f) => f.step))).toEqual(new Set(['apply']));
    expect(await run('kubectl get pods --show-labels')).toBe('end');
    expect(lesson.finished).toBe(true);
    expect(lesson.progress()).toEqual({ completed: ['apply', 'look'], skipped: [], hints: { apply: 1 } });
    lesson.stop();
  });
});
