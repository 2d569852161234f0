/**
 * The EndpointSlice controller (`pkg/controller/endpointslice`, reconciler from
 * `staging/src/k8s.io/endpointslice/reconciler.go`): for each Service with a selector, IPv4
 * slices named `<svc>-<5 chars>` (generateName), labelled `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io`, owned by the
 * Service. Endpoints are the selected pods with an IP that are not terminal, terminating ones
 * included: `serving` = pod Ready, `terminating` = deletionTimestamp set, `ready` = serving
 * and not terminating. One slice set per resolved port set, at most 100 endpoints a slice;
 * existing slices keep their endpoints and names (create+delete pairs become updates, as
 * the reconciler's finalize does); with no endpoints one placeholder slice remains, its ports
 * and endpoints empty. Services without a selector are left alone.
 */
import { sameJson } from '../store.js';
import type { EndpointSlice, Pod, Service } from '../types.js';
import type { Controller, ControllerContext } from './controller.js';
import { TRIGGER_TIME_ANNOTATION, TriggerTimeTracker, findPort, isPodReady, shouldPodBeInEndpoints } from './endpoint-util.js';
import { ServicePodIndex, hasSelector, objectKey } from './service-pod-index.js';

/** `--max-endpoints-per-slice` default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;
/** The managed-by label value of this controller. */
export const ENDPOINTSLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

type SliceEndpoint = EndpointSlice['endpoints'][number];
type SlicePort = NonNullable<EndpointSlice['ports']>[number];

/** The endpoint of one pod (pure). */
export function podEndpoint(svc: Service, pod: Pod): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  return {
    addresses: [pod.status!.podIP!],
    conditions: { ready: svc.spec.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name!, uid: pod.metadata.uid! },
  };
}

