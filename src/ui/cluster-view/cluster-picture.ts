/**
 * The cluster view's model, without React: the store turned into a picture of Deployments →
 * their ReplicaSets (revision, image, ready/desired) → their pods, each pod with its STATUS
 * exactly as `kubectl get pods` prints it (the pod printer's own cells, not a second copy)
 * and its version key; each Service with its selector and the pods its ready endpoints send
 * traffic to; and the pods no Deployment owns (a busybox client, say). Namespaces of the
 * control plane (kube-*) are left out, as is a Service without a selector (`kubernetes`).
 */
import type { Store } from '../../cluster/store.js';
import { podCells } from '../../cluster/tables/pods.js';
import type { Deployment, EndpointSlice, Pod, ReplicaSet, Service } from '../../cluster/types.js';
import { type KeyPalette, type KeyStyle, type VersionKey, versionKeyOf, TEMPLATE_HASH_LABEL } from './version-key.js';

/** How a pod's STATUS reads at a glance: it picks the colour. */
export type PodPhase = 'running' | 'starting' | 'terminating' | 'failed' | 'done';

/** One pod. */
export interface PodPicture {
  name: string;
  namespace: string;
  /** READY as kubectl prints it (`1/1`). */
  ready: string;
  /** STATUS as kubectl prints it (`ContainerCreating`, `Running`, `Terminating`, ...). */
  status: string;
  phase: PodPhase;
  key?: VersionKey;
  style?: KeyStyle;
  /** The Services whose ready endpoints include this pod. */
  services: string[];
}

/** One ReplicaSet of a Deployment. */
export interface ReplicaSetPicture {
  name: string;
  /** `deployment.kubernetes.io/revision`, 0 when missing. */
  revision: number;
  /** The template's images, comma-separated. */
  image: string;
  ready: number;
  desired: number;
  key?: VersionKey;
  style?: KeyStyle;
  pods: PodPicture[];
}

/** One Deployment with its live ReplicaSets, newest revision first. */
export interface DeploymentPicture {
  name: string;
  namespace: string;
  ready: number;
  desired: number;
  replicaSets: ReplicaSetPicture[];
  /** Old ReplicaSets scaled to zero with no pods left (kept for `rollout undo`), not drawn. */
  idleReplicaSets: number;
}

/** One Service and where its traffic goes. */
export interface ServicePicture {
  name: string;
  namespace: string;
  /** `app=nginx,version=canary`. */
  selector: string;
  /** The pods behind its ready endpoints, in name order. */
  targets: PodPicture[];
}

/** Everything the cluster view draws. */
export interface ClusterPicture {
  deployments: DeploymentPicture[];
  services: ServicePicture[];
  /** Pods no shown ReplicaSet owns. */
  pods: PodPicture[];
  /** The store's resourceVersion the picture was made from. */
  resourceVersion: string;
}

const REVISION = 'deployment.kubernetes.io/revision';
const SYSTEM_NAMESPACE = /^kube-/;

/** The picture of a store at virtual time `nowMs`, keys styled by `palette`. */
export function clusterPicture(store: Store, nowMs: number, palette: KeyPalette): ClusterPicture {
  const visible = <T extends { metadata: { namespace?: string } }>(objs: readonly T[]) => objs.filter((o) => !SYSTEM_NAMESPACE.test(o.metadata.namespace ?? ''));
  const services = visible(store.view<Service>('Service')).filter((s) => s.spec.selector && Object.keys(s.spec.selector).length > 0);
  const servicesOfPod = readyEndpointPods(store, services);
  const pods: PodPicture[] = [];
  const podsByOwner = new Map<string, PodPicture[]>();
  for (const pod of visible(store.view<Pod>('Pod'))) {
    const ns = pod.metadata.namespace;
    const picture = podPicture(pod, nowMs, servicesOfPod.get(`${ns}/${pod.metadata.name}`) ?? [], palette);
    pods.push(picture);
    const owner = `${ns}/${controllerOf(pod)}`;
    const siblings = podsByOwner.get(owner);
    if (siblings) siblings.push(picture);
    else podsByOwner.set(owner, [picture]);
  }
  const owned = new Set<PodPicture>();
  const deployments = visible(store.view<Deployment>('Deployment')).map((d) => {
    const ns = d.metadata.namespace ?? 'default';
    const all = visible(store.view<ReplicaSet>('ReplicaSet', ns)).filter((rs) => controllerOf(rs) === `Deployment/${d.metadata.name}`);
    const replicaSets: ReplicaSetPicture[] = [];
    for (const rs of all) {
      const rsPods = podsByOwner.get(`${ns}/ReplicaSet/${rs.metadata.name}`) ?? [];
      for (const p of rsPods) owned.add(p);
      const desired = rs.spec.replicas ?? 1;
      if (desired === 0 && rsPods.length === 0) continue;
      replicaSets.push(replicaSetPicture(rs, rsPods, palette));
    }
    replicaSets.sort((a, b) => b.revision - a.revision || a.name.localeCompare(b.name));
    distinguishSharedKeys(replicaSets, palette);
    return { name: d.metadata.name ?? '', namespace: ns, ready: d.status?.readyReplicas ?? 0, desired: d.spec.replicas ?? 1, replicaSets, idleReplicaSets: all.length - replicaSets.length };
  });
  const picture: ClusterPicture = {
    deployments,
    services: services.map((s) => {
      const targets = pods.filter((p) => p.namespace === s.metadata.namespace && p.services.includes(s.metadata.name!));
      return { name: s.metadata.name ?? '', namespace: s.metadata.namespace ?? 'default', selector: Object.entries(s.spec.selector ?? {}).map(([k, v]) => `${k}=${v}`).join(','), targets };
    }),
    pods: pods.filter((p) => !owned.has(p)),
    resourceVersion: store.resourceVersion(),
  };
  return picture;
}

