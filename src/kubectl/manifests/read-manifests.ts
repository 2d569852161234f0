/**
 * `-f` as cli-runtime's resource Builder reads it (FilenameParam, ExpandPathsToFileVisitors,
 * StreamVisitor, mapper.infoForData): files, folders (`.json`, `.yaml`, `.yml`; subfolders
 * with `-R`), `-` for standard input, multi-document YAML, JSON streams and `kind: List`.
 * Builder errors (a missing path) stop everything; a file's parse or validation error stops
 * that file; a decode or mapping error skips one document. Valid documents before an error
 * are still returned, as kubectl still applies them.
 */
import { findResourceForKind, type ResourceType } from '../../cluster/resources.js';
import { decodeText, FsError } from '../../workspace/workspace-fs.js';
import type { KubectlContext } from '../context.js';
import { KubectlError } from '../errors.js';
import { decodeManifestStream, ManifestSyntaxError } from './yaml-to-json.js';

/** One object read from a manifest, with the name of its file (`STDIN` for `-`). */
export interface ManifestObject {
  source: string;
  object: Record<string, unknown> & { kind: string; apiVersion: string; metadata: Record<string, unknown> };
  type: ResourceType;
}

/** The objects read, and the errors met on the way (printed after the objects are handled). */
export interface ManifestRead {
  objects: ManifestObject[];
  errors: Error[];
}

/** How `--validate` asks for client-side checks. */
export type ValidateMode = 'strict' | 'warn' | 'ignore';

const STOP_VALIDATE = 'if you choose to ignore these errors, turn validation off with --validate=false';
const EXTENSIONS = ['.json', '.yaml', '.yml'];

/** How to read: `-R`, `--validate`, and the namespace to default to (none with `local`, as `--local`). */
export interface ReadOptions {
  recursive: boolean;
  validate: ValidateMode;
  namespace: string;
  enforceNamespace: boolean;
  local?: boolean;
}

