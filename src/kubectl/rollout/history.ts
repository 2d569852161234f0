/**
 * kubectl polymorphichelpers `DeploymentHistoryViewer.ViewHistory` and rollback.go's
 * `deploymentRevision`: a Deployment's revisions are the `deployment.kubernetes.io/revision`
 * annotations of the ReplicaSets it controls (selector match and ControllerRef, as
 * deploymentutil.ListReplicaSets), so a canary RS whose labels match is never listed.
 */
import { selectorMatches } from '../../cluster/selectors.js';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../cluster/types.js';
import { tabbedString, untabbedString } from '../describe/prefix-writer.js';
import { describePodTemplate } from '../describe/pod-template.js';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** ReplicaSets matching the Deployment's selector and controlled by it (IsControlledBy). */
export function controlledReplicaSets(d: Deployment, all: readonly ReplicaSet[]): ReplicaSet[] {
  return all.filter(
    (rs) =>
      rs.metadata.namespace === d.metadata.namespace &&
      selectorMatches(d.spec.selector, rs.metadata.labels ?? {}) &&
      (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid),
  );
}

/** The revision of a ReplicaSet, or undefined when the annotation is missing or not an integer (skipped). */
export function replicaSetRevision(rs: ReplicaSet): number | undefined {
  const v = rs.metadata.annotations?.['deployment.kubernetes.io/revision'];
  // deploymentutil.Revision: a missing annotation is revision 0; a malformed one is skipped.
  if (v === undefined) return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

/** A failure kubectl prints as `error: <message>`. */
export class HistoryError extends Error {}

/**
 * The text ViewHistory returns: the REVISION/CHANGE-CAUSE table (describe's tabwriter), or
 * with `revision` > 0 that revision's pod template, or `No rollout history found.`.
 */
export function viewDeploymentHistory(rss: readonly ReplicaSet[], revision = 0): string {
  const info = new Map<number, PodTemplateSpec>();
  for (const rs of rss) {
    const v = replicaSetRevision(rs);
    if (v === undefined) continue;
    const template = structuredClone(rs.spec.template);
    template.metadata ??= {};
    template.metadata.annotations ??= {};
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    if (cause) template.metadata.annotations[CHANGE_CAUSE] = cause;
    info.set(v, template);
  }
  if (info.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const template = info.get(revision);
    if (!template) throw new HistoryError('unable to find the specified revision');
    return printTemplate(template);
  }
  const revisions = [...info.keys()].sort((a, b) => a - b);
  return tabbedString((w) => {
    w.writeLine('REVISION\tCHANGE-CAUSE');
    for (const r of revisions) {
      const cause = info.get(r)!.metadata?.annotations?.[CHANGE_CAUSE] || '<none>';
      w.writeLine(`${r}\t${cause}`);
    }
  });
}

/**
 * history.go printTemplate: DescribePodTemplate through a prefix writer over a plain buffer:
 * no tabwriter, so the tabs reach the terminal as they are (recorded from the real kubectl
 * against kubelab serve: `  Labels:\tapp=nginx`).
 */
export function printTemplate(template: PodTemplateSpec): string {
  return untabbedString((w) => describePodTemplate(w, template));
}

/**
 * rollback.go deploymentRevision: the RS of `toRevision`, or with 0 the one with the
 * second-highest revision. Throws HistoryError with kubectl's messages.
 */
export function rollbackTarget(d: Deployment, rss: readonly ReplicaSet[], toRevision: number): ReplicaSet {
  let latest: ReplicaSet | undefined;
  let latestRevision = -1;
  let previous: ReplicaSet | undefined;
  let previousRevision = -1;
  for (const rs of rss) {
    const v = replicaSetRevision(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw new HistoryError(revisionNotFound(toRevision));
  if (!previous) throw new HistoryError(`no rollout history found for deployment "${d.metadata.name}"`);
  return previous;
}

/** `unable to find specified revision 5 in history`. */
export function revisionNotFound(revision: number): string {
  return `unable to find specified revision ${revision} in history`;
}
