/**
 * The resource types kubelab serves, as the API server's discovery describes them
 * (`kubectl api-resources` against Kubernetes v1.32 for these kinds).
 */

/** One served resource type. */
export interface ResourceType {
  kind: string;
  /** The plural resource name, e.g. `deployments`. */
  plural: string;
  singular: string;
  /** API group, `''` for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  /** Categories, e.g. `all` (used by `kubectl get all`). */
  categories: string[];
  verbs: string[];
  /** Whether spec changes bump metadata.generation (apps kinds; not pods or services). */
  hasGeneration: boolean;
}

const RW = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** Every kind kubelab models, in `kubectl api-resources` order. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  { kind: 'ConfigMap', plural: 'configmaps', singular: 'configmap', group: '', version: 'v1', namespaced: true, shortNames: ['cm'], categories: [], verbs: RW, hasGeneration: false },
  { kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', group: '', version: 'v1', namespaced: true, shortNames: ['ep'], categories: [], verbs: RW, hasGeneration: false },
  { kind: 'Event', plural: 'events', singular: 'event', group: '', version: 'v1', namespaced: true, shortNames: ['ev'], categories: [], verbs: RW, hasGeneration: false },
  { kind: 'Namespace', plural: 'namespaces', singular: 'namespace', group: '', version: 'v1', namespaced: false, shortNames: ['ns'], categories: [], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], hasGeneration: false },
  { kind: 'Node', plural: 'nodes', singular: 'node', group: '', version: 'v1', namespaced: false, shortNames: ['no'], categories: [], verbs: RW, hasGeneration: false },
  { kind: 'Pod', plural: 'pods', singular: 'pod', group: '', version: 'v1', namespaced: true, shortNames: ['po'], categories: ['all'], verbs: RW, hasGeneration: false },
  { kind: 'Service', plural: 'services', singular: 'service', group: '', version: 'v1', namespaced: true, shortNames: ['svc'], categories: ['all'], verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'], hasGeneration: false },
  { kind: 'Deployment', plural: 'deployments', singular: 'deployment', group: 'apps', version: 'v1', namespaced: true, shortNames: ['deploy'], categories: ['all'], verbs: RW, hasGeneration: true },
  { kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', group: 'apps', version: 'v1', namespaced: true, shortNames: ['rs'], categories: ['all'], verbs: RW, hasGeneration: true },
  { kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', group: 'discovery.k8s.io', version: 'v1', namespaced: true, shortNames: [], categories: [], verbs: RW, hasGeneration: true },
];

const BY_KIND = new Map(RESOURCE_TYPES.map((r) => [r.kind, r]));

/** The resource type of a kind; throws for kinds kubelab does not model (a programming error). */
export function resourceForKind(kind: string): ResourceType {
  const r = BY_KIND.get(kind);
  if (!r) throw new Error(`kubelab does not model kind ${kind}`);
  return r;
}

/** The resource type of a kind, or undefined. */
export function findResourceForKind(kind: string): ResourceType | undefined {
  return BY_KIND.get(kind);
}

/** `apps/v1` or `v1`. */
export function apiVersionOf(r: ResourceType): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** The group-qualified resource name used in API messages: `deployments.apps`, `pods`. */
export function qualifiedResource(r: ResourceType): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/**
 * Resolves what a user typed (`deploy`, `deployments`, `Deployment`, `deployments.apps`,
 * `deployment.v1.apps`) to a resource type, as kubectl's RESTMapper does; undefined if unknown.
 */
export function resolveResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  for (const r of RESOURCE_TYPES) {
    const names = [r.plural, r.singular, r.kind.toLowerCase(), ...r.shortNames];
    if (names.includes(lower)) return r;
    if (r.group) {
      for (const n of [r.plural, r.singular, r.kind.toLowerCase()]) {
        if (lower === `${n}.${r.group}` || lower === `${n}.${r.version}.${r.group}`) return r;
      }
    } else if (lower === `${r.plural}.${r.version}` || lower === `${r.singular}.${r.version}`) {
      return r;
    }
  }
  return undefined;
}
