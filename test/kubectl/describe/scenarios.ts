/**
 * Fixture clusters for describe tests: objects written directly (statuses, owner references,
 * EndpointSlices and events included) on a cluster whose controllers are switched off, so the
 * expected text depends only on describe. Times are virtual, from 2025-08-19T09:00:00Z.
 */
import type { Cluster } from '../../../src/cluster/cluster.js';
import type { ConfigMap, Deployment, EndpointSlice, KubeObject, Pod, ReplicaSet, Service } from '../../../src/cluster/types.js';
import { kubectlHarness } from '../../helpers/kubectl-harness.js';

/** A harness whose cluster runs no controllers: what the test writes is what describe reads. */
export function frozenHarness() {
  const h = kubectlHarness();
  (h.cluster.controllers as unknown[]).length = 0;
  return h;
}

/** Moves the virtual clock forward by whole seconds. */
export function tick(c: Cluster, seconds: number): void {
  c.clock.advance(seconds * 1000);
}

/** Creates through the API server (decoding and defaults), then writes `patch` onto the stored object. */
export function put<T extends KubeObject>(c: Cluster, obj: unknown, patch: (o: T) => void = () => {}): T {
  const created = c.api.create<T>(obj).object;
  const stored = c.store.get<T>(created.kind, created.metadata.namespace, created.metadata.name!);
  patch(stored);
  return c.store.update(stored);
}

/** The controller reference a controller puts on what it owns. */
export function ownedBy(owner: KubeObject): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
  const apiVersion = owner.kind === 'Deployment' || owner.kind === 'ReplicaSet' ? 'apps/v1' : 'v1';
  return { apiVersion, kind: owner.kind, name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

interface TemplateOpts {
  labels: Record<string, string>;
  container: string;
  image: string;
  port: number;
  configMap?: string;
}

function template(o: TemplateOpts) {
  return {
    metadata: { labels: o.labels },
    spec: {
      containers: [
        {
          name: o.container,
          image: o.image,
          ports: [{ containerPort: o.port }],
          ...(o.configMap ? { volumeMounts: [{ name: 'html', mountPath: '/usr/share/nginx/html' }] } : {}),
        },
      ],
      ...(o.configMap ? { volumes: [{ name: 'html', configMap: { name: o.configMap } }] } : {}),
    },
  };
}

/** A Deployment with a given status. */
export function putDeployment(c: Cluster, name: string, replicas: number, selector: Record<string, string>, t: TemplateOpts, status: Deployment['status'], revision: string): Deployment {
  return put<Deployment>(c, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec: { replicas, selector: { matchLabels: selector }, template: template(t) } }, (d) => {
    d.metadata.annotations = { 'deployment.kubernetes.io/revision': revision };
    d.status = status;
  });
}

/** A ReplicaSet owned by `d` for template `t` with pod-template-hash `hash`. */
export function putReplicaSet(c: Cluster, d: Deployment, hash: string, t: TemplateOpts, replicas: number, ready: number, revision: string): ReplicaSet {
  const labels = { ...t.labels, 'pod-template-hash': hash };
  const selector = { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash };
  return put<ReplicaSet>(c, { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `${d.metadata.name}-${hash}`, labels }, spec: { replicas, selector: { matchLabels: selector }, template: template({ ...t, labels }) } }, (rs) => {
    rs.metadata.ownerReferences = [ownedBy(d)];
    rs.metadata.annotations = { 'deployment.kubernetes.io/desired-replicas': String(d.spec.replicas), 'deployment.kubernetes.io/max-replicas': String((d.spec.replicas ?? 0) + 1), 'deployment.kubernetes.io/revision': revision };
    rs.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 };
  });
}

/** Pod state for `putPod`. */
export interface PodState {
  node: string;
  hostIP: string;
  ip?: string;
  /** Seconds after creation the container started; undefined while ContainerCreating. */
  startedAfter?: number;
  containerID?: string;
  imageID?: string;
}

