/**
 * `kubectl set` (kubectl pkg/cmd/set): only `set image` is simulated. `kubectl set image
 * TYPE NAME container=image...` (`*` for every container) patches the pod template and prints
 * `deployment.apps/x image updated`; an unchanged object prints nothing (an empty patch).
 */
import { ApiError } from '../../cluster/errors.js';
import type { Container, KubeObject, PodSpec } from '../../cluster/types.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { resourcesAndPairs } from '../rollout/metadata-pairs.js';
import { SET_HELP } from '../rollout/set-help.js';
import { aggregateError, dryRunStrategy, dryRunSuffix, nameLine, resolveTargets, typeOf } from '../rollout/targets.js';

/** cmdutil.ParsePairs(args, "image", false): `name=image` pairs, in order. */
function parseImagePairs(pairs: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && p[0] !== '=') {
      const i = p.indexOf('=');
      const at = out.findIndex(([k]) => k === p.slice(0, i));
      if (at >= 0) out.splice(at, 1);
      out.push([p.slice(0, i), p.slice(i + 1)]);
    } else invalid.push(p);
  }
  if (invalid.length > 0) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`);
  return out;
}

/** The pod spec of an object (polymorphichelpers.UpdatePodSpecForObject), or undefined. */
function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return obj.spec as PodSpec;
  if (obj.kind === 'Deployment' || obj.kind === 'ReplicaSet') return (obj.spec as { template: { spec: PodSpec } }).template.spec;
  return undefined;
}

function setImage(containers: Container[] | undefined, name: string, image: string): boolean {
  let found = false;
  for (const c of containers ?? []) {
    if (c.name === name || name === '*') {
      found = true;
      c.image = image;
    }
  }
  return found;
}

function runSetImage(inv: Invocation): number {
  if (flagList(inv, 'filename').length > 0) throw new KubectlError('kubelab does not simulate "kubectl set image -f" yet');
  const dryRun = dryRunStrategy(inv);
  const { resources, pairs } = resourcesAndPairs(inv.args, 'image');
  const images = parseImagePairs(pairs);
  const problems: string[] = [];
  if (flagBool(inv, 'all') && flagString(inv, 'selector')) problems.push('cannot set --all and --selector at the same time');
  if (resources.length < 1) problems.push('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (images.length < 1) problems.push('at least one image update is required');
  else if (images.length > 1 && images.some(([k]) => k === '*')) problems.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (problems.length > 0) throw aggregateError(problems)!;

  const targets = resolveTargets(inv, resources, flagString(inv, 'selector'));
  const errors: (string | ApiError)[] = [...targets.errors];
  for (const obj of targets.objects) {
    const next = structuredClone(obj);
    const spec = podSpecOf(next);
    if (!spec) {
      errors.push(`error: ${typeOf(obj).plural}/${obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`);
      continue;
    }
    for (const [name, image] of images) {
      const inInit = setImage(spec.initContainers, name, image);
      const inMain = setImage(spec.containers, name, image);
      if (!inInit && !inMain) errors.push(`error: unable to find container named "${name}"`);
    }
    if (JSON.stringify(next) === JSON.stringify(obj)) continue;
    try {
      if (dryRun !== 'client') inv.ctx.cluster.api.update(next, { dryRun: dryRun === 'server' });
    } catch (err) {
      if (err instanceof ApiError) {
        errors.push(`failed to patch image update to pod template: ${err.message}`);
        continue;
      }
      throw err;
    }
    inv.ctx.stdout(nameLine(obj, `image updated${dryRunSuffix(dryRun)}`));
  }
  const failed = aggregateError(errors);
  if (failed) throw failed;
  return 0;
}

const imageCommand: CommandDef = {
  name: 'image',
  flags: [
    { name: 'all', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'field-manager', type: 'string', default: 'kubectl-set' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run: runSetImage,
};

/** kubectl set. */
export const setCommand: CommandDef = {
  name: 'set',
  help: SET_HELP,
  subcommands: [imageCommand],
  run: (inv) => {
    if (inv.args.length > 0) {
      const known = ['env', 'resources', 'selector', 'serviceaccount', 'subject'];
      if (known.includes(inv.args[0])) throw new KubectlError(`kubelab does not simulate "kubectl set ${inv.args[0]}" yet`);
      throw new UsageError(`unknown command "${inv.args.join(' ')}"`, 'kubectl set');
    }
    if (flagBool(inv, 'help')) {
      inv.ctx.stdout(SET_HELP);
      return 0;
    }
    inv.ctx.stderr(SET_HELP);
    return 1;
  },
};
