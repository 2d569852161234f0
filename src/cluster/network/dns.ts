/**
 * Cluster DNS (CoreDNS `kubernetes` plugin) as a pod sees it: resolv.conf has
 * `search <ns>.svc.cluster.local svc.cluster.local cluster.local` and `options ndots:5`, so a
 * name with fewer than 5 dots is tried with each search suffix first, then as is.
 * Services resolve to their ClusterIP (headless ones to their ready pod IPs); pod records
 * `a-b-c-d.<ns>.pod.cluster.local` resolve to the pod IP.
 */
import type { Store } from '../store.js';
import type { EndpointSlice, Service } from '../types.js';

/** The cluster domain of kubeadm and kind. */
export const CLUSTER_DOMAIN = 'cluster.local';

/** A DNS answer. */
export interface DnsAnswer {
  /** The first address of the answer. */
  ip: string;
  /** Every address of the answer (headless Services give several). */
  ips: string[];
  /** The fully qualified name that matched, without the trailing dot. */
  fqdn: string;
  /** What the name belongs to. */
  target: { kind: 'Service' | 'Pod' | 'IP'; namespace?: string; name?: string };
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** The names a resolver tries for `name` from a pod in `namespace`, in order. */
export function searchCandidates(name: string, namespace: string): string[] {
  const absolute = name.endsWith('.');
  const bare = name.replace(/\.$/, '').toLowerCase();
  if (absolute) return [bare];
  const search = [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
  const dots = bare.split('.').length - 1;
  const withSearch = search.map((s) => `${bare}.${s}`);
  return dots >= 5 ? [bare, ...withSearch] : [...withSearch, bare];
}

/** Answers one fully qualified name from the store, or undefined (NXDOMAIN). */
export function lookupFqdn(store: Store, fqdn: string): DnsAnswer | undefined {
  const suffix = `.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length === 3 && labels[2] === 'svc') {
    const [name, namespace] = labels;
    const svc = store.peek<Service>('Service', namespace, name);
    if (!svc) return undefined;
    const clusterIP = svc.spec?.clusterIP;
    if (clusterIP && clusterIP !== 'None') {
      return { ip: clusterIP, ips: [clusterIP], fqdn, target: { kind: 'Service', namespace, name } };
    }
    const ips = headlessAddresses(store, namespace, name);
    if (ips.length === 0) return undefined;
    return { ip: ips[0], ips, fqdn, target: { kind: 'Service', namespace, name } };
  }
  if (labels.length === 3 && labels[2] === 'pod') {
    const ip = labels[0].replace(/-/g, '.');
    if (!IPV4.test(ip)) return undefined;
    return { ip, ips: [ip], fqdn, target: { kind: 'Pod', namespace: labels[1] } };
  }
  return undefined;
}

/** Resolves what a program in a pod of `namespace` asked for: a name or an IP literal. */
export function resolveName(store: Store, name: string, namespace: string): DnsAnswer | undefined {
  if (IPV4.test(name)) return { ip: name, ips: [name], fqdn: name, target: { kind: 'IP' } };
  for (const candidate of searchCandidates(name, namespace)) {
    const answer = lookupFqdn(store, candidate);
    if (answer) return answer;
  }
  return undefined;
}

function headlessAddresses(store: Store, namespace: string, service: string): string[] {
  const ips: string[] = [];
  for (const slice of store.view<EndpointSlice>('EndpointSlice', namespace)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== service) continue;
    for (const ep of slice.endpoints ?? []) if (ep.conditions?.ready !== false) ips.push(...ep.addresses);
  }
  return ips.sort();
}