/** The desired endpoints grouped by resolved port set (pure). */
export function desiredGroups(svc: Service, pods: Pod[]): Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }> {
  const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports: SlicePort[] = [];
    for (const sp of svc.spec.ports ?? []) {
      const port = findPort(pod, sp);
      if (port !== undefined) ports.push({ name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' });
    }
    const sig = JSON.stringify(ports);
    let g = groups.get(sig);
    if (!g) groups.set(sig, (g = { ports, endpoints: [] }));
    g.endpoints.push(podEndpoint(svc, pod));
  }
  return groups;
}

/** The EndpointSlice controller. */
export function createEndpointSliceController(ctx: ControllerContext): Controller {
  // onEndpointSliceDelete: a deleted slice this controller manages queues its Service.
  const index = new ServicePodIndex(ctx.store, (e) => {
    const labels = e.object.kind === 'EndpointSlice' ? e.object.metadata.labels : undefined;
    const service = labels?.['kubernetes.io/service-name'];
    return service && labels?.['endpointslice.kubernetes.io/managed-by'] === ENDPOINTSLICE_CONTROLLER ? objectKey(e.object.metadata.namespace, service) : undefined;
  });
  const tracker = new TriggerTimeTracker();

  const managedSlices = (svc: { namespace: string; name: string }) =>
    ctx.store
      .view<EndpointSlice>('EndpointSlice', svc.namespace)
      .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.name && s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === ENDPOINTSLICE_CONTROLLER);

  const syncService = (key: string): boolean => {
    const slash = key.indexOf('/');
    const [ns, name] = [key.slice(0, slash), key.slice(slash + 1)];
    const svc = ctx.store.peek<Service>('Service', ns, name);
    const existing = managedSlices({ namespace: ns, name });
    if (!svc) {
      tracker.delete(key);
      for (const s of existing) ctx.api.remove('EndpointSlice', ns, s.metadata.name!);
      return existing.length > 0;
    }
    if (svc.spec?.type === 'ExternalName' || !hasSelector(svc)) return false;
    const pods: Pod[] = [];
    for (const podKey of [...index.membersOf(key)].sort()) {
      const p = ctx.store.peek<Pod>('Pod', ns, podKey.slice(slash + 1));
      if (p) pods.push(p);
    }
    const trigger = tracker.compute(key, svc, pods);
    const groups = desiredGroups(svc, pods);

    // Plan: each slice keeps the endpoints it has that are still desired (refreshed).
    const planned = new Map<string, { ports: SlicePort[] | null; endpoints: SliceEndpoint[] }>();
    const placed = new Set<string>();
    const free: EndpointSlice[] = [];
    for (const slice of existing) {
      const sig = JSON.stringify(slice.ports ?? []);
      const g = groups.get(sig);
      if (!g) {
        free.push(slice);
        continue;
      }
      const want = new Map(g.endpoints.map((e) => [e.targetRef!.uid, e]));
      const kept = (slice.endpoints ?? []).flatMap((e) => {
        const uid = e.targetRef?.uid ?? '';
        const d = want.get(uid);
        if (!d || placed.has(uid)) return [];
        placed.add(uid);
        return [d];
      });
      planned.set(slice.metadata.name!, { ports: slice.ports ?? null, endpoints: kept });
    }
    const toCreate: { ports: SlicePort[] | null; endpoints: SliceEndpoint[] }[] = [];
    for (const [sig, g] of groups) {
      const pending = g.endpoints.filter((e) => !placed.has(e.targetRef!.uid));
      for (const slice of existing) {
        const plan = planned.get(slice.metadata.name!);
        if (!plan || JSON.stringify(plan.ports ?? []) !== sig) continue;
        while (pending.length && plan.endpoints.length < MAX_ENDPOINTS_PER_SLICE) plan.endpoints.push(pending.shift()!);
      }
      while (pending.length) toCreate.push({ ports: g.ports, endpoints: pending.splice(0, MAX_ENDPOINTS_PER_SLICE) });
    }
    // Slices left empty are deleted, unless a new slice can take their name (finalize).
    for (const slice of existing) {
      const plan = planned.get(slice.metadata.name!);
      if (plan && plan.endpoints.length === 0) {
        planned.delete(slice.metadata.name!);
        free.push(slice);
      }
    }
    if (planned.size === 0 && toCreate.length === 0) toCreate.push({ ports: null, endpoints: [] });
    free.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    for (const create of [...toCreate]) {
      const reuse = free.shift();
      if (!reuse) break;
      planned.set(reuse.metadata.name!, create);
      toCreate.splice(toCreate.indexOf(create), 1);
    }

    let wrote = false;
    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': ENDPOINTSLICE_CONTROLLER, 'kubernetes.io/service-name': name };
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    const owner = { apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true };
    const annotate = (a: Record<string, string>) => {
      if (trigger) a[TRIGGER_TIME_ANNOTATION] = trigger;
      else delete a[TRIGGER_TIME_ANNOTATION];
      return a;
    };
    for (const slice of existing) {
      const plan = planned.get(slice.metadata.name!);
      if (!plan) {
        ctx.api.remove('EndpointSlice', ns, slice.metadata.name!);
        wrote = true;
        continue;
      }
      if (sameJson(slice.endpoints ?? [], plan.endpoints) && sameJson(slice.ports ?? null, plan.ports) && sameJson(slice.metadata.labels, labels)) continue;
      const next = ctx.store.get<EndpointSlice>('EndpointSlice', ns, slice.metadata.name!);
      next.metadata.labels = labels;
      next.metadata.annotations = annotate({ ...(next.metadata.annotations ?? {}) });
      next.endpoints = plan.endpoints;
      next.ports = plan.ports;
      ctx.store.update(next);
      wrote = true;
    }
    for (const create of toCreate) {
      ctx.store.create<EndpointSlice>({
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { generateName: `${name}-`, namespace: ns, labels, annotations: annotate({}), ownerReferences: [owner] },
        addressType: 'IPv4',
        endpoints: create.endpoints,
        ports: create.ports,
      });
      wrote = true;
    }
    return wrote;
  };

  return {
    name: 'endpointslice-controller',
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
