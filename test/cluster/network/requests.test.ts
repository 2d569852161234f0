import { expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { networkOf } from '../../../src/cluster/network/index.js';
import { createPod, createService } from '../helpers/objects.js';

function canaryCluster(seed: number): Cluster {
  const c = new Cluster({ seed });
  for (const [name, html] of [['stable-html', '<h1>Hello from Stable v1.14</h1>\n'], ['canary-html', '<h1>Hello from Canary v1.15</h1>\n']]) {
    c.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { 'index.html': html } });
  }
  createService(c, 'nginx-service', { app: 'nginx' });
  const mount = (cm: string) => ({ volumes: [{ name: 'html', configMap: { name: cm } }], volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }] });
  for (let i = 0; i < 4; i++) createPod(c, `stable-${i}`, { labels: { app: 'nginx' }, ...mount('stable-html') });
  createPod(c, 'canary', { image: 'nginx:1.15', labels: { app: 'nginx', version: 'canary' }, ...mount('canary-html') });
  c.advance(60_000);
  return c;
}

test('1,000 requests through 4 stable + 1 canary endpoints: canary share 150..250, same seed same sequence', () => {
  const run = (seed: number) => {
    const c = canaryCluster(seed);
    const net = networkOf(c);
    const answers: string[] = [];
    for (let i = 0; i < 1000; i++) {
      const r = net.request('http://nginx-service', 'default');
      if (!r.ok) throw new Error(r.error);
      answers.push(r.pod.name);
    }
    return answers;
  };
  const a = run(1);
  const canary = a.filter((n) => n === 'canary').length;
  expect(canary).toBeGreaterThanOrEqual(150);
  expect(canary).toBeLessThanOrEqual(250);
  expect(new Set(a).size).toBe(5);
  expect(run(1)).toEqual(a);
  expect(run(2)).not.toEqual(a);
});

test('nginx serves the mounted ConfigMap with its headers; missing paths get the 404 page', () => {
  const c = canaryCluster(3);
  const net = networkOf(c);
  let r = net.request('http://nginx-service.default.svc.cluster.local/');
  while (r.ok && r.pod.name !== 'canary') r = net.request('http://nginx-service/');
  expect(r.ok && r.body).toBe('<h1>Hello from Canary v1.15</h1>\n');
  expect(r.ok && Object.fromEntries(r.headers)).toMatchObject({ Server: 'nginx/1.15.12', 'Content-Type': 'text/html', 'Content-Length': '33', 'Accept-Ranges': 'bytes' });
  const missing = net.request('http://nginx-service/nope.html');
  expect(missing.ok && missing.status).toBe(404);
  expect(missing.ok && missing.body).toMatch(/^<html>\r\n<head><title>404 Not Found<\/title><\/head>\r\n/);
});

test('without a mount nginx serves its welcome page (612 bytes for 1.14)', () => {
  const c = new Cluster({ seed: 3 });
  createService(c, 'web', { app: 'web' });
  createPod(c, 'w', { labels: { app: 'web' } });
  c.advance(30_000);
  const r = networkOf(c).request('web.default.svc');
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  expect(r.body).toContain('<title>Welcome to nginx!</title>');
  expect(r.headers.find(([k]) => k === 'Content-Length')?.[1]).toBe('612');
  expect(r.headers.find(([k]) => k === 'Server')?.[1]).toBe('nginx/1.14.2');
});

test('targetPort 8080 on nginx: the endpoints look healthy but every connection is refused', () => {
  const c = new Cluster({ seed: 9 });
  const svc = createService(c, 'test-service', { app: 'test-pod' }, 80, 8080);
  createPod(c, 'blue', { labels: { app: 'test-pod' } });
  c.advance(30_000);
  const r = networkOf(c).request('http://test-service');
  expect(r).toMatchObject({ ok: false, error: 'connection-refused', resolvedIp: svc.spec.clusterIP });
});

test('names: svc, svc.ns, svc.ns.svc, svc.ns.svc.cluster.local, ClusterIP and pod IP; unknown names are bad addresses', () => {
  const c = new Cluster({ seed: 9 });
  const svc = createService(c, 'web', { app: 'web' }, 80, 80, 'kube-public');
  createPod(c, 'w', { labels: { app: 'web' }, namespace: 'kube-public' });
  c.advance(30_000);
  const net = networkOf(c);
  const ip = svc.spec.clusterIP!;
  expect(net.resolve('web', 'kube-public')?.ip).toBe(ip);
  expect(net.resolve('web', 'default')).toBeUndefined();
  for (const name of ['web.kube-public', 'web.kube-public.svc', 'web.kube-public.svc.cluster.local', ip]) expect(net.resolve(name, 'default')?.ip).toBe(ip);
  const podIp = c.store.get<import('../../../src/cluster/types.js').Pod>('Pod', 'kube-public', 'w').status!.podIP!;
  const direct = net.request(`http://${podIp}/`, 'default');
  expect(direct.ok && direct.pod.name).toBe('w');
  expect(net.request('http://nope/', 'default')).toMatchObject({ ok: false, error: 'bad-address' });
});

test('a Service with no ready endpoints refuses; a busybox pod has no listener', () => {
  const c = new Cluster({ seed: 9 });
  createService(c, 'empty', { app: 'none' });
  createService(c, 'shell', { app: 'bb' });
  createPod(c, 'bb', { image: 'busybox', labels: { app: 'bb' }, command: ['sh', '-c', 'sleep 3600'] });
  c.advance(30_000);
  const net = networkOf(c);
  expect(net.request('http://empty')).toMatchObject({ ok: false, error: 'connection-refused' });
  expect(net.request('http://shell')).toMatchObject({ ok: false, error: 'connection-refused' });
  expect(net.request('http://shell:81')).toMatchObject({ ok: false, error: 'timeout' });
});
