/**
 * Service, Endpoints, EndpointSlice and ConfigMap printers (printers.go `printService` with
 * `getServiceExternalIP` and `makePortString`, `printEndpoints` with `formatEndpoints`,
 * `printEndpointSlice` with `formatDiscoveryPorts`/`formatDiscoveryEndpoints`, `printConfigMap`).
 */
import type { ConfigMap, Endpoints, EndpointSlice, Service, ServicePort } from '../types.js';
import { AGE_COLUMN, NAME_COLUMN, column, formatLabels, listWithMoreString, translateTimestampSince, wideColumn } from './columns.js';
import type { TableCell, TableColumn } from './table.js';

/** serviceColumnDefinitions. */
export const SERVICE_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer.'),
  column('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
  column('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.'),
  column('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
  AGE_COLUMN,
  wideColumn('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector.'),
];

interface LoadBalancerIngress {
  ip?: string;
  hostname?: string;
}

/** loadBalancerStatusStringer with wide=true (the server never clips): sorted unique IPs/hostnames. */
function loadBalancerString(svc: Service): string {
  const ingress = ((svc.status?.loadBalancer as { ingress?: LoadBalancerIngress[] } | undefined)?.ingress) ?? [];
  const set = new Set<string>();
  for (const i of ingress) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

/** getServiceExternalIP: `<none>` for ClusterIP/NodePort without externalIPs, `<pending>` for an unserved LoadBalancer. */
export function serviceExternalIP(svc: Service): string {
  const externalIPs = (svc.spec.externalIPs as string[] | undefined) ?? [];
  switch (svc.spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerString(svc);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return (svc.spec.externalName as string | undefined) ?? '';
  }
  return '<unknown>';
}

/** makePortString: `80/TCP`, or `80:30080/TCP` with a node port, comma-joined. */
export function makePortString(ports: ServicePort[] | undefined): string {
  // The API server defaults protocol to TCP; the fallback covers hand-made objects only.
  return (ports ?? []).map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

/** printService cells: name, type, cluster IP, external IP, ports, age, selector. */
export function serviceCells(svc: Service, nowMs: number): TableCell[] {
  const clusterIP = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '';
  return [
    svc.metadata.name ?? '',
    svc.spec.type ?? '',
    clusterIP || '<none>',
    serviceExternalIP(svc),
    makePortString(svc.spec.ports) || '<none>',
    translateTimestampSince(svc.metadata.creationTimestamp, nowMs),
    formatLabels(svc.spec.selector),
  ];
}

/** endpointColumnDefinitions. */
export const ENDPOINTS_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'),
  AGE_COLUMN,
];

/** net.JoinHostPort: IPv6 hosts in brackets. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpoints (all ports): ready addresses only, `ip:port` per port, at most 3, then
 * ` + N more...` (5 addresses × 1 port → `a:80,b:80,c:80 + 2 more...`); `<none>` without subsets,
 * and an empty string when the subsets hold only not-ready addresses.
 */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, port.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** printEndpoints cells. */
export function endpointsCells(ep: Endpoints, nowMs: number): TableCell[] {
  return [ep.metadata.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata.creationTimestamp, nowMs)];
}

/** endpointSliceColumnDefinitions. */
export const ENDPOINTSLICE_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type.'),
  column('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
  column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
  AGE_COLUMN,
];

/** printEndpointSlice cells: ports as numbers (name when unnumbered, `*` when neither), every address (ready or not). */
export function endpointSliceCells(slice: EndpointSlice, nowMs: number): TableCell[] {
  const ports = (slice.ports ?? []).map((p) => (p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*'));
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
  return [
    slice.metadata.name ?? '',
    slice.addressType ?? '',
    listWithMoreString(ports),
    listWithMoreString(addresses),
    translateTimestampSince(slice.metadata.creationTimestamp, nowMs),
  ];
}

/** configMapColumnDefinitions. */
export const CONFIGMAP_COLUMNS: TableColumn[] = [
  NAME_COLUMN,
  column('Data', 'string', 'Data contains the configuration data.'),
  AGE_COLUMN,
];

/** printConfigMap cells: DATA counts `data` and `binaryData` keys. */
export function configMapCells(cm: ConfigMap, nowMs: number): TableCell[] {
  const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return [cm.metadata.name ?? '', count, translateTimestampSince(cm.metadata.creationTimestamp, nowMs)];
}
