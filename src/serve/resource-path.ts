/**
 * Resource URLs (`/api/v1/namespaces/default/pods/x/log`, `/apis/apps/v1/deployments`) parsed
 * into a type, namespace, name and subresource; LIST filtering by label and field selectors;
 * and the Table form of objects for `kubectl get` (rows carry PartialObjectMetadata, or the
 * whole object with `includeObject=Object`, which `--sort-by` asks for).
 */
import type { Cluster } from '../cluster/cluster.js';
import { RESOURCE_TYPES, type ResourceType } from '../cluster/resources.js';
import { tableFor } from '../cluster/tables/index.js';
import type { KubeObject } from '../cluster/types.js';
import { parseLabelSelector } from '../kubectl/describe/label-selector.js';
import { parseFieldSelector } from '../kubectl/get/field-selector.js';

/** A parsed resource URL. */
export interface ResourcePath {
  type: ResourceType;
  /** Undefined for cluster-scoped kinds and for lists across all namespaces. */
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Parses a resource URL; undefined when it names nothing kubelab serves. */
export function parseResourcePath(path: string): ResourcePath | undefined {
  const m = /^\/(?:api\/(v1)|apis\/([^/]+)\/(v1))\/(.+?)\/?$/.exec(path);
  if (!m) return undefined;
  const group = m[2] ?? '';
  const parts = m[4].split('/').map(decodeURIComponent);
  let namespace: string | undefined;
  if (parts[0] === 'namespaces' && parts.length >= 3) {
    namespace = parts[1];
    parts.splice(0, 2);
  }
  const [plural, name, subresource, ...extra] = parts;
  if (extra.length > 0) return undefined;
  const type = RESOURCE_TYPES.find((r) => r.group === group && r.plural === plural);
  if (!type) return undefined;
  if (!type.namespaced && namespace !== undefined) return undefined;
  return { type, namespace: type.namespaced ? namespace : undefined, name, subresource };
}

/** The objects a LIST returns, filtered by the selectors. */
export function listObjects(cluster: Cluster, target: ResourcePath, labelSelector: string, fieldSelector: string): KubeObject[] {
  let items = cluster.store.list(target.type.kind, target.type.namespaced ? target.namespace : undefined);
  if (labelSelector) {
    const pred = parseLabelSelector(labelSelector);
    items = items.filter((o) => pred(o.metadata.labels ?? {}));
  }
  if (fieldSelector) {
    const pred = parseFieldSelector(fieldSelector, target.type);
    items = items.filter(pred);
  }
  return items;
}

/** Whether an object belongs to a watch or list target (name, namespace). */
export function inTarget(target: ResourcePath, obj: KubeObject): boolean {
  if (obj.kind !== target.type.kind) return false;
  if (target.type.namespaced && target.namespace !== undefined && obj.metadata.namespace !== target.namespace) return false;
  return target.name === undefined || obj.metadata.name === target.name;
}

/** The Table for objects of one type, as the API server converts them. */
export function asTable(type: ResourceType, objects: KubeObject[], nowMs: number, includeObject: boolean, resourceVersion: string): unknown {
  const table = tableFor(type.kind, objects, nowMs);
  const apiVersion = type.group ? `${type.group}/${type.version}` : type.version;
  return {
    ...table,
    metadata: { resourceVersion },
    rows: table.rows.map((r) => ({
      cells: r.cells,
      object: includeObject ? { ...r.object, apiVersion, kind: type.kind } : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: r.object.metadata },
    })),
  };
}
