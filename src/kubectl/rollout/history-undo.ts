/**
 * `kubectl rollout history` and `kubectl rollout undo` (rollout_history.go, rollout_undo.go,
 * polymorphichelpers history.go and rollback.go). Undo is client-side as in kubectl: read the
 * Deployment's ReplicaSets, pick the target revision, and send a JSON patch replacing
 * /spec/template (hash label removed) and /metadata/annotations.
 */
import { sameJson } from '../../cluster/store.js';
import type { ApiError } from '../../cluster/errors.js';
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../cluster/types.js';
import { flagInt, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { controlledReplicaSets, HistoryError, printTemplate, revisionNotFound, rollbackTarget, viewDeploymentHistory } from './history.js';
import { aggregateError, dryRunStrategy, dryRunSuffix, nameLine, resolveTargets, typeOf } from './targets.js';

const HASH_LABEL = 'pod-template-hash';

/** Annotations kept from the Deployment, never copied from the ReplicaSet (rollback.go annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function replicaSetsOf(inv: Invocation, d: Deployment): ReplicaSet[] {
  return controlledReplicaSets(d, inv.ctx.cluster.store.view<ReplicaSet>('ReplicaSet', d.metadata.namespace));
}

/** Visits each target; a kind without a history/rollback implementation is an error for that object. */
function forEachDeployment(inv: Invocation, what: 'history viewer' | 'rollbacker', fn: (d: Deployment) => void): number {
  const targets = resolveTargets(inv, inv.args);
  const errors: (string | ApiError)[] = [...targets.errors];
  for (const obj of targets.objects) {
    const t = typeOf(obj);
    if (t.kind !== 'Deployment') {
      const gk = t.group ? `${t.kind}.${t.group}` : t.kind;
      errors.push(`no ${what} has been implemented for "${gk}"`);
      continue;
    }
    try {
      fn(obj as Deployment);
    } catch (err) {
      if (err instanceof HistoryError) errors.push(err.message);
      else throw err;
    }
  }
  const failed = aggregateError(errors);
  if (failed) throw failed;
  return 0;
}

/** Runs `rollout history`. */
export function runRolloutHistory(inv: Invocation): number {
  if (inv.args.length === 0) throw new KubectlError('required resource not specified');
  const revision = flagInt(inv, 'revision');
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  return forEachDeployment(inv, 'history viewer', (d) => {
    const text = viewDeploymentHistory(replicaSetsOf(inv, d), revision);
    const withRevision = revision > 0 ? `with revision #${revision}` : '';
    inv.ctx.stdout(nameLine(d, `${withRevision}\n${text}`));
  });
}

/** Runs `rollout undo`. */
export function runRolloutUndo(inv: Invocation): number {
  if (inv.args.length === 0) throw new KubectlError('required resource not specified');
  const dryRun = dryRunStrategy(inv);
  const toRevision = flagInt(inv, 'to-revision');
  return forEachDeployment(inv, 'rollbacker', (d) => {
    const result = rollback(inv, d, toRevision, dryRun);
    inv.ctx.stdout(nameLine(d, `${result}${dryRunSuffix(dryRun)}`));
  });
}

/** DeploymentRollbacker.Rollback: returns the operation text (`rolled back`, `skipped rollback (...)`). */
function rollback(inv: Invocation, d: Deployment, toRevision: number, dryRun: 'none' | 'client' | 'server'): string {
  if (toRevision < 0) throw new HistoryError(revisionNotFound(toRevision));
  const target = rollbackTarget(d, replicaSetsOf(inv, d), toRevision);
  if (dryRun === 'client') return printTemplate(target.spec.template);
  if (d.spec.paused) {
    // polymorphichelpers/rollback.go since kubectl v1.2x: the command no longer names the object.
    throw new HistoryError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  if (equalIgnoreHash(target.spec.template, d.spec.template)) return `skipped rollback (current template already matches revision ${toRevision})`;
  const template = structuredClone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) {
    const v = d.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  const patch = [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
  try {
    inv.ctx.cluster.api.patch('Deployment', d.metadata.namespace, d.metadata.name!, 'json', patch, { dryRun: dryRun === 'server' });
  } catch (err) {
    if (err instanceof Error && 'reason' in err) throw new HistoryError(`failed restoring revision ${toRevision}: ${err.message}`);
    throw err;
  }
  return 'rolled back';
}

/** rollback.go equalIgnoreHash: Semantic.DeepEqual with the hash label dropped (nil and empty maps are equal). */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec) => {
    const c = structuredClone(t);
    if (c.metadata?.labels) delete c.metadata.labels[HASH_LABEL];
    return dropEmpty(c);
  };
  return sameJson(strip(a), strip(b));
}

function dropEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(dropEmpty);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const y = dropEmpty(x);
      if (y !== undefined && !(typeof y === 'object' && y !== null && !Array.isArray(y) && Object.keys(y).length === 0 && isMapLike(k))) out[k] = y;
    }
    return out;
  }
  return v;
}

/** Fields that are Go maps (nil and empty compare equal); empty structs are kept. */
function isMapLike(key: string): boolean {
  return key === 'labels' || key === 'annotations' || key === 'nodeSelector' || key === 'data';
}
