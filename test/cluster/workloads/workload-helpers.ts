/**
 * Test helpers for the workload controllers: load the seed manifests, apply them the way
 * `kubectl apply` ends up writing (create, or replace spec/labels/annotations), undo the way
 * `kubectl rollout undo` does (spec.template := the target RS's template minus the hash label),
 * and read ReplicaSets and pods of a Deployment through ControllerRefs.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { Cluster } from '../../../src/cluster/cluster.js';
import type { Deployment, KubeObject, Pod, ReplicaSet } from '../../../src/cluster/types.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** The YAML documents of a fixture file, as objects. */
export function manifests(file: string): KubeObject[] {
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  return parseAllDocuments(text)
    .map((d) => d.toJS() as KubeObject | null)
    .filter((o): o is KubeObject => o !== null);
}

/** The Deployment of a fixture file. */
export function deploymentOf(file: string): Deployment {
  return manifests(file).find((o) => o.kind === 'Deployment') as Deployment;
}

/** Creates or replaces every object of a fixture file, then settles. */
export function apply(cluster: Cluster, file: string): void {
  for (const obj of manifests(file)) applyObject(cluster, obj);
  cluster.settle();
}

/** Create-or-update of one object (spec, data, labels and annotations from the manifest). */
export function applyObject(cluster: Cluster, obj: KubeObject): void {
  const ns = obj.metadata.namespace ?? 'default';
  const current = cluster.store.find(obj.kind, ns, obj.metadata.name!);
  if (!current) {
    cluster.api.create(obj);
    return;
  }
  const next = structuredClone(current);
  for (const [k, v] of Object.entries(obj)) if (k !== 'metadata' && k !== 'status') (next as Record<string, unknown>)[k] = v;
  if (obj.metadata.labels) next.metadata.labels = obj.metadata.labels;
  if (obj.metadata.annotations) next.metadata.annotations = { ...(next.metadata.annotations ?? {}), ...obj.metadata.annotations };
  cluster.api.update(next);
}

/** ReplicaSets controlled by the Deployment, oldest revision first. */
export function replicaSetsOf(cluster: Cluster, name: string, ns = 'default'): ReplicaSet[] {
  const d = cluster.store.find<Deployment>('Deployment', ns, name);
  if (!d) return [];
  return cluster.store
    .list<ReplicaSet>('ReplicaSet', ns)
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid))
    .sort((a, b) => revision(a) - revision(b));
}

/** The revision annotation as a number. */
export function revision(obj: KubeObject): number {
  return Number(obj.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
}

/** Pods controlled by the ReplicaSet (terminating ones too). */
export function podsOf(cluster: Cluster, rs: ReplicaSet): Pod[] {
  return cluster.store.list<Pod>('Pod', rs.metadata.namespace).filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid));
}

/** True if the pod is Ready and not terminating. */
export function isAvailablePod(p: Pod): boolean {
  return !p.metadata.deletionTimestamp && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** `kubectl rollout undo`: the template of the RS with the second-highest revision, hash label removed. */
export function rolloutUndo(cluster: Cluster, name: string, ns = 'default'): void {
  const rss = replicaSetsOf(cluster, name, ns);
  const target = rss[rss.length - 2];
  if (!target) throw new Error('no previous revision');
  const d = cluster.store.get<Deployment>('Deployment', ns, name);
  const template = structuredClone(target.spec.template);
  delete template.metadata!.labels!['pod-template-hash'];
  d.spec.template = template;
  cluster.api.update(d);
  cluster.settle();
}

/** Advances virtual time in steps until `done` holds (or `limitMs` passes); returns ms spent. */
export function advanceUntil(cluster: Cluster, done: () => boolean, limitMs = 600_000, stepMs = 500): number {
  let spent = 0;
  cluster.settle();
  while (!done() && spent < limitMs) {
    cluster.advance(stepMs);
    spent += stepMs;
  }
  if (!done()) throw new Error(`condition not reached within ${limitMs} ms`);
  return spent;
}

/** A new cluster with a fixed seed. */
export function newCluster(seed: string | number = 'workloads'): Cluster {
  return new Cluster({ seed });
}
