/**
 * What the verbs of this folder share with scale, label, annotate and set: the objects named
 * by `TYPE NAME...` / `TYPE/NAME...` / `TYPE -l sel` (cli-runtime's Builder with
 * ContinueOnError and Latest), the name printer's `deployment.apps/x <operation>` line, and
 * how cmdutil.CheckErr prints an aggregate of errors.
 */
import { ApiError, notFound } from '../../cluster/errors.js';
import type { ResourceType } from '../../cluster/resources.js';
import { findResourceForKind } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import type { Invocation } from '../command.js';
import { parseLabelSelector } from '../describe/label-selector.js';
import { formatApiError, KubectlError } from '../errors.js';
import { parseResourceArgs } from '../resource-args.js';

/** Objects found for the arguments, in argument order, and the lookups that failed. */
export interface Targets {
  objects: KubeObject[];
  errors: ApiError[];
}

/**
 * Resolves resource arguments to objects in the invocation's namespace. A type without names
 * lists every object of the type (filtered by `selector` when given).
 */
export function resolveTargets(inv: Invocation, args: readonly string[], selector = ''): Targets {
  const requests = parseResourceArgs(args);
  if (requests.length === 0) throw new KubectlError('required resource not specified');
  const pred = selector ? parseLabelSelector(selector) : undefined;
  if (pred && requests.some((r) => r.names.length > 0)) throw new KubectlError('name cannot be provided when a selector is specified');
  const out: Targets = { objects: [], errors: [] };
  for (const req of requests) {
    const ns = req.type.namespaced ? inv.namespace : undefined;
    if (req.names.length === 0) {
      const all = inv.ctx.cluster.store.list(req.type.kind, ns);
      out.objects.push(...(pred ? all.filter((o) => pred(o.metadata.labels ?? {})) : all));
      continue;
    }
    for (const name of req.names) {
      const found = inv.ctx.cluster.store.find(req.type.kind, ns, name);
      if (found) out.objects.push(found);
      else out.errors.push(notFound(req.type, name));
    }
  }
  return out;
}

/** The resource type of a stored object. */
export function typeOf(obj: KubeObject): ResourceType {
  const r = findResourceForKind(obj.kind);
  if (!r) throw new Error(`kubelab does not model kind ${obj.kind}`);
  return r;
}

/** `deployment.apps/x` (cli-runtime NamePrinter: lower-case kind, `.group` when there is one). */
export function kindSlashName(obj: KubeObject): string {
  const r = typeOf(obj);
  return `${r.kind.toLowerCase()}${r.group ? `.${r.group}` : ''}/${obj.metadata.name}`;
}

/** The name printer's line: `deployment.apps/x scaled` (no operation: just the name). */
export function nameLine(obj: KubeObject, operation: string): string {
  return `${kindSlashName(obj)}${operation ? ` ${operation}` : ''}\n`;
}

/** `deployments.apps` / `pods`, as kubectl's `resourceString` in patch error messages. */
export function resourceString(obj: KubeObject): string {
  const r = typeOf(obj);
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/**
 * An error in the shape cmdutil.CheckErr prints a utilerrors.Aggregate: a single error alone
 * (API errors as `Error from server (...)`, others with an `error: ` prefix unless they
 * have one), several as their bare messages one per line.
 */
export function aggregateError(errors: (ApiError | string)[]): KubectlError | undefined {
  if (errors.length === 0) return undefined;
  if (errors.length === 1) {
    const e = errors[0];
    if (e instanceof ApiError) return new KubectlError(formatApiError(e), true);
    return new KubectlError(e.startsWith('error: ') ? e : `error: ${e}`, true);
  }
  return new KubectlError(errors.map((e) => (e instanceof ApiError ? e.message : e)).map((m) => (m.endsWith('\n') ? m : `${m}\n`)).join(''), true);
}

/** Writes the lines of `--dry-run` aware name printing: `(dry run)` / `(server dry run)` suffixes. */
export function dryRunSuffix(strategy: DryRun): string {
  return strategy === 'client' ? ' (dry run)' : strategy === 'server' ? ' (server dry run)' : '';
}

/** `--dry-run` values (cmdutil.GetDryRunStrategy). */
export type DryRun = 'none' | 'client' | 'server';

/** Parses `--dry-run` as kubectl does: `none`, `client`, `server`; anything else is an error. */
export function dryRunStrategy(inv: Invocation): DryRun {
  const raw = String(inv.flags['dry-run'] ?? 'none');
  if (raw === '' || raw === 'none' || raw === 'false') return 'none';
  if (raw === 'client' || raw === 'server') return raw;
  if (raw === 'true') return 'client';
  throw new KubectlError(`Invalid dry-run value (${raw}). Must be "none", "server", or "client".`);
}
