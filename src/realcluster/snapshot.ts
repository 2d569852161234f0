/**
 * A snapshot of what a scenario's checks can read on a real cluster: every object of the kinds
 * the checks name (and those `endpoints`, `deployment`, `selector` and `traffic` need:
 * Deployments, ReplicaSets, Pods, Services, EndpointSlices) in the namespaces they name, listed
 * through the API once, then read synchronously by the checks (SnapshotClusterReader). The
 * scenario's `default` namespace is the lesson's namespace on the real cluster (mappedReader).
 */
import { apiVersionOf, findResourceForKind, type ResourceType } from '../cluster/resources.js';
import type { KubeObject } from '../cluster/types.js';
import { canonicalKind, DEFAULT_NAMESPACE } from '../lesson/check-context.js';
import { SnapshotClusterReader, type ClusterReader } from '../lesson/cluster-reader.js';
import type { Check, Scenario } from '../lesson/scenario-types.js';
import { RealClusterError, type KubeApi } from './kube-api.js';

/** Kinds the object-reading checks need beyond the ones they name. */
const ALWAYS = ['Deployment', 'ReplicaSet', 'Pod', 'Service', 'EndpointSlice'];

/** The kinds and scenario namespaces the checks of `scenario` read. */
export function snapshotScope(scenario: Scenario): { kinds: string[]; namespaces: string[] } {
  const kinds = new Set(ALWAYS);
  const namespaces = new Set([DEFAULT_NAMESPACE]);
  const visit = (c: Check): void => {
    if ('all' in c) return c.all.forEach(visit);
    if ('any' in c) return c.any.forEach(visit);
    if ('not' in c) return visit(c.not);
    const ref = 'exists' in c ? c.exists : 'absent' in c ? c.absent : 'field' in c ? c.field : undefined;
    if (ref) kinds.add(canonicalKind(ref.kind));
    const ns = (Object.values(c)[0] as { namespace?: unknown }).namespace;
    if (typeof ns === 'string') namespaces.add(ns);
  };
  for (const step of scenario.steps) {
    step.checks.forEach(visit);
    if (typeof step.next === 'object') for (const b of step.next) if (b.when) visit(b.when);
  }
  return { kinds: [...kinds].sort(), namespaces: [...namespaces].sort() };
}

/** The API path listing `type` in `namespace` (ignored for cluster-scoped kinds). */
export function listPath(type: ResourceType, namespace: string): string {
  const base = type.group === '' ? `/api/${type.version}` : `/apis/${type.group}/${type.version}`;
  return type.namespaced ? `${base}/namespaces/${encodeURIComponent(namespace)}/${type.plural}` : `${base}/${type.plural}`;
}

/** Lists the scope's objects on the cluster; `realNamespace` maps a scenario namespace to the cluster's. */
export async function takeSnapshot(api: KubeApi, scenario: Scenario, realNamespace: (ns: string) => string): Promise<ClusterReader> {
  const { kinds, namespaces } = snapshotScope(scenario);
  const objects = new Map<string, KubeObject[]>();
  const jobs: Promise<void>[] = [];
  for (const kind of kinds) {
    const type = findResourceForKind(kind);
    if (!type) throw new RealClusterError(`the checks read ${kind} objects, which kubelab cannot list`);
    objects.set(kind, []);
    const spaces = type.namespaced ? namespaces.map(realNamespace) : [''];
    for (const ns of new Set(spaces)) {
      jobs.push(
        api.getOk(listPath(type, ns)).then((list) => {
          // List items carry no kind or apiVersion; a GET of one object does, and so does the simulator's store.
          const items = ((list as { items?: KubeObject[] }).items ?? []).map((o) => (o.kind ? o : ({ apiVersion: apiVersionOf(type), kind, ...(o as object) } as KubeObject)));
          objects.get(kind)!.push(...items);
        }),
      );
    }
  }
  await Promise.all(jobs);
  const reader = new SnapshotClusterReader(objects, (k) => findResourceForKind(k)?.namespaced ?? true);
  return mappedReader(reader, realNamespace);
}

/** A reader that reads scenario namespace `ns` from the cluster's `realNamespace(ns)`. */
export function mappedReader(inner: ClusterReader, realNamespace: (ns: string) => string): ClusterReader {
  return {
    get: (kind, ns, name) => inner.get(kind, realNamespace(ns), name),
    list: (kind, ns) => inner.list(kind, realNamespace(ns)),
  };
}
