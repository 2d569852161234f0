/**
 * `kubectl rollout status` (kubectl pkg/cmd/rollout/rollout_status.go): list-then-watch the one
 * Deployment and print DeploymentStatusViewer's line for every ADDED/MODIFIED event, as
 * watchtools.UntilWithSync does (so a line repeats when the object changes but the counts do
 * not). Virtual time advances from timer to timer until the rollout is done, `--timeout`
 * passes (`error: timed out waiting for the condition`), or the watch budget / an interrupt
 * stops it (kubectl's interrupt handler exits 1 without a message).
 */
import { DEFAULT_WATCH_BUDGET_MS, passTime } from '../context.js';
import type { WatchEvent } from '../../cluster/store.js';
import type { Deployment } from '../../cluster/types.js';
import { flagBool, flagInt, flagString, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { deploymentStatus, RolloutStatusError } from './status-viewer.js';
import { aggregateError, resolveTargets, typeOf } from './targets.js';

/** Runs `rollout status`; returns the exit code. */
export async function runRolloutStatus(inv: Invocation): Promise<number> {
  const { ctx } = inv;
  if (inv.args.length === 0) throw new KubectlError('required resource not specified');
  const revision = flagInt(inv, 'revision');
  if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
  const targets = resolveTargets(inv, inv.args, flagString(inv, 'selector'));
  const failed = aggregateError(targets.errors);
  if (failed) throw failed;
  if (targets.objects.length !== 1) {
    throw new KubectlError(`rollout status is only supported on individual resources and resource collections - ${targets.objects.length} resources were found`);
  }
  const target = targets.objects[0];
  const type = typeOf(target);
  if (type.kind !== 'Deployment') {
    throw new KubectlError(`no status viewer has been implemented for ${type.group ? `${type.kind}.${type.group}` : type.kind}`);
  }
  const watch = flagBool(inv, 'watch');
  const timeoutMs = Number(inv.flags.timeout ?? 0);
  const budgetMs = ctx.watchBudgetMs ?? DEFAULT_WATCH_BUDGET_MS;
  const cluster = ctx.cluster;
  const start = cluster.clock.now();
  const deadline = timeoutMs > 0 ? start + timeoutMs : Infinity;
  const budgetEnd = start + budgetMs;

  const queue: WatchEvent[] = [];
  const ns = target.metadata.namespace;
  const name = target.metadata.name;
  const stop = cluster.store.watch((e) => {
    if (e.object.kind === 'Deployment' && e.object.metadata.namespace === ns && e.object.metadata.name === name) queue.push(e);
  });
  try {
    // The informer's initial list delivers the current object as ADDED.
    queue.push({ type: 'ADDED', object: cluster.store.get('Deployment', ns, name!) });
    for (;;) {
      while (queue.length > 0) {
        const e = queue.shift()!;
        if (e.type === 'DELETED') throw new KubectlError('object has been deleted');
        let status;
        try {
          status = deploymentStatus(e.object as Deployment, revision);
        } catch (err) {
          if (err instanceof RolloutStatusError) throw new KubectlError(err.message);
          throw err;
        }
        ctx.stdout(status.message);
        if (status.done || !watch) return 0;
      }
      if (ctx.signal?.aborted) return 1;
      const now = cluster.clock.now();
      if (now >= deadline) throw new KubectlError('timed out waiting for the condition');
      if (now >= budgetEnd) return 1;
      const next = cluster.clock.nextTimerAt();
      const until = Math.min(next ?? Infinity, deadline, budgetEnd);
      await passTime(ctx, Math.max(0, until - now));
    }
  } finally {
    stop();
  }
}
