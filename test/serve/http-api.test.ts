/**
 * `kubelab serve` over HTTP without kubectl: the bearer token, Status errors with their codes,
 * the request size bound, a watch that survives its client going away, and a standard
 * client (@kubernetes/client-node) listing, watching and patching.
 */
import * as k8s from '@kubernetes/client-node';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.js';
import { MAX_REQUEST_BYTES, serve, writeKubeconfig, type Serving } from '../../src/serve/server.js';

let serving: Serving;

beforeAll(async () => {
  serving = await serve({ cluster: new Cluster({ seed: 2 }), realTime: false });
});
afterAll(async () => serving?.close());

/** One raw request: status code and parsed body. */
function call(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ code: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${serving.url}${path}`, { method, agent: false, ca: serving.ca, headers: { authorization: `Bearer ${serving.token}`, 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ code: res.statusCode ?? 0, body: text.startsWith('{') ? JSON.parse(text) : text }));
    });
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve({ code: 413, body: {} }) : reject(e)));
    req.end(body);
  });
}

describe('kubelab serve HTTP API', () => {
  it('refuses requests without the token', async () => {
    const r = await call('GET', '/api/v1/namespaces/default/pods', undefined, { authorization: 'Bearer wrong' });
    expect(r).toMatchObject({ code: 401, body: { kind: 'Status', reason: 'Unauthorized', code: 401 } });
  });

  it('answers errors as Status objects with their codes', async () => {
    expect(await call('GET', '/api/v1/namespaces/default/pods/nope')).toMatchObject({ code: 404, body: { reason: 'NotFound', message: 'pods "nope" not found' } });
    expect(await call('GET', '/apis/batch/v1/jobs')).toMatchObject({ code: 404, body: { kind: 'Status' } });
    expect(await call('POST', '/api/v1/namespaces/default/configmaps', '{"kind":')).toMatchObject({ code: 400, body: { reason: 'BadRequest' } });
    const strict = await call('POST', '/api/v1/namespaces/default/configmaps?fieldValidation=Strict', JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, dta: {} }));
    expect(strict).toMatchObject({ code: 400, body: { reason: 'BadRequest', message: expect.stringContaining('unknown field "dta"') } });
    const dup = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    expect((await call('POST', '/api/v1/namespaces/default/configmaps', dup)).code).toBe(201);
    expect(await call('POST', '/api/v1/namespaces/default/configmaps', dup)).toMatchObject({ code: 409, body: { reason: 'AlreadyExists' } });
    expect(await call('PATCH', '/api/v1/namespaces/default/configmaps/b', '{}', { 'content-type': 'text/plain' })).toMatchObject({ code: 415 });
  });

  it('bounds request bodies as the real API server does', async () => {
    const big = Buffer.alloc(MAX_REQUEST_BYTES + 1024, 0x20);
    const r = await call('POST', '/api/v1/namespaces/default/configmaps', big);
    expect(r.code).toBe(413);
    expect((await call('GET', '/version')).code).toBe(200);
  });

  it('survives a client that leaves in the middle of a watch', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${serving.url}/api/v1/namespaces/default/pods?watch=true`, { ca: serving.ca, headers: { authorization: `Bearer ${serving.token}` } }, (res) => {
        // Leave after the first event, while the server is still streaming.
        res.once('data', () => {
          req.destroy();
          resolve();
        });
        serving.cluster.api.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.14' }] } });
        serving.cluster.settle();
      });
      req.end();
    });
    serving.cluster.runUntilIdle(60_000);
    expect((await call('GET', '/api/v1/namespaces/default/pods/p')).body.status.phase).toBe('Running');
  });

  it('serves a standard client: list, watch, patch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubelab-client-'));
    writeKubeconfig(join(dir, 'config'), serving);
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(join(dir, 'config'));
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const nodes = await core.listNode();
    expect(nodes.items.map((n) => n.metadata?.name)).toEqual(['kubelab-control-plane', 'kubelab-worker', 'kubelab-worker2']);

    const seen: string[] = [];
    const watch = new k8s.Watch(kc);
    let resolveGot: () => void = () => undefined;
    const got = new Promise<void>((resolve) => (resolveGot = resolve));
    // The watch is established (response headers received) before the create it must see.
    const controller = await watch.watch('/api/v1/namespaces/default/configmaps', {}, (type, obj) => {
      seen.push(`${type} ${obj.metadata.name}`);
      if (obj.metadata.name === 'watched') resolveGot();
    }, () => undefined);
    await core.createNamespacedConfigMap({ namespace: 'default', body: { metadata: { name: 'watched' }, data: { a: '1' } } });
    await got;
    controller.abort();
    expect(seen).toContain('ADDED watched');

    const patched = await core.patchNamespacedConfigMap({ name: 'watched', namespace: 'default', body: { data: { a: '2' } } }, k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch));
    expect(patched.data).toEqual({ a: '2' });
  });
});
