/**
 * What the writing verbs (apply, create, delete, patch) share, after kubectl's
 * `cmd/util/helpers.go` and `apply/apply.go`: `--dry-run` parsing, the `kind.group/name` name
 * printer with the ` (dry run)` suffixes, `-o yaml|json|name` output, the source-prefixed API
 * errors (`error when creating "x.yaml": ...`), checkErr's rendering of one error or of an
 * aggregate (one per line, no `error: ` prefix), and the last-applied-configuration text.
 */
import { ApiError } from '../../cluster/errors.js';
import type { ResourceType } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import type { KubectlContext } from '../context.js';
import { KubectlError } from '../errors.js';
import { toGoYaml } from './go-yaml-print.js';

/** `--dry-run` as kubectl parses it. */
export type DryRun = 'none' | 'client' | 'server';

/** The annotation client-side apply keeps its input in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Parses `--dry-run` (cmdutil.GetDryRunStrategy). */
export function parseDryRun(raw: string, given: boolean): DryRun {
  if (!given) return 'none';
  if (raw === '' || raw === 'unchanged' || raw === 'none') return 'none';
  if (raw === 'client') return 'client';
  if (raw === 'server') return 'server';
  throw new KubectlError(`Invalid dry-run value (${raw}). Must be "none", "server", or "client".`);
}

/** ` (dry run)` / ` (server dry run)` / ``. */
export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** `deployment.apps/x`, `service/x` (the name printer's kind.group/name). */
export function resourceName(type: ResourceType, name: string): string {
  return `${type.kind.toLowerCase()}${type.group ? `.${type.group}` : ''}/${name}`;
}

/** Prints an object for `-o`; returns false when the output format is the default message. */
export function printObject(ctx: KubectlContext, output: string, obj: unknown, type: ResourceType | undefined, operation: string): boolean {
  if (output === '' ) return false;
  if (output === 'name') {
    const o = obj as KubeObject;
    ctx.stdout(`${type ? resourceName(type, o.metadata?.name ?? '') : o.metadata?.name}\n`);
    return true;
  }
  if (output === 'yaml') {
    ctx.stdout(toGoYaml(obj));
    return true;
  }
  if (output === 'json') {
    ctx.stdout(`${JSON.stringify(obj, null, 4)}\n`);
    return true;
  }
  void operation;
  throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml`);
}

/** AddSourceToErr: an API error's message gains `error when <verb> "<source>": `. */
export function addSourceToErr(verb: string, source: string, err: unknown): unknown {
  if (!source) return err;
  if (err instanceof ApiError) return new ApiError(err.reason, err.code, `error when ${verb} "${source}": ${err.message}`, err.details);
  if (err instanceof KubectlError) return new KubectlError(`error when ${verb} "${source}": ${err.message}`);
  return err;
}

/** messageForError: `Error from server (Reason): msg`, `Error from server: msg`, or the plain text. */
export function messageForError(err: unknown): string {
  if (err instanceof ApiError) return err.reason ? `Error from server (${err.reason}): ${err.message}` : `Error from server: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** checkErr's text for one error (with a final newline). */
export function checkErrText(err: unknown): string {
  if (err instanceof ApiError && err.reason === 'Invalid') {
    const d = err.details;
    let s = 'The request is invalid';
    const causes = [...new Set((d.causes ?? []).map((c) => `${c.field}: ${c.message}`))];
    if (d.kind || d.name) s = `The ${d.kind ?? ''} "${d.name ?? ''}" is invalid`;
    // Only without kind, name and causes does the server's message follow (a JSON patch that
    // does not apply: `The request is invalid: the server rejected our request due to ...`).
    else if (err.message && causes.length === 0) s += `: ${err.message}`;
    if (causes.length === 0) return `${s}\n`;
    if (causes.length === 1) return `${s}: ${causes[0]}\n`;
    return `${s}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
  }
  if (err instanceof KubectlError) return err.raw ? ensureNl(err.message) : `error: ${ensureNl(err.message)}`;
  const msg = messageForError(err);
  return ensureNl(err instanceof ApiError || msg.startsWith('error: ') ? msg : `error: ${msg}`);
}

/** The error a verb ends with for a list of errors: none, one (checkErr), or several (one per line). */
export function finalError(errs: unknown[]): KubectlError | undefined {
  if (errs.length === 0) return undefined;
  if (errs.length === 1) return new KubectlError(checkErrText(errs[0]), true);
  return new KubectlError(errs.map((e) => `${messageForError(e)}\n`).join(''), true);
}

function ensureNl(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** Prints the API server's warnings as kubectl does (`Warning: <text>` on stderr). */
export function printWarnings(ctx: KubectlContext, warnings: readonly string[]): void {
  for (const w of warnings) ctx.stderr(`Warning: ${w}\n`);
}

/**
 * The last-applied-configuration text (apply util GetModifiedConfiguration): the object with
 * the annotation removed but `annotations` kept (as `{}` if empty), as Go's json.Marshal of an
 * unstructured map writes it (sorted keys, `<>&` escaped), plus a newline.
 */
export function lastAppliedText(obj: Record<string, unknown>): string {
  const copy = structuredClone(obj) as Record<string, unknown> & { metadata?: Record<string, unknown> };
  copy.metadata ??= {};
  const annotations = { ...((copy.metadata.annotations as Record<string, string> | undefined) ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  return `${goJson(copy)}\n`;
}

/** Compact JSON with sorted keys and Go's HTML-safe escaping. */
export function goJson(v: unknown): string {
  return JSON.stringify(sortKeys(v)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}
