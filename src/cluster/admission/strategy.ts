/**
 * The registry strategies' PrepareForUpdate (pkg/registry/.../strategy.go) and the Service
 * registry's patchAllocatedValues: a main-resource update never changes status, and a Service
 * update that leaves out clusterIP, ipFamilies or node ports keeps the allocated ones.
 * metadata.generation is the store's (store.ts bumps it when spec changes).
 */
import { qosClass } from '../kubelet/pod-status.js';
import type { KubeObject, Pod } from '../types.js';

type Obj = Record<string, any>;

const KEEPS_STATUS = new Set(['Deployment', 'ReplicaSet', 'Pod', 'Service', 'Namespace', 'Node']);

/**
 * PrepareForCreate: a new Pod starts `Pending` with its QoS class (pod strategy); a new
 * Deployment or ReplicaSet starts with an empty status, whatever the client sent.
 */
export function prepareObjectForCreate(obj: KubeObject): void {
  const o = obj as Obj;
  if (obj.kind === 'Pod') o.status = { phase: 'Pending', qosClass: qosClass(obj as Pod) };
  else if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') o.status = {};
}

/** Carries server-owned fields from `old` into the incoming `obj`, in place. */
export function prepareObjectForUpdate(obj: KubeObject, old: KubeObject): void {
  const o = obj as Obj;
  const prev = old as Obj;
  if (KEEPS_STATUS.has(obj.kind)) {
    if (prev.status === undefined) delete o.status;
    else o.status = structuredClone(prev.status);
  }
  if (obj.kind === 'Namespace') {
    o.spec ??= {};
    if (prev.spec?.finalizers) o.spec.finalizers = [...prev.spec.finalizers];
    else delete o.spec.finalizers;
  }
  if (obj.kind === 'Service') {
    keepAllocatedValues((o.spec ??= {}), prev.spec ?? {});
    normalizeClusterIPs(o.spec, prev.spec ?? {});
  }
}

/**
 * The Service registry's normalizeClusterIPs on update: a client that changed only the singular
 * clusterIP (an old client, or a student's patch) means the plural too, so validation then
 * refuses the change (`spec.clusterIPs[0]: ... may not change once set`) instead of the store
 * keeping two disagreeing fields.
 */
function normalizeClusterIPs(spec: Obj, old: Obj): void {
  const same = JSON.stringify(spec.clusterIPs ?? []) === JSON.stringify(old.clusterIPs ?? []);
  if ((spec.clusterIP ?? '') === (old.clusterIP ?? '') || !same) return;
  if (spec.clusterIP) spec.clusterIPs = [spec.clusterIP];
  else delete spec.clusterIPs;
}

function needsClusterIP(spec: Obj): boolean {
  return (spec.type ?? 'ClusterIP') !== 'ExternalName';
}

function keepAllocatedValues(spec: Obj, old: Obj): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if ((spec.clusterIPs ?? []).length === 0 && old.clusterIPs) spec.clusterIPs = [...old.clusterIPs];
    if ((spec.ipFamilies ?? []).length === 0 && old.ipFamilies) spec.ipFamilies = [...old.ipFamilies];
    if (!spec.ipFamilyPolicy && old.ipFamilyPolicy) spec.ipFamilyPolicy = old.ipFamilyPolicy;
  }
  // Node ports are matched by port name, then by port number (needsNodePort in the registry).
  const hasNodePorts = (t: string | undefined) => t === 'NodePort' || t === 'LoadBalancer';
  if (hasNodePorts(old.type) && hasNodePorts(spec.type)) {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const match = (old.ports ?? []).find((q: Obj) => (p.name && q.name === p.name) || (!p.name && q.port === p.port));
      if (match?.nodePort) p.nodePort = match.nodePort;
    }
    if (!spec.healthCheckNodePort && old.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}
