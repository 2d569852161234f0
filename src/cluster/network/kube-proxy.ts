/**
 * kube-proxy in iptables mode (`pkg/proxy/iptables/proxier.go writeServiceToEndpointRules`):
 * for n endpoints the service chain has n rules; rule i (0-based, i < n-1) matches with
 * `-m statistic --mode random --probability 1/(n-i)` and the last one always. Each new
 * connection walks the chain, so every endpoint gets 1/n of connections, independently per
 * connection. Endpoints come from EndpointSlices: ready ones, or, if none is ready, the
 * serving terminating ones (ProxyTerminatingEndpoints, GA in 1.28).
 */
import type { Rng } from '../rng.js';
import type { Store } from '../store.js';
import type { EndpointSlice, Service, ServicePort } from '../types.js';

/** One backend of a service port. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  targetRef?: { kind: string; namespace?: string; name: string; uid: string };
}

/** The endpoints kube-proxy programs for one service port, sorted as its chain lists them. */
export function serviceEndpoints(store: Store, svc: Service, port: ServicePort): ProxyEndpoint[] {
  const ready: ProxyEndpoint[] = [];
  const servingTerminating: ProxyEndpoint[] = [];
  const ns = svc.metadata.namespace;
  for (const slice of store.view<EndpointSlice>('EndpointSlice', ns)) {
    if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
    const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === (port.name ?? '') && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
    if (!slicePort?.port) continue;
    for (const ep of slice.endpoints ?? []) {
      const c = ep.conditions ?? {};
      const target = { ip: ep.addresses[0], port: slicePort.port, nodeName: ep.nodeName, targetRef: ep.targetRef };
      // A nil `ready` means ready (EndpointSlice API contract).
      if (c.ready !== false) ready.push(target);
      else if (c.serving === true && c.terminating === true) servingTerminating.push(target);
    }
  }
  const chosen = ready.length > 0 ? ready : servingTerminating;
  return chosen.sort((a, b) => compareStrings(`${a.ip}:${a.port}`, `${b.ip}:${b.port}`));
}

/** Walks the statistic-mode chain once: returns the index of the endpoint that takes the connection. */
export function pickEndpointIndex(rng: Rng, n: number): number {
  const chain = chainProbabilities(n);
  for (let i = 0; i < n - 1; i++) {
    if (rng.next() < chain[i]) return i;
  }
  return n - 1;
}

const CHAINS = new Map<number, number[]>();

/** Rule i's probability for n endpoints: fmt.Sprintf("%0.10f", 1.0/float64(n-i)), computed once per n. */
function chainProbabilities(n: number): number[] {
  let chain = CHAINS.get(n);
  if (!chain) {
    chain = [];
    for (let i = 0; i < n - 1; i++) chain.push(Number((1 / (n - i)).toFixed(10)));
    CHAINS.set(n, chain);
  }
  return chain;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
