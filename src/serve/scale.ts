/**
 * The `scale` subresource of Deployments and ReplicaSets (autoscaling/v1 Scale): what
 * `kubectl scale` reads and patches.
 */
import type { Cluster } from '../cluster/cluster.js';
import { ApiError } from '../cluster/errors.js';
import type { PatchType } from '../cluster/patch/index.js';
import { applyPatch } from '../cluster/patch/index.js';
import { formatLabelMap } from '../cluster/selectors.js';
import type { KubeObject } from '../cluster/types.js';
import type { ResourcePath } from './resource-path.js';

interface Scalable extends KubeObject {
  spec: { replicas?: number; selector?: { matchLabels?: Record<string, string> } };
  status?: { replicas?: number };
}

/** The Scale object of a workload. */
export function scaleOf(cluster: Cluster, target: ResourcePath): KubeObject {
  if (target.type.kind !== 'Deployment' && target.type.kind !== 'ReplicaSet') {
    throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  }
  const obj = cluster.api.get<Scalable>(target.type.kind, target.namespace, target.name!);
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: obj.spec.replicas ?? 1 },
    status: { replicas: obj.status?.replicas ?? 0, selector: formatLabelMap(obj.spec.selector?.matchLabels ?? {}) },
  } as KubeObject;
}

/** Applies a patch (or a replacement) to the Scale and writes spec.replicas back. */
export function writeScale(cluster: Cluster, target: ResourcePath, how: PatchType | 'replace', body: Record<string, any>, dryRun: boolean): KubeObject {
  const current = scaleOf(cluster, target);
  const next = how === 'replace' ? body : applyPatch(current, how, body);
  const replicas = (next as { spec?: { replicas?: unknown } }).spec?.replicas;
  const obj = cluster.api.get<Scalable>(target.type.kind, target.namespace, target.name!);
  obj.spec.replicas = typeof replicas === 'number' ? replicas : obj.spec.replicas;
  cluster.api.update(obj, { dryRun });
  return scaleOf(cluster, target);
}