/** Parses `--validate` as kubectl's GetValidationDirective does. */
export function validateMode(raw: string): ValidateMode {
  const v = raw.toLowerCase();
  if (v === 'true' || v === 'strict' || v === '') return 'strict';
  if (v === 'warn') return 'warn';
  if (v === 'false' || v === 'ignore') return 'ignore';
  throw new KubectlError(`invalid - validate option "${raw}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** Reads every `-f` argument; throws KubectlError for builder errors (nothing is read then). */
export function readManifests(ctx: KubectlContext, filenames: string[], opts: ReadOptions): ManifestRead {
  const sources: { name: string; text: () => string }[] = [];
  const builderErrors: string[] = [];
  for (const f of filenames) {
    if (f === '-') {
      sources.push({ name: 'STDIN', text: () => ctx.stdin ?? '' });
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      throw new KubectlError(`kubelab runs offline and cannot download "${f}"; save the manifest in the workspace and use -f <file>`);
    }
    const kind = ctx.fs.stat(f);
    if (!kind) {
      builderErrors.push(`the path "${f}" does not exist`);
      continue;
    }
    if (kind === 'file') sources.push({ name: f, text: () => decodeText(ctx.fs.readFile(f)) });
    else walk(ctx, f, opts.recursive, sources);
    // Builder.Path: when no -f so far gave a file and nothing failed, a folder without
    // .json/.yaml/.yml files is an error (the Go slice of this argument's paths).
    if (sources.length === 0 && builderErrors.length === 0) {
      builderErrors.push(`error reading [${f}]: recognized file extensions are [${EXTENSIONS.join(' ')}]`);
    }
  }
  if (builderErrors.length === 1) throw new KubectlError(builderErrors[0]);
  if (builderErrors.length > 1) throw new KubectlError(builderErrors.map((e) => `${e}\n`).join(''), true);
  const out: ManifestRead = { objects: [], errors: [] };
  for (const src of sources) readStream(src.name, src.text(), opts, out);
  return out;
}

function walk(ctx: KubectlContext, dir: string, recursive: boolean, sources: { name: string; text: () => string }[]): void {
  for (const name of ctx.fs.readDir(dir)) {
    const path = dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
    if (ctx.fs.stat(path) === 'dir') {
      if (recursive) walk(ctx, path, recursive, sources);
      continue;
    }
    if (!EXTENSIONS.some((e) => name.endsWith(e))) continue;
    sources.push({ name: path, text: () => decodeText(ctx.fs.readFile(path)) });
  }
}

function readStream(source: string, text: string, opts: ReadOptions, out: ManifestRead): void {
  try {
    decodeManifestStream(text, (value) => {
      if (value === null) return;
      if (opts.validate !== 'ignore') {
        const errs = kindErrors(value);
        if (errs.length > 0) {
          const joined = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
          throw new StopFile(`error validating "${source}": error validating data: ${joined}; ${STOP_VALIDATE}`);
        }
      }
      for (const item of flattenList(value)) addObject(source, item, opts, out);
    });
  } catch (e) {
    if (e instanceof ManifestSyntaxError) out.errors.push(new KubectlError(`error parsing ${source}: ${e.message}`));
    else if (e instanceof StopFile) out.errors.push(new KubectlError(e.message));
    else throw e;
  }
}

class StopFile extends Error {}

/** kubectl validation's GetObjectKind checks. */
function kindErrors(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['invalid object to validate'];
  const v = value as Record<string, unknown>;
  const errs: string[] = [];
  if (v.apiVersion === undefined || v.apiVersion === null) errs.push('apiVersion not set');
  else if (typeof v.apiVersion !== 'string') errs.push("apiVersion isn't string type");
  else if (v.apiVersion.split('/').length > 2) errs.push(`unexpected GroupVersion string: ${v.apiVersion}`);
  if (v.kind === undefined || v.kind === null) errs.push('kind not set');
  else if (typeof v.kind !== 'string') errs.push("kind isn't string type");
  return errs;
}

function flattenList(value: unknown): unknown[] {
  const v = value as Record<string, unknown>;
  if (v && typeof v === 'object' && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items)) {
    return (v.items as unknown[]).flatMap(flattenList);
  }
  return [value];
}

function addObject(source: string, value: unknown, opts: ReadOptions, out: ManifestRead): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.errors.push(new KubectlError(`unable to decode "${source}": json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`));
    return;
  }
  const obj = value as ManifestObject['object'];
  if (typeof obj.kind !== 'string' || obj.kind === '') {
    out.errors.push(new KubectlError(`unable to decode "${source}": Object 'Kind' is missing in '${JSON.stringify(obj)}'`));
    return;
  }
  const meta = (obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {}) as Record<string, unknown>;
  const typeErr = metadataTypeError(meta);
  if (typeErr) {
    out.errors.push(new KubectlError(`unable to decode "${source}": ${typeErr}`));
    return;
  }
  const name = typeof meta.name === 'string' ? meta.name : '';
  const ns = typeof meta.namespace === 'string' ? meta.namespace : '';
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const type = findResourceForKind(obj.kind);
  const groupVersion = type ? (type.group ? `${type.group}/${type.version}` : type.version) : undefined;
  if (!type || groupVersion !== apiVersion) {
    const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
    out.errors.push(new KubectlError(`resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${obj.kind}" in version "${apiVersion.includes('/') ? apiVersion : version}"\nensure CRDs are installed first`));
    return;
  }
  if (type.namespaced && !opts.local) {
    if (ns && opts.enforceNamespace && ns !== opts.namespace) {
      out.errors.push(new KubectlError(`the namespace from the provided object "${ns}" does not match the namespace "${opts.namespace}". You must pass '--namespace=${ns}' to perform this operation.`));
      return;
    }
    obj.metadata = { ...meta, namespace: ns || opts.namespace };
  } else obj.metadata = meta;
  out.objects.push({ source, object: obj, type });
}

/** The unstructured decoder's ObjectMeta type check (a YAML 1.1 `name: y` is a bool). */
function metadataTypeError(meta: Record<string, unknown>): string | undefined {
  const word = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v === 'object' ? 'object' : typeof v === 'boolean' ? 'bool' : typeof v);
  for (const f of ['name', 'generateName', 'namespace']) {
    const v = meta[f];
    if (v !== undefined && v !== null && typeof v !== 'string') return `json: cannot unmarshal ${word(v)} into Go struct field ObjectMeta.metadata.${f} of type string`;
  }
  for (const f of ['labels', 'annotations']) {
    const m = meta[f];
    if (m === undefined || m === null) continue;
    if (typeof m !== 'object' || Array.isArray(m)) return `json: cannot unmarshal ${word(m)} into Go struct field ObjectMeta.metadata.${f} of type map[string]string`;
    for (const v of Object.values(m)) if (v !== null && typeof v !== 'string') return `json: cannot unmarshal ${word(v)} into Go struct field ObjectMeta.metadata.${f} of type string`;
  }
  return undefined;
}

export { FsError };
