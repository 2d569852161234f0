/**
 * `kubectl describe` (kubectl pkg/cmd/describe): resolves the arguments as the resource
 * builder does, describes each object in order (blank lines between), prints the errors last,
 * and, for `describe TYPE NAME` with no object of that name, describes every object whose
 * name starts with NAME (DescribeMatchingResources).
 */
import { ApiError, notFound } from '../../cluster/errors.js';
import type { ResourceType } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { describeObject } from '../describe/describe-object.js';
import { parseLabelSelector, type LabelPredicate } from '../describe/label-selector.js';
import { formatApiError, KubectlError } from '../errors.js';
import { parseResourceArgs } from '../resource-args.js';

/** kubectl describe. */
export const describeCommand: CommandDef = {
  name: 'describe',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'show-events', type: 'bool', default: true },
    { name: 'chunk-size', type: 'int', default: 500 },
  ],
  run: runDescribe,
};

function runDescribe(inv: Invocation): number {
  const { ctx } = inv;
  if (flagList(inv, 'filename').length > 0 || flagString(inv, 'kustomize') !== '') {
    throw new KubectlError('kubelab does not simulate "kubectl describe -f" yet');
  }
  if (inv.args.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const allNamespaces = flagBool(inv, 'all-namespaces');
  const selectorText = flagString(inv, 'selector');
  const selector = selectorText ? parseLabelSelector(selectorText) : undefined;
  const requests = parseResourceArgs(inv.args);
  if (selector && requests.some((r) => r.names.length > 0)) throw new KubectlError('name cannot be provided when a selector is specified');
  const settings = { showEvents: flagBool(inv, 'show-events'), nowMs: ctx.cluster.clock.now() };

  const objects: KubeObject[] = [];
  const errors: ApiError[] = [];
  for (const req of requests) {
    if (req.names.length === 0) {
      objects.push(...listObjects(inv, req.type, allNamespaces, selector));
      continue;
    }
    for (const name of req.names) {
      const found = ctx.cluster.store.find(req.type.kind, req.type.namespaced ? inv.namespace : undefined, name);
      if (found) objects.push(found);
      else errors.push(notFound(req.type, name));
    }
  }

  // `describe TYPE NAME` (exactly two arguments) falls back to a name-prefix search.
  if (errors.length > 0 && inv.args.length === 2 && !inv.args[0].includes('/')) {
    return describeMatching(inv, requests[0].type, inv.args[1], errors[0]);
  }

  const out: string[] = [];
  for (const obj of objects) {
    try {
      out.push(describeObject(ctx.cluster, obj, settings));
    } catch (err) {
      if (err instanceof ApiError) errors.push(err);
      else throw err;
    }
  }
  if (out.length > 0) ctx.stdout(out.join('\n\n'));
  if (objects.length === 0 && errors.length === 0) {
    ctx.stderr(allNamespaces ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  if (errors.length > 0) {
    ctx.stderr(errors.map((e) => `${formatApiError(e)}\n`).join(''));
    return 1;
  }
  return 0;
}

function listObjects(inv: Invocation, type: ResourceType, allNamespaces: boolean, selector: LabelPredicate | undefined): KubeObject[] {
  const ns = type.namespaced && !allNamespaces ? inv.namespace : undefined;
  const all = inv.ctx.cluster.store.list(type.kind, ns);
  return selector ? all.filter((o) => selector(o.metadata.labels ?? {})) : all;
}

/** DescribeMatchingResources: every object of the type in the namespace whose name has the prefix. */
function describeMatching(inv: Invocation, type: ResourceType, prefix: string, original: ApiError): number {
  const { ctx } = inv;
  const settings = { showEvents: flagBool(inv, 'show-events'), nowMs: ctx.cluster.clock.now() };
  const matches = ctx.cluster.store.list(type.kind, type.namespaced ? inv.namespace : undefined).filter((o) => (o.metadata.name ?? '').startsWith(prefix));
  if (matches.length === 0) throw original;
  for (const obj of matches) ctx.stdout(`${describeObject(ctx.cluster, obj, settings)}\n`);
  return 0;
}
