/**
 * A throw-away API server for recording what the real kubectl v1.32.4 `explain` prints from
 * kubelab's vendored schemas (src/kubectl/explain/schemas.ts): discovery for the modelled
 * types and OpenAPI v3 documents (/openapi/v3, /openapi/v3/api/v1...) built from them. It
 * checks kubelab's port of the plaintext template against the real one on the same data; the
 * descriptions themselves come from kubernetes-types@1.30.0, not from a v1.32 server.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESOURCE_TYPES } from '../../../src/cluster/resources.js';
import { DOCUMENT_PATHS } from '../../../src/kubectl/explain/lookup.js';
import { SCHEMAS } from '../../../src/kubectl/explain/schemas.js';

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

function document(docPath: string): unknown {
  const paths: Record<string, unknown> = {};
  for (const r of RESOURCE_TYPES) {
    const gv = r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
    if (gv !== docPath) continue;
    const p = `/${gv}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.plural}`;
    paths[p] = { get: { 'x-kubernetes-group-version-kind': { group: r.group, kind: r.kind, version: r.version } } };
  }
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.32.2' }, paths, components: { schemas: SCHEMAS } };
}

function route(path: string, res: ServerResponse): void {
  if (path === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.2', platform: 'linux/amd64' });
  if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] });
  const groups = [...new Set(RESOURCE_TYPES.filter((r) => r.group).map((r) => r.group))];
  if (path === '/apis') return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => ({ name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' } })) });
  if (path === '/openapi/v3') return send(res, 200, { paths: Object.fromEntries(DOCUMENT_PATHS.map((p) => [p, { serverRelativeURL: `/openapi/v3/${p}?hash=0` }])) });
  if (path.startsWith('/openapi/v3/')) {
    const docPath = path.slice('/openapi/v3/'.length);
    return DOCUMENT_PATHS.includes(docPath) ? send(res, 200, document(docPath)) : send(res, 404, {});
  }
  const gv = /^\/(?:api\/v1|apis\/([^/]+)\/v1)\/?$/.exec(path);
  if (gv) {
    const group = gv[1] ?? '';
    const types = RESOURCE_TYPES.filter((r) => r.group === group);
    return send(res, 200, { kind: 'APIResourceList', groupVersion: group ? `${group}/v1` : 'v1', resources: types.map((r) => ({ name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames, categories: r.categories })) });
  }
  return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
}

/** Runs the real `kubectl <args>` against the facade. */
export async function realKubectlExplain(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const server = createServer((req, res) => route(new URL(req.url ?? '/', 'http://x').pathname, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-explain-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- name: k\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: k\n  context:\n    cluster: k\n    user: u\ncurrent-context: k\nusers:\n- name: u\n  user: {}\n`);
  try {
    return await new Promise((resolve) => {
      execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args], { maxBuffer: 1 << 24 }, (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }));
    });
  } finally {
    server.close();
  }
}
