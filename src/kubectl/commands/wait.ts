/**
 * `kubectl wait --for=condition=X[=status] | --for=delete TYPE NAME...` (kubectl
 * pkg/cmd/wait): advances virtual time from timer to timer until every object meets the
 * condition (`deployment.apps/x condition met`) or --timeout (default 30s) passes
 * (`error: timed out waiting for the condition on deployments/x`).
 */
import type { KubeObject } from '../../cluster/types.js';
import { flagString, type CommandDef, type Invocation } from '../command.js';
import { passTime } from '../context.js';
import { KubectlError } from '../errors.js';
import { aggregateError, nameLine, resolveTargets, typeOf } from '../rollout/targets.js';

type Check = (current: KubeObject | undefined) => boolean;

/** Parses --for into a check (wait.go conditionFuncFor); throws `unrecognized condition`. */
function conditionFor(forText: string): { check: Check; deletion: boolean } {
  const lower = forText.toLowerCase();
  if (lower === 'delete') return { check: (o) => o === undefined, deletion: true };
  if (lower.startsWith('condition=')) {
    const rest = forText.slice('condition='.length);
    const [type, status = 'True'] = rest.split('=', 2);
    return {
      deletion: false,
      check: (o) => {
        const conditions = ((o?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []);
        const generation = o?.metadata.generation;
        const observed = (o?.status as { observedGeneration?: number } | undefined)?.observedGeneration;
        if (generation !== undefined && observed !== undefined && observed < generation) return false;
        return conditions.some((c) => c.type.toLowerCase() === type.toLowerCase() && c.status.toLowerCase() === status.toLowerCase());
      },
    };
  }
  if (lower.startsWith('jsonpath=') || lower === 'create') throw new KubectlError(`kubelab does not simulate "kubectl wait --for=${forText}" yet`);
  throw new KubectlError(`unrecognized condition: "${forText}"`);
}

async function runWait(inv: Invocation): Promise<number> {
  const { check, deletion } = conditionFor(flagString(inv, 'for'));
  const timeoutMs = Number(inv.flags.timeout ?? 30_000);
  const targets = resolveTargets(inv, inv.args, flagString(inv, 'selector'));
  if (targets.errors.length > 0 && !deletion) throw aggregateError(targets.errors)!;
  if (targets.objects.length === 0 && !deletion) throw new KubectlError('no matching resources found');
  const cluster = inv.ctx.cluster;
  const deadline = cluster.clock.now() + timeoutMs;
  const errors: string[] = [];
  for (const obj of targets.objects) {
    const current = () => cluster.store.find(obj.kind, obj.metadata.namespace, obj.metadata.name!);
    for (;;) {
      const now = current();
      // A deletion wait follows the uid: a recreated object of the same name counts as deleted.
      if (check(now) || (deletion && now && now.metadata.uid !== obj.metadata.uid)) {
        inv.ctx.stdout(nameLine(obj, 'condition met'));
        break;
      }
      if (!deletion && !now) {
        errors.push(`${typeOf(obj).plural} "${obj.metadata.name}" not found`);
        break;
      }
      const t = cluster.clock.now();
      if (t >= deadline || inv.ctx.signal?.aborted) {
        errors.push(`timed out waiting for the condition on ${typeOf(obj).plural}/${obj.metadata.name}`);
        break;
      }
      const next = cluster.clock.nextTimerAt();
      await passTime(inv.ctx, Math.max(0, Math.min(next ?? Infinity, deadline) - t));
    }
  }
  const failed = aggregateError(errors);
  if (failed) throw failed;
  return 0;
}

/** kubectl wait. */
export const waitCommand: CommandDef = {
  name: 'wait',
  flags: [
    { name: 'for', type: 'string' },
    { name: 'timeout', type: 'duration', default: 30_000 },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'field-selector', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
  ],
  run: runWait,
};
