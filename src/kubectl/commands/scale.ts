/**
 * `kubectl scale` (kubectl pkg/cmd/scale/scale.go and pkg/scale): sets spec.replicas of
 * Deployments and ReplicaSets through their scale subresource, with the --current-replicas
 * and --resource-version preconditions, and prints `deployment.apps/x scaled`.
 */
import { ApiError } from '../../cluster/errors.js';
import type { KubeObject } from '../../cluster/types.js';
import { flagInt, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { requireFlags } from '../rollout/klog.js';
import { aggregateError, dryRunStrategy, dryRunSuffix, nameLine, resolveTargets } from '../rollout/targets.js';

/** The builder's message when neither arguments nor -f were given. */
export const NO_RESOURCES_MESSAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

const SCALABLE = new Set(['Deployment', 'ReplicaSet']);

function runScale(inv: Invocation): number {
  requireFlags(inv, ['replicas']);
  const replicas = flagInt(inv, 'replicas');
  const currentReplicas = flagInt(inv, 'current-replicas');
  const resourceVersion = flagString(inv, 'resource-version');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (currentReplicas < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
  if (flagList(inv, 'filename').length > 0) throw new KubectlError('kubelab does not simulate "kubectl scale -f" yet');
  if (inv.args.length === 0) throw new KubectlError(NO_RESOURCES_MESSAGE);
  const dryRun = dryRunStrategy(inv);
  const selector = flagString(inv, 'selector');
  const targets = resolveTargets(inv, inv.args, selector);
  if (targets.errors.length > 0) throw aggregateError(targets.errors)!;
  if (targets.objects.length === 0) throw new KubectlError('no objects passed to scale');
  if (targets.objects.length > 1 && (currentReplicas !== -1 || resourceVersion !== '')) {
    throw new KubectlError('--current-replicas and --resource-version may only be used with a single resource');
  }
  const errors: (string | ApiError)[] = [];
  for (const obj of targets.objects) {
    try {
      scaleOne(inv, obj, replicas, currentReplicas, resourceVersion, dryRun);
      inv.ctx.stdout(nameLine(obj, `scaled${dryRunSuffix(dryRun)}`));
    } catch (err) {
      if (err instanceof ApiError) errors.push(err);
      else if (err instanceof KubectlError) errors.push(err.message);
      else throw err;
    }
  }
  const failed = aggregateError(errors);
  if (failed) throw failed;
  return 0;
}

function scaleOne(inv: Invocation, obj: KubeObject, replicas: number, currentReplicas: number, resourceVersion: string, dryRun: string): void {
  if (!SCALABLE.has(obj.kind)) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  const spec = obj.spec as { replicas?: number };
  if (currentReplicas !== -1 && (spec.replicas ?? 0) !== currentReplicas) {
    throw new KubectlError(`Expected replicas to be ${currentReplicas}, was ${spec.replicas ?? 0}`);
  }
  if (resourceVersion !== '' && obj.metadata.resourceVersion !== resourceVersion) {
    throw new KubectlError(`Expected resourceVersion to be ${resourceVersion}, was ${obj.metadata.resourceVersion}`);
  }
  if (dryRun === 'client') return;
  const next = structuredClone(obj);
  (next.spec as { replicas?: number }).replicas = replicas;
  inv.ctx.cluster.api.update(next, { dryRun: dryRun === 'server' });
}

/** kubectl scale. */
export const scaleCommand: CommandDef = {
  name: 'scale',
  flags: [
    { name: 'replicas', type: 'int', default: -1 },
    { name: 'current-replicas', type: 'int', default: -1 },
    { name: 'resource-version', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run: runScale,
};
