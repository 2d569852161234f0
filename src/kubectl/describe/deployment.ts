/**
 * describe.go describeDeployment: replicas, strategy, pod template, conditions, and the
 * OldReplicaSets / NewReplicaSet lines found as kubectl's deploymentutil does.
 */
import { sameJson } from '../../cluster/store.js';
import type { Deployment, KubeEvent, PodTemplateSpec, ReplicaSet } from '../../cluster/types.js';
import { describeEvents } from './events.js';
import { byteOrder, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, selectorString } from './format.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';

/** Renders a deployment; `oldRSs`/`newRS` come from `splitReplicaSets`. */
export function describeDeployment(d: Deployment, oldRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, events: readonly KubeEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    const status = d.status ?? {};
    w.write(LEVEL_0, `Name:\t${d.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(d.spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${d.spec.replicas ?? 0} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
    const ru = d.spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(w, d.spec.template);
    const conditions = status.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (oldRSs.length > 0 || newRS) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
    }
    if (events) describeEvents(w, events, nowMs);
  });
}

function intOrString(v: number | string | undefined): string {
  return v === undefined || v === null ? '<nil>' : String(v);
}

function replicaSetList(rss: readonly ReplicaSet[]): string {
  const list = rss.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ');
  return list === '' ? '<none>' : list;
}

/**
 * kubectl deploymentutil.GetAllReplicaSetsInChunks: of the ReplicaSets listed by the
 * deployment's selector, those it controls, sorted by creation time then name; the new one is
 * the first whose template equals the deployment's ignoring pod-template-hash, and the old
 * ones are all the others (scaled to zero or not).
 */
export function splitReplicaSets(d: Deployment, listed: readonly ReplicaSet[]): { oldRSs: ReplicaSet[]; newRS: ReplicaSet | undefined } {
  const owned = listed
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid))
    .sort((a, b) => Date.parse(a.metadata.creationTimestamp ?? '') - Date.parse(b.metadata.creationTimestamp ?? '') || byteOrder(a.metadata.name ?? '', b.metadata.name ?? ''));
  const newRS = owned.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
  };
  return sameJson(pruneEmpty(strip(a)), pruneEmpty(strip(b)));
}

/**
 * apimachinery's semantic DeepEqual treats nil and empty slices and maps alike, and a null
 * time (`creationTimestamp: null` in templates) as the zero time: drop all of them first.
 */
function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? undefined : value.map(pruneEmpty);
  if (value === null || typeof value !== 'object') return value ?? undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const pruned = pruneEmpty(v);
    if (pruned !== undefined) out[k] = pruned;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
