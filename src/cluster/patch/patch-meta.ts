/**
 * Strategic-merge-patch metadata per struct field, from the `patchStrategy` and
 * `patchMergeKey` struct tags of k8s.io/api v0.32 (what `strategicpatch.NewPatchMetaFromStruct`
 * reads). Field types come from admission's Go-struct schema, so a path such as
 * `spec.template.spec.containers` resolves through Deployment → DeploymentSpec → ... → Container.
 * Fields absent from the table are atomic lists (replaced whole) or plain maps (merged).
 */
import { hasStruct, structFields, type GoType } from '../admission/schema.js';

/** What the tags say about one field. */
export interface FieldPatchMeta {
  /** `merge` merges lists by key (or as sets of primitives); `replace` (the default) replaces lists. */
  strategy: 'merge' | 'replace';
  /** `retainKeys` on a struct or list item: keys absent from the patch are cleared. */
  retainKeys: boolean;
  mergeKey?: string;
}

/** `Struct.field` → `strategy[,retainKeys]:mergeKey` (k8s.io/api v0.32 types.go tags). */
const TAGS: Record<string, string> = {
  'ObjectMeta.ownerReferences': 'merge:uid',
  'ObjectMeta.finalizers': 'merge',
  'PodSpec.volumes': 'merge,retainKeys:name',
  'PodSpec.initContainers': 'merge:name',
  'PodSpec.containers': 'merge:name',
  'PodSpec.ephemeralContainers': 'merge:name',
  'PodSpec.imagePullSecrets': 'merge:name',
  'PodSpec.hostAliases': 'merge:ip',
  'PodSpec.topologySpreadConstraints': 'merge:topologyKey',
  'PodSpec.schedulingGates': 'merge:name',
  'PodSpec.resourceClaims': 'merge,retainKeys:name',
  'Container.ports': 'merge:containerPort',
  'Container.env': 'merge:name',
  'Container.volumeMounts': 'merge:mountPath',
  'Container.volumeDevices': 'merge:devicePath',
  'EphemeralContainer.ports': 'merge:containerPort',
  'EphemeralContainer.env': 'merge:name',
  'EphemeralContainer.volumeMounts': 'merge:mountPath',
  'EphemeralContainer.volumeDevices': 'merge:devicePath',
  'PodStatus.conditions': 'merge:type',
  'PodStatus.podIPs': 'merge:ip',
  'PodStatus.hostIPs': 'merge:ip',
  'PodStatus.resourceClaimStatuses': 'merge,retainKeys:name',
  'ServiceSpec.ports': 'merge:port',
  'ServiceStatus.conditions': 'merge:type',
  'LoadBalancerIngress.ports': 'replace',
  'NodeSpec.podCIDRs': 'merge',
  'NodeStatus.conditions': 'merge:type',
  'NodeStatus.addresses': 'merge:type',
  'NamespaceStatus.conditions': 'merge:type',
  'DeploymentSpec.strategy': 'retainKeys',
  'DeploymentStatus.conditions': 'merge:type',
  'ReplicaSetStatus.conditions': 'merge:type',
};

/** A position in the schema: a struct, a map of values of some schema, or unknown (free-form). */
export type SchemaRef = { struct: string } | { mapOf: SchemaRef } | undefined;

/** The schema of a kind's top level, or undefined when admission has no struct for it. */
export function schemaForKind(kind: string | undefined): SchemaRef {
  return kind && hasStruct(kind) ? { struct: kind } : undefined;
}

/** The patch meta and the schema of the value (or list item) of `field` inside `parent`. */
export function lookupField(parent: SchemaRef, field: string): { meta: FieldPatchMeta; sub: SchemaRef } {
  const none: FieldPatchMeta = { strategy: 'replace', retainKeys: false };
  if (!parent) return { meta: none, sub: undefined };
  if ('mapOf' in parent) return { meta: none, sub: parent.mapOf };
  const f = structFields(parent.struct).find((x) => x.json === field);
  if (!f) return { meta: none, sub: undefined };
  const tag = TAGS[`${parent.struct}.${field}`];
  let meta = none;
  if (tag) {
    const [strategies, mergeKey] = tag.split(':');
    const parts = strategies.split(',');
    meta = { strategy: parts.includes('merge') ? 'merge' : 'replace', retainKeys: parts.includes('retainKeys'), mergeKey };
  }
  return { meta, sub: structOf(f.type) };
}

function structOf(t: GoType): SchemaRef {
  switch (t.t) {
    case 'ptr':
    case 'slice':
      return structOf(t.elem);
    case 'map':
      return { mapOf: structOf(t.elem) };
    case 'struct':
      return hasStruct(t.name) ? { struct: t.name } : undefined;
    default:
      return undefined;
  }
}

