/** describe.go describeReplicaSet: `kubectl describe replicaset`. */
import type { KubeEvent, Pod, ReplicaSet } from '../../cluster/types.js';
import { describeEvents } from './events.js';
import { formatLabelSelector, printAnnotationsMultiline, printLabelsMultiline } from './format.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer.js';

/** Pod phase counts of a controller's pods (getPodStatusForController). */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** Counts the phases of the listed pods whose controller is the object with `uid`. */
export function podPhaseCounts(pods: readonly Pod[], uid: string | undefined): PodPhaseCounts {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const ref = (p.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (!ref || ref.uid !== uid) continue;
    const phase = p.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

/** Renders a ReplicaSet with its pods' phase counts and events. */
export function describeReplicaSet(rs: ReplicaSet, counts: PodPhaseCounts, events: readonly KubeEvent[] | undefined, nowMs: number): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const owner = (rs.metadata.ownerReferences ?? []).find((r) => r.controller);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`);
    describePodTemplate(w, rs.spec.template);
    const conditions = ((rs.status as Record<string, unknown> | undefined)?.conditions as { type: string; status: string; reason?: string }[] | undefined) ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(LEVEL_1, '----\t------\t------\n');
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (events) describeEvents(w, events, nowMs);
  });
}
