import { describe, expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { formatLabelSelector, labelSelectorString } from '../../../src/cluster/tables/columns.js';
import { eventCells } from '../../../src/cluster/tables/events.js';
import { tableFor } from '../../../src/cluster/tables/index.js';
import { nodeCells } from '../../../src/cluster/tables/nodes-namespaces.js';
import { deploymentCells, replicaSetCells } from '../../../src/cluster/tables/workloads.js';
import type { Deployment, KubeEvent, KubeObject, Node, ReplicaSet } from '../../../src/cluster/types.js';
import { apply } from '../workloads/workload-helpers.js';

const NOW = Date.parse('2025-08-19T10:00:00Z');
const ago = (s: number) => new Date(NOW - s * 1000).toISOString().replace('.000Z', 'Z');

function node(name: string, status: Record<string, unknown>, extra: { labels?: Record<string, string>; unschedulable?: boolean } = {}): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, ...(extra.labels ? { labels: extra.labels } : {}) }, spec: extra.unschedulable ? { unschedulable: true } : {}, status };
}

// Expected rows copied from printers_test.go TestPrintNodeStatus / TestPrintNodeRole /
// TestPrintNodeOSImage (first five cells; the wide ones where that test asked for them).
describe('printNode', () => {
  const ready = (s: string) => ({ conditions: [{ type: 'Ready', status: s }] });
  test.each([
    ['foo1', node('foo1', ready('True')), ['foo1', 'Ready', '<none>', '<unknown>', '']],
    ['foo2', node('foo2', ready('True'), { unschedulable: true }), ['foo2', 'Ready,SchedulingDisabled', '<none>', '<unknown>', '']],
    ['foo3', node('foo3', { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'True' }] }), ['foo3', 'Ready', '<none>', '<unknown>', '']],
    ['foo4', node('foo4', ready('False')), ['foo4', 'NotReady', '<none>', '<unknown>', '']],
    ['foo5', node('foo5', ready('False'), { unschedulable: true }), ['foo5', 'NotReady,SchedulingDisabled', '<none>', '<unknown>', '']],
    ['foo6', node('foo6', { conditions: [{ type: 'InvalidValue', status: 'True' }] }), ['foo6', 'Unknown', '<none>', '<unknown>', '']],
    ['foo8', node('foo8', { conditions: [{ type: 'InvalidValue', status: 'True' }] }, { unschedulable: true }), ['foo8', 'Unknown,SchedulingDisabled', '<none>', '<unknown>', '']],
    ['foo10', node('foo10', {}, { labels: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/proxy': '', 'kubernetes.io/role': 'node' } }), ['foo10', 'Unknown', 'master,node,proxy', '<unknown>', '']],
    ['foo11', node('foo11', {}, { labels: { 'kubernetes.io/role': 'node' } }), ['foo11', 'Unknown', 'node', '<unknown>', '']],
  ])('%s', (_n, n, expected) => {
    expect(nodeCells(n, NOW).slice(0, 5)).toEqual(expected);
  });

  test('wide: first InternalIP/ExternalIP, <unknown> for missing node info (TestPrintNodeOSImage)', () => {
    const n = node('foo1', { nodeInfo: { osImage: 'fake-os-image' }, addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }] });
    expect(nodeCells(n, NOW)).toEqual(['foo1', 'Unknown', '<none>', '<unknown>', '', '<none>', '1.1.1.1', 'fake-os-image', '<unknown>', '<unknown>']);
  });

  test('the bootstrapped kind-like nodes', () => {
    const c = new Cluster({ seed: 1 });
    c.advance(90_000);
    const rows = tableFor('Node', c.store.list<Node>('Node'), c.clock.now()).rows.map((r) => r.cells);
    expect(rows[0]).toEqual(['kubelab-control-plane', 'Ready', 'control-plane', '90s', 'v1.32.2', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.8.0-79-generic', 'containerd://2.0.2']);
    expect(rows[1].slice(0, 6)).toEqual(['kubelab-worker', 'Ready', '<none>', '90s', 'v1.32.2', '172.18.0.3']);
    const ns = tableFor('Namespace', c.store.list('Namespace'), c.clock.now()).rows.map((r) => r.cells);
    expect(ns[0]).toEqual(['default', 'Active', '90s']);
  });
});

describe('printEvent', () => {
  const ev = (over: Partial<KubeEvent>): KubeEvent => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: 'web.185d1f7103cea000', namespace: 'default' },
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default', uid: 'u', fieldPath: 'spec.containers{nginx}' },
    reason: 'BackOff',
    message: ' Back-off pulling image "x"\n',
    source: { component: 'kubelet', host: 'kubelab-worker' },
    firstTimestamp: ago(300),
    lastTimestamp: ago(20),
    count: 7,
    type: 'Warning',
    ...over,
  });

  test('LAST SEEN, TYPE, REASON, OBJECT, SUBOBJECT, SOURCE, MESSAGE (trimmed), FIRST SEEN, COUNT, NAME', () => {
    expect(eventCells(ev({}), NOW)).toEqual(['20s', 'Warning', 'BackOff', 'pod/web', 'spec.containers{nginx}', 'kubelet, kubelab-worker', 'Back-off pulling image "x"', '5m', 7, 'web.185d1f7103cea000']);
  });

  test('new-API fallbacks: eventTime for first seen, first seen for last seen, count 0 → 1, series, reporting controller', () => {
    const e = ev({ firstTimestamp: '', lastTimestamp: '', count: 0, eventTime: ago(45), source: { component: '' }, reportingController: 'deployment-controller' } as Partial<KubeEvent>);
    expect(eventCells(e, NOW)).toEqual(['45s', 'Warning', 'BackOff', 'pod/web', 'spec.containers{nginx}', 'deployment-controller', 'Back-off pulling image "x"', '45s', 1, 'web.185d1f7103cea000']);
    const s = ev({ series: { count: 12, lastObservedTime: ago(3) } } as Partial<KubeEvent>);
    expect(eventCells(s, NOW).slice(0, 1)).toEqual(['3s']);
    expect(eventCells(s, NOW)[8]).toBe(12);
  });

  test('an involved object without a name prints the kind alone; the column order is v1.32 (wide interleaved)', () => {
    expect(eventCells(ev({ involvedObject: { kind: 'Node', name: '', uid: '' } }), NOW)[3]).toBe('node');
    expect(tableFor('Event', [], NOW).columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ]);
  });
});

