/**
 * The run of `kubectl label` and `kubectl annotate` (label.go RunLabel, annotate.go
 * RunAnnotate): resolve the objects, refuse overwrites without --overwrite, write the new
 * map (a JSON merge patch in kubectl), print `pod/x labeled` / `pod/x annotated`.
 */
import { ApiError } from '../../cluster/errors.js';
import type { KubeObject } from '../../cluster/types.js';
import { flagBool, flagString, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { applyPairs, labelChangeMessage, parseAnnotationPairs, parseLabelPairs, resourcesAndPairs, type PairChanges } from './metadata-pairs.js';
import { aggregateError, dryRunStrategy, dryRunSuffix, nameLine, resolveTargets } from './targets.js';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

class ClashErrors extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join('\n'));
  }
}

/** Runs `kubectl label` (`field` labels) or `kubectl annotate` (`field` annotations). */
export function runMetadataVerb(inv: Invocation, field: 'labels' | 'annotations'): number {
  const pairType = field === 'labels' ? 'label' : 'annotation';
  const dryRun = dryRunStrategy(inv);
  const { resources, pairs } = resourcesAndPairs(inv.args, pairType);
  const changes = field === 'labels' ? parseLabelPairs(pairs) : parseAnnotationPairs(pairs);
  const all = flagBool(inv, 'all');
  const selector = flagString(inv, 'selector');
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
  if (resources.length < 1) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  if (changes.set.length < 1 && changes.remove.length < 1 && !flagBool(inv, 'list')) throw new KubectlError(`at least one ${pairType} update is required`);
  if (flagBool(inv, 'list')) throw new KubectlError(`kubelab does not simulate "kubectl ${pairType === 'label' ? 'label' : 'annotate'} --list" yet`);
  const overwrite = flagBool(inv, 'overwrite');
  const targets = resolveTargets(inv, resources, selector);
  const errors: (string | ApiError)[] = [...targets.errors];
  for (const obj of targets.objects) {
    try {
      const op = updateOne(inv, obj, field, changes, overwrite, dryRun);
      inv.ctx.stdout(nameLine(obj, `${op}${dryRunSuffix(dryRun)}`));
    } catch (err) {
      if (err instanceof ClashErrors) errors.push(...err.messages);
      else if (err instanceof ApiError) errors.push(err);
      else if (err instanceof KubectlError) errors.push(err.message);
      else throw err;
    }
  }
  const failed = aggregateError(errors);
  if (failed) throw failed;
  return 0;
}

function updateOne(inv: Invocation, obj: KubeObject, field: 'labels' | 'annotations', changes: PairChanges, overwrite: boolean, dryRun: string): string {
  const current = obj.metadata[field];
  if (!overwrite) {
    if (field === 'labels') {
      const clashes = changes.set.filter(([k]) => current?.[k] !== undefined).map(([k]) => `'${k}' already has a value (${current![k]}), and --overwrite is false`);
      // validateNoOverwrites returns an aggregate: one error alone, several one per line.
      if (clashes.length > 0) throw new ClashErrors(clashes);
    } else {
      const clashes = changes.set.filter(([k]) => k !== CHANGE_CAUSE && current?.[k] !== undefined).map(([k]) => `'${k}' already has a value (${current![k]})`);
      if (clashes.length > 0) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${clashes.join('; ')}`);
    }
  }
  if (field === 'labels' && dryRun === 'none') {
    for (const k of changes.remove) if (current?.[k] === undefined) inv.ctx.stdout(`label "${k}" not found.\n`);
  }
  const oldJson = JSON.stringify(obj);
  const next = structuredClone(obj);
  next.metadata[field] = applyPairs(current, changes);
  const newJson = JSON.stringify(next);
  if (dryRun !== 'client' && oldJson !== newJson) inv.ctx.cluster.api.update(next, { dryRun: dryRun === 'server' });
  return field === 'labels' ? labelChangeMessage(oldJson, newJson, overwrite) : 'annotated';
}
