/**
 * `kubectl apply -f` (client-side apply, kubectl `cmd/apply/apply.go` and `patcher.go`): each
 * object is created with the last-applied-configuration annotation when it does not exist,
 * otherwise patched with the three-way strategic merge patch of last-applied, the new config
 * and the live object (`{}` prints `unchanged`). Objects are handled in file order; errors of
 * reading and of writing are printed together at the end, and any error exits 1.
 * `--server-side` is not built yet.
 */
import { jsonBodyBytes } from '../../cluster/api-server.js';
import { ApiError } from '../../cluster/errors.js';
import { createThreeWayMergePatch } from '../../cluster/patch/three-way.js';
import type { KubeObject } from '../../cluster/types.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { readManifests, validateMode, type ManifestObject } from '../manifests/read-manifests.js';
import {
  addSourceToErr, dryRunSuffix, finalError, LAST_APPLIED, lastAppliedText, parseDryRun, printObject, printWarnings, resourceName, type DryRun,
} from '../manifests/write-support.js';

/** kubectl apply. */
export const applyCommand: CommandDef = {
  name: 'apply',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'validate', type: 'string', default: 'strict' },
    { name: 'server-side', type: 'bool' },
    { name: 'force-conflicts', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply' },
    { name: 'prune', type: 'bool' },
    { name: 'all', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'overwrite', type: 'bool', default: true },
    { name: 'record', type: 'bool' },
    { name: 'wait', type: 'bool' },
    { name: 'kustomize', short: 'k', type: 'string' },
  ],
  run: (inv) => runApply(inv),
};

function runApply(inv: Invocation): number {
  const { ctx } = inv;
  const files = flagList(inv, 'filename');
  if (flagString(inv, 'kustomize')) throw new KubectlError('kubelab does not simulate kustomize (-k); use -f with plain manifests');
  // ToOptions: arguments first, then RequireFilenameOrKustomize (a plain error, no usage hint).
  if (inv.args.length > 0) throw new UsageError(`Unexpected args: [${inv.args.join(' ')}]`, 'kubectl apply');
  if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
  if (flagBool(inv, 'prune')) {
    // ApplyOptions.Validate; pruning itself is not simulated.
    if (flagBool(inv, 'all') && flagString(inv, 'selector')) throw new KubectlError('cannot set --all and --selector at the same time');
    if (!flagBool(inv, 'all') && !flagString(inv, 'selector')) {
      throw new KubectlError('all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector');
    }
    throw new KubectlError('kubelab does not simulate pruning (--prune) yet; delete the objects you no longer want with kubectl delete');
  }
  if (flagBool(inv, 'server-side')) throw new KubectlError('kubelab does not simulate server-side apply (--server-side) yet; use client-side apply');
  const dryRun = parseDryRun(flagString(inv, 'dry-run'), inv.changed.has('dry-run'));
  const output = flagString(inv, 'output');
  const read = readManifests(ctx, files, {
    recursive: flagBool(inv, 'recursive'),
    validate: validateMode(flagString(inv, 'validate')),
    namespace: inv.namespace,
    enforceNamespace: inv.namespaceExplicit,
  });
  const errors: unknown[] = [...read.errors];
  if (read.objects.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
  const printed: unknown[] = [];
  for (const m of read.objects) {
    try {
      const { object, operation } = applyOne(inv, m, dryRun);
      if (output && output !== 'name') printed.push(object);
      else if (output === 'name') printObject(ctx, 'name', object, m.type, operation);
      else ctx.stdout(`${resourceName(m.type, String(m.object.metadata.name ?? ''))} ${operation}${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      if (!(e instanceof ApiError) && !(e instanceof KubectlError)) throw e;
      errors.push(e);
    }
  }
  if (printed.length === 1) printObject(ctx, output, printed[0], undefined, '');
  else if (printed.length > 1) printObject(ctx, output, { apiVersion: 'v1', items: printed, kind: 'List', metadata: {} }, undefined, '');
  const err = finalError(errors);
  if (err) throw err;
  return 0;
}

/** Creates or patches one object; returns what the server answered and the verb to print. */
function applyOne(inv: Invocation, m: ManifestObject, dryRun: DryRun): { object: KubeObject; operation: string } {
  const { ctx } = inv;
  const api = ctx.cluster.api;
  const name = m.object.metadata.name;
  if (typeof name !== 'string' || name === '') {
    throw new KubectlError(`error when retrieving current configuration of:\nResource: "${gvr(m)}", GroupVersionKind: "${gvk(m)}"\nName: "", Namespace: "${m.object.metadata.namespace ?? ''}"\nfrom server for: "${m.source}": resource name may not be empty`);
  }
  const ns = m.object.metadata.namespace as string | undefined;
  const modified = withLastApplied(m.object);
  const live = ctx.cluster.store.find(m.type.kind, ns, name);
  if (!live) {
    if (dryRun === 'client') return { object: modified as KubeObject, operation: 'created' };
    try {
      const res = api.create(modified, { fieldValidation: 'Strict', dryRun: dryRun === 'server', fieldManager: 'kubectl-client-side-apply', bodyBytes: jsonBodyBytes(modified) });
      printWarnings(ctx, res.warnings);
      return { object: res.object, operation: 'created' };
    } catch (e) {
      throw addSourceToErr('creating', m.source, e);
    }
  }
  const originalText = live.metadata.annotations?.[LAST_APPLIED];
  if (originalText === undefined) {
    ctx.stderr(`Warning: resource ${m.type.plural}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
  }
  const original = originalText ? (JSON.parse(originalText) as Record<string, unknown>) : undefined;
  const patch = createThreeWayMergePatch(original, modified, live as Record<string, unknown>, m.type.kind);
  if (Object.keys(patch).length === 0) return { object: live, operation: 'unchanged' };
  if (dryRun === 'client') return { object: live, operation: 'configured' };
  try {
    const res = api.patch(m.type.kind, ns, name, 'strategic', patch, { fieldValidation: 'Strict', dryRun: dryRun === 'server', fieldManager: 'kubectl-client-side-apply', bodyBytes: jsonBodyBytes(patch) });
    printWarnings(ctx, res.warnings);
    return { object: res.object, operation: 'configured' };
  } catch (e) {
    if (e instanceof ApiError && e.reason !== 'Invalid') {
      const prefix = `error when applying patch:\n${JSON.stringify(patch)}\nto:\nResource: "${gvr(m)}", GroupVersionKind: "${gvk(m)}"\nName: "${name}", Namespace: "${ns ?? ''}"\nfor: "${m.source}": error when patching "${m.source}": `;
      throw new ApiError(e.reason, e.code, prefix + e.message, e.details);
    }
    throw e;
  }
}

/** The object with the last-applied-configuration annotation set (CreateApplyAnnotation). */
export function withLastApplied(obj: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(obj) as Record<string, unknown> & { metadata: Record<string, unknown> };
  const text = lastAppliedText(obj);
  copy.metadata.annotations = { ...((copy.metadata.annotations as Record<string, string> | undefined) ?? {}), [LAST_APPLIED]: text };
  return copy;
}

function gvr(m: ManifestObject): string {
  return `${m.type.group ? `${m.type.group}/` : ''}${m.type.version}, Resource=${m.type.plural}`;
}

function gvk(m: ManifestObject): string {
  return `${m.type.group ? `${m.type.group}/` : ''}${m.type.version}, Kind=${m.type.kind}`;
}
