import { describe, expect, test } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.js';
import { tableFor } from '../../../src/cluster/tables/index.js';
import { configMapCells, endpointSliceCells, formatEndpoints, serviceCells } from '../../../src/cluster/tables/services.js';
import type { ConfigMap, Endpoints, EndpointSlice, Pod, Service } from '../../../src/cluster/types.js';
import { createPod, createService } from '../helpers/objects.js';

const NOW = Date.parse('2025-08-19T10:00:00Z');
const meta = { name: 'svc', namespace: 'default', creationTimestamp: '2025-08-19T09:58:00Z' };

function svc(spec: Partial<Service['spec']>, status?: Service['status']): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { type: 'ClusterIP', clusterIP: '10.96.0.10', clusterIPs: ['10.96.0.10'], ...spec }, ...(status ? { status } : {}) };
}

describe('printService', () => {
  test('ClusterIP: <none> external IP, 80/TCP, AGE, selector', () => {
    expect(serviceCells(svc({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], selector: { color: 'blue', app: 'web' } }), NOW)).toEqual(['svc', 'ClusterIP', '10.96.0.10', '<none>', '80/TCP', '2m', 'app=web,color=blue']);
  });

  test('NodePort prints port:nodePort/protocol, several ports comma-joined', () => {
    const s = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] });
    expect(serviceCells(s, NOW).slice(1, 5)).toEqual(['NodePort', '10.96.0.10', '<none>', '80:30080/TCP,53/UDP']);
  });

  test('LoadBalancer: <pending> until an ingress, then sorted unique IPs/hostnames, then externalIPs', () => {
    expect(serviceCells(svc({ type: 'LoadBalancer', ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] }, { loadBalancer: {} }), NOW)[3]).toBe('<pending>');
    const lb = svc({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [{ ip: '5.6.7.8' }, { hostname: 'lb.example.com' }, { ip: '1.2.3.4' }, { ip: '1.2.3.4' }] } });
    // The server prints with Wide: true, so the 16-character clipping never applies.
    expect(serviceCells(lb, NOW)[3]).toBe('1.2.3.4,5.6.7.8,lb.example.com');
    expect(serviceCells({ ...lb, spec: { ...lb.spec, externalIPs: ['9.9.9.9'] } }, NOW)[3]).toBe('1.2.3.4,5.6.7.8,lb.example.com,9.9.9.9');
  });

  test('ClusterIP with externalIPs; ExternalName; headless; no ports; no selector', () => {
    expect(serviceCells(svc({ externalIPs: ['1.1.1.1', '2.2.2.2'] }), NOW)[3]).toBe('1.1.1.1,2.2.2.2');
    const ext = serviceCells(svc({ type: 'ExternalName', externalName: 'example.com', clusterIP: undefined, clusterIPs: undefined }), NOW);
    expect(ext.slice(1, 5)).toEqual(['ExternalName', '<none>', 'example.com', '<none>']);
    expect(serviceCells(svc({ clusterIP: 'None', clusterIPs: ['None'] }), NOW)[2]).toBe('None');
    expect(serviceCells(svc({}), NOW)[6]).toBe('<none>');
  });
});

function ep(subsets: Endpoints['subsets']): Endpoints {
  return { apiVersion: 'v1', kind: 'Endpoints', metadata: meta, ...(subsets ? { subsets } : {}) };
}

