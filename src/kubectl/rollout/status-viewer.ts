/**
 * kubectl polymorphichelpers `DeploymentStatusViewer.Status`: the one line `rollout status`
 * prints for each watch event of a Deployment, and whether the rollout is done.
 * Worked example (4 replicas, update to a new template): `1 out of 4 new replicas have been
 * updated...` → `1 old replicas are pending termination...` → `3 of 4 updated replicas are
 * available...` → `successfully rolled out`.
 */
import type { Deployment } from '../../cluster/types.js';

/** One status line (with its newline) and whether the rollout has finished. */
export interface RolloutStatus {
  message: string;
  done: boolean;
}

/** A failure kubectl prints as `error: <message>`. */
export class RolloutStatusError extends Error {}

/** `deployment.kubernetes.io/revision` as a number (deploymentutil.Revision: absent is 0). */
export function deploymentRevision(d: Deployment): number {
  const v = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
  if (v === undefined) return 0;
  if (!/^[+-]?\d+$/.test(v)) throw new RolloutStatusError(`cannot get the revision of deployment "${d.metadata.name}": strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

/** DeploymentStatusViewer.Status; `revision` 0 means the latest. Throws RolloutStatusError. */
export function deploymentStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata.name;
  if (revision > 0) {
    const current = deploymentRevision(d);
    if (revision !== current) throw new RolloutStatusError(`desired revision (${revision}) is different from the running revision (${current})`);
  }
  const status = d.status ?? {};
  if ((d.metadata.generation ?? 0) <= (status.observedGeneration ?? 0)) {
    const progressing = status.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') throw new RolloutStatusError(`deployment "${name}" exceeded its progress deadline`);
    const replicas = d.spec.replicas;
    const updated = status.updatedReplicas ?? 0;
    const total = status.replicas ?? 0;
    const available = status.availableReplicas ?? 0;
    if (replicas !== undefined && updated < replicas) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    }
    if (total > updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...\n`, done: false };
    }
    if (available < updated) {
      return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { message: `deployment "${name}" successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}
