/**
 * `kubectl rollout pause|resume|restart` (rollout_pause.go, rollout_resume.go,
 * rollout_restart.go with polymorphichelpers objectpauser/objectresumer/objectrestarter):
 * each computes a patch per object; an object the helper refuses (`is already paused`,
 * `is not paused`) is an error `error: deployments.apps "x" is already paused`, the rest are
 * patched and printed as `deployment.apps/x paused`.
 */
import type { ApiError } from '../../cluster/errors.js';
import type { Deployment, KubeObject } from '../../cluster/types.js';
import { flagString, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { aggregateError, nameLine, resolveTargets, resourceString, typeOf } from './targets.js';

type Mutation = (d: Deployment, inv: Invocation) => Deployment | 'unchanged';

const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

const pause: Mutation = (d) => {
  if (d.spec.paused) throw new MutationError('is already paused');
  d.spec.paused = true;
  return d;
};

const resume: Mutation = (d) => {
  if (!d.spec.paused) throw new MutationError('is not paused');
  d.spec.paused = false;
  return d;
};

/** objectrestarter: the pod template's restartedAt annotation, time.Now() in RFC 3339 (whole seconds). */
const restart: Mutation = (d, inv) => {
  if (d.spec.paused) throw new MutationError("can't restart paused deployment (run rollout resume first)");
  const at = inv.ctx.cluster.clock.timestamp();
  const meta = (d.spec.template.metadata ??= {});
  if (meta.annotations?.[RESTARTED_AT] === at) return 'unchanged';
  meta.annotations = { ...(meta.annotations ?? {}), [RESTARTED_AT]: at };
  return d;
};

class MutationError extends Error {}

const VERBS: Record<'pause' | 'resume' | 'restart', { mutate: Mutation; done: string; unsupported: string }> = {
  pause: { mutate: pause, done: 'paused', unsupported: 'pausing is not supported' },
  resume: { mutate: resume, done: 'resumed', unsupported: 'resuming is not supported' },
  restart: { mutate: restart, done: 'restarted', unsupported: 'restarting is not supported' },
};

/** Runs `rollout pause`, `rollout resume` or `rollout restart`. */
export function runRolloutPatchVerb(inv: Invocation, verb: 'pause' | 'resume' | 'restart'): number {
  if (inv.args.length === 0) throw new KubectlError('required resource not specified');
  const spec = VERBS[verb];
  const targets = resolveTargets(inv, inv.args, flagString(inv, 'selector'));
  const errors: (string | ApiError)[] = [...targets.errors];
  if (verb === 'restart' && targets.objects.length === 0 && targets.errors.length === 0) {
    throw new KubectlError(`no resources found in ${inv.namespace} namespace`);
  }
  for (const obj of targets.objects) {
    const name = obj.metadata.name!;
    let next: Deployment | 'unchanged';
    try {
      if (typeOf(obj).kind !== 'Deployment') throw new MutationError(spec.unsupported);
      next = spec.mutate(structuredClone(obj) as Deployment, inv);
    } catch (err) {
      if (!(err instanceof MutationError)) throw err;
      errors.push(`error: ${resourceString(obj)} "${name}" ${err.message}`);
      continue;
    }
    if (next === 'unchanged') {
      errors.push(`failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`);
      continue;
    }
    try {
      inv.ctx.cluster.api.update(next as KubeObject);
    } catch (err) {
      if (err instanceof Error && 'reason' in err) {
        errors.push(`failed to patch: ${err.message}`);
        continue;
      }
      throw err;
    }
    inv.ctx.stdout(nameLine(obj, spec.done));
  }
  const failed = aggregateError(errors);
  if (failed) throw failed;
  return 0;
}
