/**
 * The Endpoints controller (`pkg/controller/endpoint/endpoints_controller.go syncService`,
 * still run in 1.32): for each Service with a selector, one Endpoints object of the same name
 * whose subsets hold the selected pods: ready ones in `addresses`, others in
 * `notReadyAddresses`, terminating and terminal pods left out, ports with the targetPort
 * resolved per pod (a pod without a named port is skipped for that port), repacked so pods
 * with the same ports share a subset, addresses sorted by IP. Labels follow the Service's
 * (+ `service.kubernetes.io/headless` when it has no ClusterIP); over 1000 addresses the
 * object is truncated and annotated. A Service without a selector is left alone, and so is
 * its existing Endpoints object (upstream behaviour, issues #91072 and #118376).
 */
import { sameJson } from '../store.js';
import type { EndpointAddress, Endpoints, Pod, Service } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';
import { TRIGGER_TIME_ANNOTATION, TriggerTimeTracker, compareBytes, findPort, isPodReady, shouldPodBeInEndpoints } from './endpoint-util.js';
import { ServicePodIndex, hasSelector, objectKey } from './service-pod-index.js';

/** `maxCapacity`: more addresses than this are truncated. */
export const ENDPOINTS_MAX_CAPACITY = 1000;

type Subset = NonNullable<Endpoints['subsets']>[number];
type EndpointPort = NonNullable<Subset['ports']>[number];

/** Computes the subsets for a Service and its selected pods (pure). */
export function computeSubsets(svc: Service, pods: Pod[]): Subset[] {
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: EndpointPort[]; addresses: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const address: EndpointAddress = {
      ip: pod.status!.podIP!,
      ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
      targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid! },
    };
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      ports.push({ ...(sp.name ? { name: sp.name } : {}), port, protocol: sp.protocol ?? 'TCP', ...((sp as { appProtocol?: string }).appProtocol ? { appProtocol: (sp as { appProtocol?: string }).appProtocol } : {}) });
    }
    if ((svc.spec.ports ?? []).length > 0 && ports.length === 0) continue;
    ports.sort((a, b) => compareBytes(a.name ?? '', b.name ?? '') || a.port - b.port);
    const sig = JSON.stringify(ports);
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports, addresses: [], notReady: [] }));
    (publishNotReady || isPodReady(pod) ? g.addresses : g.notReady).push(address);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => compareBytes(a.ip, b.ip) || compareBytes(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
  return [...groups.entries()]
    .sort((a, b) => compareBytes(a[0], b[0]))
    .map(([, g]) => ({
      ...(g.addresses.length ? { addresses: g.addresses.sort(byIp) } : {}),
      ...(g.notReady.length ? { notReadyAddresses: g.notReady.sort(byIp) } : {}),
      ports: g.ports,
    }));
}

/** `truncateEndpoints`: keeps ready addresses first, proportionally per subset; true if it cut. */
function truncate(subsets: Subset[]): boolean {
  const ready = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0), 0);
  const notReady = subsets.reduce((n, s) => n + (s.notReadyAddresses?.length ?? 0), 0);
  if (ready + notReady <= ENDPOINTS_MAX_CAPACITY) return false;
  const truncateReady = ready > ENDPOINTS_MAX_CAPACITY;
  const max = truncateReady ? ENDPOINTS_MAX_CAPACITY : ENDPOINTS_MAX_CAPACITY - ready;
  const total = truncateReady ? ready : notReady;
  let canBeAdded = max;
  for (const s of subsets) {
    const inSubset = truncateReady ? (s.addresses?.length ?? 0) : (s.notReadyAddresses?.length ?? 0);
    const add = Math.min(Math.ceil((inSubset / total) * max), canBeAdded);
    if (truncateReady) {
      s.addresses = s.addresses?.slice(0, add);
      delete s.notReadyAddresses;
      canBeAdded -= s.addresses?.length ?? 0;
    } else {
      s.notReadyAddresses = s.notReadyAddresses?.slice(0, add);
      canBeAdded -= s.notReadyAddresses?.length ?? 0;
    }
  }
  return true;
}

/** The Endpoints controller. */
export function createEndpointsController(ctx: ControllerContext): Controller {
  // onEndpointsDelete: a deleted Endpoints object queues its Service (same namespace and name).
  const index = new ServicePodIndex(ctx.store, (e) => (e.object.kind === 'Endpoints' ? objectKey(e.object.metadata.namespace, e.object.metadata.name!) : undefined));
  const tracker = new TriggerTimeTracker();

  const syncService = (key: string): boolean => {
    const slash = key.indexOf('/');
    const [ns, name] = [key.slice(0, slash), key.slice(slash + 1)];
    const svc = ctx.store.peek<Service>('Service', ns, name);
    if (!svc) {
      tracker.delete(key);
      const ep = ctx.store.peek<Endpoints>('Endpoints', ns, name);
      if (!ep) return false;
      ctx.api.remove('Endpoints', ns, name);
      return true;
    }
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc)) return false;
    const pods: Pod[] = [];
    for (const podKey of index.membersOf(key)) {
      const p = ctx.store.peek<Pod>('Pod', ns, podKey.slice(slash + 1));
      if (p) pods.push(p);
    }
    const trigger = tracker.compute(key, svc, pods);
    const subsets = computeSubsets(svc, pods);
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    const current = ctx.store.peek<Endpoints>('Endpoints', ns, name);
    const truncated = truncate(subsets);
    const overCapacityOk = truncated === (current?.metadata.annotations?.['endpoints.kubernetes.io/over-capacity'] === 'truncated');
    if (current && sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels) && overCapacityOk) return false;
    const annotations: Record<string, string> = { ...(current?.metadata.annotations ?? {}) };
    if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger;
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    if (truncated) annotations['endpoints.kubernetes.io/over-capacity'] = 'truncated';
    else delete annotations['endpoints.kubernetes.io/over-capacity'];
    const next: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { ...(current ? ctx.store.get<Endpoints>('Endpoints', ns, name).metadata : { name, namespace: ns }), labels, annotations },
      ...(subsets.length ? { subsets } : {}),
    };
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    if (current) ctx.store.update(next);
    else ctx.store.create(next);
    return true;
  };

  return {
    name: 'endpoints-controller',
    sync(): boolean {
      index.prime();
      if (index.dirty.size === 0) return false;
      const keys = [...index.dirty].sort();
      index.dirty.clear();
      let wrote = false;
      for (const key of keys) wrote = syncService(key) || wrote;
      return wrote;
    },
  };
}
