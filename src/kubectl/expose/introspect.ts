/**
 * What `kubectl expose` reads from the exposed object (kubectl pkg/polymorphichelpers:
 * canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go, multiprotocolsforobject.go),
 * with their error texts. Selectors and labels travel as `k=v,k2=v2` strings, as in kubectl.
 */
import type { KubeObject } from '../../cluster/types.js';
import { typeOf } from '../rollout/targets.js';

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'apps/Deployment', 'apps/ReplicaSet']);

interface PodSpecLike {
  containers?: { ports?: { containerPort?: number; protocol?: string }[] }[];
}

interface ServiceSpecLike {
  selector?: Record<string, string> | null;
  ports?: { port?: number; protocol?: string }[];
}

interface WorkloadSpecLike {
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] } | null;
  template?: { spec?: PodSpecLike };
}

/** canBeExposed: `cannot expose a ConfigMap` / `cannot expose a EndpointSlice.discovery.k8s.io` (a GroupKind's String()). */
export function cannotExposeMessage(obj: KubeObject): string | undefined {
  const group = typeOf(obj).group;
  if (EXPOSABLE.has(group ? `${group}/${obj.kind}` : obj.kind)) return undefined;
  return `cannot expose a ${obj.kind}${group ? `.${group}` : ''}`;
}

/** MakeLabels: `k=v` pairs joined by commas (Go map order; kubectl parses them back into a map). */
export function makeLabels(labels: Record<string, string> | undefined | null): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Go's `%+v` of []metav1.LabelSelectorRequirement: `[{Key:tier Operator:In Values:[web api]}]`. */
function formatRequirements(reqs: NonNullable<WorkloadSpecLike['selector']>['matchExpressions'] = []): string {
  return `[${reqs.map((r) => `{Key:${r.key} Operator:${r.operator} Values:[${(r.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject: the pod selector as `k=v,...`, or the error kubectl gives. */
export function mapBasedSelectorForObject(obj: KubeObject): { selector: string } | { error: string } {
  switch (obj.kind) {
    case 'Pod': {
      const labels = obj.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) return { error: 'the pod has no labels and cannot be exposed' };
      return { selector: makeLabels(labels) };
    }
    case 'Service': {
      const spec = (obj.spec ?? {}) as ServiceSpecLike;
      if (spec.selector === undefined || spec.selector === null) return { error: 'the service has no pod selector set' };
      return { selector: makeLabels(spec.selector) };
    }
    case 'ReplicationController':
      return { selector: makeLabels((obj.spec as { selector?: Record<string, string> } | undefined)?.selector) };
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = ((obj.spec ?? {}) as WorkloadSpecLike).selector;
      const what = obj.kind.toLowerCase();
      if (!sel || Object.keys(sel.matchLabels ?? {}).length === 0) return { error: `invalid ${what}: no selectors, therefore cannot be exposed` };
      if ((sel.matchExpressions ?? []).length > 0) {
        return { error: `couldn't convert expressions - "${formatRequirements(sel.matchExpressions)}" to map-based selector format` };
      }
      return { selector: makeLabels(sel.matchLabels) };
    }
    default:
      return { error: `cannot extract pod selector from ${goType(obj)}` };
  }
}

function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpecLike;
  if (['Deployment', 'ReplicaSet', 'ReplicationController'].includes(obj.kind)) return (obj.spec as WorkloadSpecLike | undefined)?.template?.spec;
  return undefined;
}

/** portsForObject: container ports (or a Service's ports), deduplicated, in order, as strings. */
export function portsForObject(obj: KubeObject): string[] {
  const out: string[] = [];
  const add = (p: number | undefined) => {
    const key = String(p ?? 0);
    if (!out.includes(key)) out.push(key);
  };
  if (obj.kind === 'Service') for (const p of ((obj.spec ?? {}) as ServiceSpecLike).ports ?? []) add(p.port);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort);
  return out;
}

/** multiProtocolsForObject: port → protocols, one entry per container port (duplicates kept), TCP when unset. */
export function multiProtocolsForObject(obj: KubeObject): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: number | undefined, protocol: string | undefined) => {
    const key = String(port ?? 0);
    out.set(key, [...(out.get(key) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') for (const p of ((obj.spec ?? {}) as ServiceSpecLike).ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(obj)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

/** Go's `%T` of the typed object, for the default branches. */
function goType(obj: KubeObject): string {
  const r = typeOf(obj);
  const pkg = r.group === '' ? 'v1' : r.group === 'apps' ? 'v1' : `${r.group.split('.')[0]}v1`;
  return `*${pkg}.${obj.kind}`;
}