describe('formatEndpoints', () => {
  const addrs = (...ips: string[]) => ips.map((ip) => ({ ip }));
  test.each([
    ['no subsets', undefined, '<none>'],
    ['one address', [{ addresses: addrs('10.244.1.2'), ports: [{ port: 80 }] }], '10.244.1.2:80'],
    ['exactly 3', [{ addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3'), ports: [{ port: 80 }] }], '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80'],
    ['4 addresses: + 1 more', [{ addresses: addrs('10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4'), ports: [{ port: 80 }] }], '10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 1 more...'],
    ['2 addresses × 2 ports count 4', [{ addresses: addrs('10.0.0.1', '10.0.0.2'), ports: [{ port: 80 }, { port: 443 }] }], '10.0.0.1:80,10.0.0.2:80,10.0.0.1:443 + 1 more...'],
    ['headless without ports: bare IPs', [{ addresses: addrs('10.0.0.1', '10.0.0.2') }], '10.0.0.1,10.0.0.2'],
    ['only not-ready addresses: empty', [{ notReadyAddresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }], ''],
    ['IPv6 in brackets', [{ addresses: addrs('fd00::1'), ports: [{ port: 80 }] }], '[fd00::1]:80'],
    ['two subsets', [{ addresses: addrs('10.0.0.1'), ports: [{ port: 80 }] }, { addresses: addrs('10.0.0.9', '10.0.0.8', '10.0.0.7'), ports: [{ port: 8080 }] }], '10.0.0.1:80,10.0.0.9:8080,10.0.0.8:8080 + 1 more...'],
  ])('%s', (_n, subsets, expected) => {
    expect(formatEndpoints(ep(subsets as Endpoints['subsets']))).toBe(expected);
  });
});

describe('printEndpointSlice', () => {
  const slice = (ports: EndpointSlice['ports'], n: number): EndpointSlice => ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { ...meta, name: 'svc-abcde' },
    addressType: 'IPv4',
    endpoints: Array.from({ length: n }, (_, i) => ({ addresses: [`10.0.0.${i + 1}`], conditions: { ready: i % 2 === 0 } })),
    ports,
  });
  test('ports, every address (ready or not) with + N more...', () => {
    expect(endpointSliceCells(slice([{ name: '', port: 80, protocol: 'TCP' }], 5), NOW)).toEqual(['svc-abcde', 'IPv4', '80', '10.0.0.1,10.0.0.2,10.0.0.3 + 2 more...', '2m']);
  });
  test('null ports and no endpoints are <unset>; an unnumbered port prints its name, or * without one', () => {
    expect(endpointSliceCells(slice(null, 0), NOW).slice(2, 4)).toEqual(['<unset>', '<unset>']);
    expect(endpointSliceCells(slice([{ name: 'http' }, {}, { port: 1 }, { port: 2 }], 1), NOW)[2]).toBe('http,*,1 + 1 more...');
  });
});

describe('printConfigMap', () => {
  test('DATA counts data and binaryData keys', () => {
    const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } };
    expect(configMapCells(cm, NOW)).toEqual(['svc', 3, '2m']);
    expect(configMapCells({ ...cm, data: undefined, binaryData: undefined }, NOW)[1]).toBe(0);
  });
});

describe('on the simulator', () => {
  test('a Service with 4 ready pods: endpoints + 1 more, slice with all four', () => {
    const c = new Cluster({ seed: 3 });
    createService(c, 'web', { app: 'web' }, 80, 8080);
    for (const n of ['a', 'b', 'c', 'd']) createPod(c, n, { labels: { app: 'web' } });
    c.advance(60_000);
    const now = c.clock.now();
    const ips = c.store.list<Pod>('Pod', 'default').map((p) => p.status!.podIP!);
    const [epRow] = tableFor('Endpoints', [c.store.get<Endpoints>('Endpoints', 'default', 'web')], now).rows;
    expect(epRow.cells[1]).toMatch(/^(10\.244\.\d+\.\d+:8080,){2}10\.244\.\d+\.\d+:8080 \+ 1 more\.\.\.$/);
    const slices = c.store.list<EndpointSlice>('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    const sliceRow = tableFor('EndpointSlice', slices, now).rows[0].cells;
    expect(sliceRow[1]).toBe('IPv4');
    expect(sliceRow[2]).toBe('8080');
    expect(String(sliceRow[3]).split(' + ')[0].split(',').every((ip) => ips.includes(ip))).toBe(true);
    const svcRows = tableFor('Service', c.store.list<Service>('Service', 'default'), now).rows.map((r) => r.cells);
    expect(svcRows[0]).toEqual(['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '60s', '<none>']);
    expect(svcRows[1].slice(3)).toEqual(['<none>', '80/TCP', '60s', 'app=web']);
  });
});