/** A pod of `rs`, Running (with `startedAfter`) or still ContainerCreating. */
export function putPod(c: Cluster, rs: ReplicaSet, suffix: string, s: PodState): Pod {
  const created = c.clock.timestamp();
  const createdMs = c.clock.now();
  return put<Pod>(c, { apiVersion: 'v1', kind: 'Pod', metadata: { name: `${rs.metadata.name}-${suffix}`, labels: rs.spec.template.metadata?.labels }, spec: rs.spec.template.spec }, (p) => {
    p.metadata.ownerReferences = [ownedBy(rs)];
    p.spec.nodeName = s.node;
    const running = s.startedAfter !== undefined;
    const at = (sec: number) => new Date(createdMs + sec * 1000).toISOString().replace('.000Z', 'Z');
    const cond = (type: string, ok: boolean, sec = 0) => ({ type, status: ok ? ('True' as const) : ('False' as const), lastProbeTime: null, lastTransitionTime: at(sec) });
    const c0 = p.spec.containers[0];
    p.status = {
      phase: running ? 'Running' : 'Pending',
      conditions: [
        cond('PodReadyToStartContainers', running, s.startedAfter ?? 1),
        cond('Initialized', true),
        { ...cond('Ready', running, s.startedAfter ?? 0), ...(running ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${c0.name}]` }) },
        { ...cond('ContainersReady', running, s.startedAfter ?? 0), ...(running ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${c0.name}]` }) },
        cond('PodScheduled', true),
      ],
      hostIP: s.hostIP,
      hostIPs: [{ ip: s.hostIP }],
      ...(running ? { podIP: s.ip, podIPs: [{ ip: s.ip! }] } : {}),
      startTime: created,
      containerStatuses: [
        running
          ? { name: c0.name, image: `docker.io/library/${c0.image}`, imageID: s.imageID ?? '', containerID: s.containerID, ready: true, started: true, restartCount: 0, state: { running: { startedAt: at(s.startedAfter!) } } }
          : { name: c0.name, image: c0.image!, imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
      ],
      qosClass: 'BestEffort',
    };
  });
}

/** A ClusterIP Service (as `kubectl apply` leaves it: last-applied annotation, which describe hides). */
export function putService(c: Cluster, name: string, selector: Record<string, string>, port: number, targetPort: number, clusterIP: string): Service {
  return put<Service>(c, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': `{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"${name}","namespace":"default"}}\n` } },
    spec: { clusterIP, clusterIPs: [clusterIP], selector, ports: [{ port, targetPort }] },
  });
}

/** The EndpointSlice the controller keeps for a service: one endpoint per pod, ready or not. */
export function putSlice(c: Cluster, svc: Service, sliceName: string, pods: Pod[], port: number, ready: boolean): EndpointSlice {
  const slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: sliceName,
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io', 'kubernetes.io/service-name': svc.metadata.name! },
      ownerReferences: [ownedBy(svc)],
    },
    addressType: 'IPv4',
    endpoints: pods.map((p) => ({
      addresses: [p.status!.podIP!],
      conditions: { ready, serving: ready, terminating: false },
      nodeName: p.spec.nodeName,
      targetRef: { kind: 'Pod', namespace: 'default', name: p.metadata.name!, uid: p.metadata.uid! },
    })),
    ports: [{ name: '', port, protocol: 'TCP' }],
  };
  const existing = c.store.find<EndpointSlice>('EndpointSlice', 'default', sliceName);
  if (existing) return c.store.update({ ...slice, metadata: { ...existing.metadata, ...slice.metadata } } as EndpointSlice);
  return c.store.create(slice as EndpointSlice);
}

/** A ConfigMap as `kubectl apply` creates it. */
export function putConfigMap(c: Cluster, name: string, data: Record<string, string>): ConfigMap {
  return put<ConfigMap>(c, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}\n' } }, data });
}