describe('printDeployment and printReplicaSet', () => {
  test('on the seed stable deployment: READY n/n, integers, wide containers/images/selector', () => {
    const c = new Cluster({ seed: 5 });
    apply(c, 'stable-env.yaml');
    c.advance(120_000);
    const now = c.clock.now();
    const d = c.store.list<Deployment>('Deployment', 'default')[0];
    const desired = d.spec.replicas!;
    const row = tableFor('Deployment', [d], now).rows[0].cells;
    expect(row).toEqual([d.metadata.name, `${desired}/${desired}`, desired, desired, '2m', 'nginx', d.spec.template.spec.containers[0].image, 'app=nginx']);
    const rs = c.store.list<ReplicaSet>('ReplicaSet', 'default')[0];
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(tableFor('ReplicaSet', [rs], now).rows[0].cells).toEqual([rs.metadata.name, desired, desired, desired, '2m', 'nginx', d.spec.template.spec.containers[0].image, `app=nginx,pod-template-hash=${hash}`]);
  });

  test('selectors: expressions sorted by key, In values sorted; empty → "" for Deployment, <none> for ReplicaSet', () => {
    const sel = { matchLabels: { tier: 'web' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }, { key: 'zone', operator: 'DoesNotExist' }, { key: 'app', operator: 'Exists' }] };
    expect(labelSelectorString(sel)).toBe('app,env in (dev,prod),tier=web,!zone');
    expect(formatLabelSelector({})).toBe('<none>');
    const template = { spec: { containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'busybox' }] } };
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: 3, selector: {}, template } } as Deployment;
    expect(deploymentCells(d, NOW)).toEqual(['d', '0/3', 0, 0, '<unknown>', 'a,b', 'nginx:1,busybox', '']);
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { replicas: 0, selector: {}, template } } as ReplicaSet;
    expect(replicaSetCells(rs, NOW)).toEqual(['r', 0, 0, 0, '<unknown>', 'a,b', 'nginx:1,busybox', '<none>']);
  });
});

describe('tableFor', () => {
  test('all columns of priority 0 and 1, as the server names them, one row per object in order', () => {
    const t = tableFor('Pod', [], NOW);
    expect(t.kind).toBe('Table');
    expect(t.apiVersion).toBe('meta.k8s.io/v1');
    expect(t.columnDefinitions.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0], ['Ready', 'string', '', 0], ['Status', 'string', '', 0], ['Restarts', 'string', '', 0], ['Age', 'string', '', 0],
      ['IP', 'string', '', 1], ['Node', 'string', '', 1], ['Nominated Node', 'string', '', 1], ['Readiness Gates', 'string', '', 1],
    ]);
    const names = (k: string) => tableFor(k, [], NOW).columnDefinitions.map((c) => c.name);
    expect(names('Deployment')).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector']);
    expect(names('ReplicaSet')).toEqual(['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers', 'Images', 'Selector']);
    expect(names('Service')).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']);
    expect(names('Endpoints')).toEqual(['Name', 'Endpoints', 'Age']);
    expect(names('EndpointSlice')).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
    expect(names('ConfigMap')).toEqual(['Name', 'Data', 'Age']);
    expect(names('Node')).toEqual(['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
    expect(names('Namespace')).toEqual(['Name', 'Status', 'Age']);
  });

  test('rows keep the given order and carry the object; every row is as wide as the columns', () => {
    const c = new Cluster({ seed: 1 });
    const objs = c.store.list<KubeObject>('Namespace').reverse();
    const t = tableFor('Namespace', objs, c.clock.now());
    expect(t.rows.map((r) => r.object)).toEqual(objs);
    for (const kind of ['Node', 'Namespace', 'ConfigMap', 'Service', 'Endpoints', 'EndpointSlice']) {
      const tb = tableFor(kind, c.store.list<KubeObject>(kind), c.clock.now());
      for (const r of tb.rows) expect(r.cells.length).toBe(tb.columnDefinitions.length);
    }
  });

  test('the default convertor: Name and Created At (RFC3339 UTC, not an age)', () => {
    const obj: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', creationTimestamp: '2025-08-19T09:00:00Z' } };
    const t = tableFor('Secret', [obj], NOW);
    expect(t.columnDefinitions.map((c) => [c.name, c.type, c.format])).toEqual([['Name', 'string', 'name'], ['Created At', 'date', '']]);
    expect(t.rows[0].cells).toEqual(['s', '2025-08-19T09:00:00Z']);
  });
});