/** A pod's picture: kubectl's READY and STATUS cells, its phase class and version key. */
export function podPicture(pod: Pod, nowMs: number, services: string[], palette: KeyPalette): PodPicture {
  const cells = podCells(pod, nowMs);
  const ready = String(cells[1]);
  const status = String(cells[2]);
  const key = versionKeyOf(pod.metadata.labels);
  return { name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? 'default', ready, status, phase: phaseOf(status, ready), key, style: key && palette.styleOf(key), services };
}

/** The colour class of a STATUS: Running and all ready is running; Running not ready is starting. */
export function phaseOf(status: string, ready: string): PodPhase {
  if (status === 'Running') {
    const [n, m] = ready.split('/');
    return n === m ? 'running' : 'starting';
  }
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'ContainerCreating' || status === 'Pending' || status === 'PodInitializing' || status.startsWith('Init:')) return 'starting';
  return 'failed';
}

function replicaSetPicture(rs: ReplicaSet, pods: PodPicture[], palette: KeyPalette): ReplicaSetPicture {
  const key = versionKeyOf(rs.spec.template.metadata?.labels as Record<string, string> | undefined);
  return {
    name: rs.metadata.name ?? '',
    revision: Number(rs.metadata.annotations?.[REVISION] ?? 0),
    image: rs.spec.template.spec.containers.map((c) => c.image ?? '').join(','),
    ready: rs.status?.readyReplicas ?? 0,
    desired: rs.spec.replicas ?? 1,
    key,
    style: key && palette.styleOf(key),
    pods,
  };
}

/**
 * Two live ReplicaSets of one Deployment with the same version label (the image changed, the
 * label did not) are told apart by their pod-template-hash, and so are their pods.
 */
function distinguishSharedKeys(replicaSets: ReplicaSetPicture[], palette: KeyPalette): void {
  const seen = new Map<string, number>();
  for (const rs of replicaSets) if (rs.key) seen.set(`${rs.key.label}=${rs.key.value}`, (seen.get(`${rs.key.label}=${rs.key.value}`) ?? 0) + 1);
  for (const rs of replicaSets) {
    if (!rs.key || rs.key.label === TEMPLATE_HASH_LABEL || (seen.get(`${rs.key.label}=${rs.key.value}`) ?? 0) < 2) continue;
    const hash = rs.name.slice(rs.name.lastIndexOf('-') + 1);
    rs.key = { label: TEMPLATE_HASH_LABEL, value: hash };
    rs.style = palette.styleOf(rs.key);
    for (const p of rs.pods) Object.assign(p, { key: rs.key, style: rs.style });
  }
}

/** Pod id → names of the Services whose EndpointSlices list it as ready. */
function readyEndpointPods(store: Store, services: readonly Service[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const svc of services) {
    const ns = svc.metadata.namespace;
    for (const slice of store.view<EndpointSlice>('EndpointSlice', ns)) {
      if (slice.metadata.labels?.['kubernetes.io/service-name'] !== svc.metadata.name) continue;
      for (const ep of slice.endpoints ?? []) {
        if (ep.conditions?.ready === false || ep.targetRef?.kind !== 'Pod') continue;
        const id = `${ns}/${ep.targetRef.name}`;
        const list = out.get(id) ?? [];
        if (!list.includes(svc.metadata.name!)) list.push(svc.metadata.name!);
        out.set(id, list);
      }
    }
  }
  return out;
}

function controllerOf(obj: { metadata: { ownerReferences?: { kind: string; name: string; controller?: boolean }[] } }): string | undefined {
  const ref = obj.metadata.ownerReferences?.find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0];
  return ref && `${ref.kind}/${ref.name}`;
}
