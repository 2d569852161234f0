import { expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { networkOf } from '../../../src/cluster/network/index.js';
import type { Endpoints, EndpointSlice, Node, Service } from '../../../src/cluster/types.js';
import { createService } from '../helpers/objects.js';

test('a fresh cluster looks like kind: namespaces, three nodes, the kubernetes Service', () => {
  const c = new Cluster({ seed: 1 });
  expect(c.store.view('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
  const nodes = c.store.view<Node>('Node');
  expect(nodes.map((n) => [n.metadata.name, n.spec.podCIDR])).toEqual([
    ['kubelab-control-plane', '10.244.0.0/24'],
    ['kubelab-worker', '10.244.1.0/24'],
    ['kubelab-worker2', '10.244.2.0/24'],
  ]);
  expect(nodes[0].spec.taints).toEqual([{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]);
  expect((nodes[1].status.nodeInfo as Record<string, string>).kubeletVersion).toMatch(/^v1\.32\.\d+$/);
  expect((nodes[1].status.capacity as Record<string, string>).cpu).toBe('8');
  const svc = c.store.get<Service>('Service', 'default', 'kubernetes');
  expect(svc.spec).toMatchObject({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
  expect(c.store.get<Endpoints>('Endpoints', 'default', 'kubernetes').subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
  expect(c.store.get<EndpointSlice>('EndpointSlice', 'default', 'kubernetes').endpoints[0].addresses).toEqual(['172.18.0.2']);
  expect(networkOf(c).resolve('kubernetes.default')?.ip).toBe('10.96.0.1');
});

test('ClusterIPs: seeded, inside 10.96.0.0/12 above the static band, unique, released on delete', () => {
  const c = new Cluster({ seed: 42 });
  const ips = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const s = createService(c, `s${i}`, { app: `a${i}` });
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(s.spec.ipFamilies).toEqual(['IPv4']);
    expect(s.spec.ipFamilyPolicy).toBe('SingleStack');
    const [a, b, c3] = s.spec.clusterIP!.split('.').map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThanOrEqual(111);
    expect(b === 96 && c3 === 0).toBe(false);
    ips.add(s.spec.clusterIP!);
  }
  expect(ips.size).toBe(300);
  const again = new Cluster({ seed: 42 });
  expect(createService(again, 's0', { app: 'x' }).spec.clusterIP).toBe(c.store.get<Service>('Service', 'default', 's0').spec.clusterIP);
  const other = new Cluster({ seed: 43 });
  expect(createService(other, 's0', { app: 'x' }).spec.clusterIP).not.toBe(c.store.get<Service>('Service', 'default', 's0').spec.clusterIP);
});

test('a create that fails with AlreadyExists takes no address; a requested address in use is refused', () => {
  const c = new Cluster({ seed: 5 });
  createService(c, 'web', { app: 'web' });
  expect(() => createService(c, 'web', { app: 'web' })).toThrow(/already exists/);
  expect(() => c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'dup' }, spec: { clusterIP: '10.96.0.1', ports: [{ port: 80 }] } })).toThrow(/provided IP is already allocated/);
  const kept = c.store.get<Service>('Service', 'default', 'web').spec.clusterIP!;
  c.api.remove('Service', 'default', 'web');
  expect(() => c.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'reuse' }, spec: { clusterIP: kept, ports: [{ port: 80 }] } })).not.toThrow();
});
