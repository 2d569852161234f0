/**
 * A throw-away Kubernetes API facade over a kubelab cluster snapshot, so the real kubectl
 * v1.32 can describe the same objects (see ../shared/notes/kubectl-api-needs.md). Used only
 * to record fixtures (KUBELAB_RECORD_REAL_KUBECTL=1); never in CI.
 *
 * Time: kubectl computes ages from the wall clock, so every timestamp is served shifted by
 * (wall now − virtual now), and the dates in kubectl's output are shifted back afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cluster } from '../../../src/cluster/cluster.js';
import { RESOURCE_TYPES } from '../../../src/cluster/resources.js';
import type { KubeObject } from '../../../src/cluster/types.js';
import { parseLabelSelector } from '../../../src/kubectl/describe/label-selector.js';
import { rfc1123z } from '../../../src/kubectl/describe/format.js';
import { simulatedLease } from '../../../src/kubectl/describe/node.js';
import { tableFor } from '../../../src/cluster/tables/index.js';

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

function shiftTimes(value: unknown, deltaMs: number): unknown {
  if (typeof value === 'string' && RFC3339.test(value)) return new Date(Date.parse(value) + deltaMs).toISOString().replace('.000Z', 'Z');
  if (Array.isArray(value)) return value.map((v) => shiftTimes(v, deltaMs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shiftTimes(v, deltaMs)]));
  return value;
}

function fieldValue(obj: Record<string, unknown>, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return cur === undefined || cur === null ? '' : String(cur);
}

/** Runs `kubectl <args>` (the real one) against a snapshot of `cluster`; returns its stdout and stderr with virtual dates. */
export async function realKubectl(cluster: Cluster, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const virtualNow = cluster.clock.now();
  // The recorder needs the wall clock, as kubectl reads it: start at the top of a second so
  // the whole run stays within it and ages truncate as they would at the virtual instant.
  while (Date.now() % 1000 > 50) await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000)));
  const delta = Math.floor(Date.now() / 1000) * 1000 - virtualNow;
  const objects = cluster.store.dump().map((o) => shiftTimes(o, delta) as KubeObject);
  for (const n of cluster.store.list('Node')) {
    const lease = simulatedLease(n as never, virtualNow);
    const renew = new Date(Date.parse(lease.renewTime!) + delta).toISOString().replace('Z', '000Z');
    objects.push({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: n.metadata.name, namespace: 'kube-node-lease' }, spec: { holderIdentity: lease.holderIdentity, renewTime: renew } } as KubeObject);
  }
  const server = createServer((req, res) => serve(req, res, objects, virtualNow + delta));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-real-'));
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\nclusters:\n- name: k\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: k\n  context:\n    cluster: k\n    user: u\ncurrent-context: k\nusers:\n- name: u\n  user: {}\n`);
  try {
    const result = await new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
      execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', join(dir, 'cache'), ...args], (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }));
    });
    const unshift = (s: string) =>
      s
        .replace(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000/g, (m) => rfc1123z(new Date(Date.parse(m) - delta).toISOString()))
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, (m) => new Date(Date.parse(m) - delta).toISOString().replace('.000Z', 'Z'));
    return { stdout: unshift(result.stdout), stderr: unshift(result.stderr), code: result.code };
  } finally {
    server.close();
  }
}

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The server-side Table for `kubectl get` (Accept: as=Table), rows carrying PartialObjectMetadata. */
function asTable(kind: string, items: KubeObject[], nowMs: number): unknown {
  const table = tableFor(kind, items, nowMs);
  return {
    ...table,
    metadata: { resourceVersion: '1000' },
    rows: table.rows.map((r) => ({ cells: r.cells, object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: r.object.metadata } })),
  };
}

function serve(req: IncomingMessage, res: ServerResponse, objects: KubeObject[], nowMs: number): void {
  const wantsTable = (req.headers.accept ?? '').includes('as=Table');
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname;
  if (path === '/version') return send(res, 200, { major: '1', minor: '32', gitVersion: 'v1.32.2', platform: 'linux/amd64' });
  if (path === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1:6443' }] });
  const groups = [...new Set(RESOURCE_TYPES.filter((r) => r.group).map((r) => r.group)), 'coordination.k8s.io'];
  if (path === '/apis') {
    return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => ({ name: g, versions: [{ groupVersion: `${g}/v1`, version: 'v1' }], preferredVersion: { groupVersion: `${g}/v1`, version: 'v1' } })) });
  }
  const gv = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(\/.*)?$/.exec(path);
  if (!gv) return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
  const group = gv[1] ?? '';
  const rest = gv[2] ?? '';
  const types = [...RESOURCE_TYPES.filter((r) => r.group === group)];
  // A real cluster serves these (always empty here); `describe namespace` lists them.
  if (group === '') {
    for (const [kind, plural] of [['ResourceQuota', 'resourcequotas'], ['LimitRange', 'limitranges']]) {
      types.push({ kind, plural, singular: kind.toLowerCase(), group: '', version: 'v1', namespaced: true, shortNames: [], categories: [], verbs: ['get', 'list'], hasGeneration: false });
    }
  }
  const leaseType = { kind: 'Lease', plural: 'leases', singular: 'lease', group: 'coordination.k8s.io', version: 'v1', namespaced: true, shortNames: [], categories: [], verbs: ['get', 'list'], hasGeneration: false };
  if (group === 'coordination.k8s.io') types.push(leaseType);
  if (rest === '' || rest === '/') {
    return send(res, 200, {
      kind: 'APIResourceList',
      groupVersion: group ? `${group}/v1` : 'v1',
      resources: types.map((r) => ({ name: r.plural, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames, categories: r.categories })),
    });
  }
  const m = /^(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/.exec(rest);
  const type = m && types.find((r) => r.plural === m[2]);
  if (!m || !type) return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 });
  const [, ns, , name] = m;
  const apiVersion = group ? `${group}/v1` : 'v1';
  let items = objects.filter((o) => o.kind === type.kind && (!ns || !type.namespaced || o.metadata.namespace === ns)).map((o) => ({ ...o, apiVersion, kind: type.kind }));
  if (name) {
    const found = items.find((o) => o.metadata.name === name);
    if (found) return send(res, 200, wantsTable ? asTable(type.kind, [found], nowMs) : found);
    const q = group ? `${type.plural}.${group}` : type.plural;
    return send(res, 404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${q} "${name}" not found`, reason: 'NotFound', details: { name, group, kind: type.plural }, code: 404 });
  }
  const labelSelector = url.searchParams.get('labelSelector');
  if (labelSelector) {
    const pred = parseLabelSelector(labelSelector);
    items = items.filter((o) => pred(o.metadata.labels ?? {}));
  }
  for (const term of (url.searchParams.get('fieldSelector') ?? '').split(',').filter(Boolean)) {
    const fm = /^([^!=]+)(!=|==|=)(.*)$/.exec(term)!;
    items = items.filter((o) => (fieldValue(o as never, fm[1]) === fm[3]) === (fm[2] !== '!='));
  }
  if (wantsTable) return send(res, 200, asTable(type.kind, items, nowMs));
  return send(res, 200, { kind: `${type.kind}List`, apiVersion, metadata: { resourceVersion: '1000' }, items });
}
