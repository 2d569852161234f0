/**
 * `kubectl patch` (kubectl `cmd/patch/patch.go`): `-p` or `--patch-file` (YAML or JSON,
 * converted to JSON first), `--type strategic|merge|json`, TYPE NAME, TYPE/NAME or `-f`;
 * `--local` and `--dry-run=client` patch a copy without writing. Prints `service/x patched`,
 * or `patched (no change)` when the server's object did not change.
 */
import { jsonBodyBytes } from '../../cluster/api-server.js';
import { ApiError, badRequest } from '../../cluster/errors.js';
import { applyJsonPatch, applyMergePatch, JsonPatchError, strategicMergePatch, StrategicPatchError, type PatchType } from '../../cluster/patch/index.js';
import { schemaForKind } from '../../cluster/patch/patch-meta.js';
import type { ResourceType } from '../../cluster/resources.js';
import { sameJson } from '../../cluster/store.js';
import { decodeText } from '../../workspace/workspace-fs.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { readManifests, validateMode } from '../manifests/read-manifests.js';
import { dryRunSuffix, finalError, parseDryRun, printObject, printWarnings, resourceName } from '../manifests/write-support.js';
import { decodeJsonStream, GoJsonError } from '../manifests/go-json.js';
import { ManifestSyntaxError, yamlToJson } from '../manifests/yaml-to-json.js';
import { parseResourceArgs } from '../resource-args.js';

/** kubectl patch. */
export const patchCommand: CommandDef = {
  name: 'patch',
  flags: [
    { name: 'patch', short: 'p', type: 'string' },
    { name: 'patch-file', type: 'string' },
    { name: 'type', type: 'string', default: 'strategic' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'local', type: 'bool' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
    { name: 'subresource', type: 'string' },
  ],
  run: (inv) => runPatch(inv),
};

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  local?: Record<string, unknown>;
}

function runPatch(inv: Invocation): number {
  const { ctx } = inv;
  const patchText = flagString(inv, 'patch');
  const patchFile = flagString(inv, 'patch-file');
  if (!inv.changed.has('patch') && !patchFile) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  if (inv.changed.has('patch') && patchFile) throw new KubectlError('cannot specify --patch and --patch-file together');
  const type = flagString(inv, 'type').toLowerCase() as PatchType;
  if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not "${flagString(inv, 'type')}"`);
  const local = flagBool(inv, 'local');
  const files = flagList(inv, 'filename');
  if (local && inv.args.length > 0) throw new KubectlError('cannot specify --local and server resources');
  let raw = patchText;
  if (patchFile) {
    if (ctx.fs.stat(patchFile) !== 'file') throw new KubectlError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    raw = decodeText(ctx.fs.readFile(patchFile));
  }
  const patch = toJson(raw);
  const dryRun = parseDryRun(flagString(inv, 'dry-run'), inv.changed.has('dry-run'));
  const output = flagString(inv, 'output');
  const targets: Target[] = [];
  const errors: unknown[] = [];
  if (files.length > 0) {
    const read = readManifests(ctx, files, { recursive: flagBool(inv, 'recursive'), validate: validateMode('ignore'), namespace: inv.namespace, enforceNamespace: inv.namespaceExplicit, local });
    errors.push(...read.errors);
    for (const m of read.objects) targets.push({ type: m.type, namespace: (m.object.metadata.namespace as string | undefined) ?? (m.type.namespaced ? inv.namespace : undefined), name: String(m.object.metadata.name ?? ''), local: local ? m.object : undefined });
  } else {
    if (inv.args.length === 0) throw new KubectlError("You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'");
    for (const r of parseResourceArgs(inv.args)) {
      if (r.names.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
      for (const name of r.names) targets.push({ type: r.type, namespace: r.type.namespaced ? inv.namespace : undefined, name });
    }
  }
  for (const t of targets) {
    try {
      patchOne(inv, t, type, patch, dryRun, output);
    } catch (e) {
      if (!(e instanceof ApiError) && !(e instanceof KubectlError)) throw e;
      errors.push(e);
    }
  }
  const err = finalError(errors);
  if (err) throw err;
  return 0;
}

function patchOne(inv: Invocation, t: Target, type: PatchType, patch: unknown, dryRun: ReturnType<typeof parseDryRun>, output: string): void {
  const { ctx } = inv;
  if (t.local || dryRun === 'client') {
    const original = t.local ?? (ctx.cluster.api.get(t.type.kind, t.namespace, t.name) as Record<string, unknown>);
    if (patch instanceof InvalidJson) throw new KubectlError(patch.message);
    const patched = patchLocally(original, type, patch);
    if (!printObject(ctx, output, patched, t.type, 'patched')) ctx.stdout(`${resourceName(t.type, t.name)} patched${dryRunSuffix(dryRun)}\n`);
    return;
  }
  const before = ctx.cluster.api.get(t.type.kind, t.namespace, t.name);
  if (patch instanceof InvalidJson) throw badRequest(patch.message);
  const res = ctx.cluster.api.patch(t.type.kind, t.namespace, t.name, type, patch, { dryRun: dryRun === 'server', fieldManager: flagString(inv, 'field-manager'), bodyBytes: jsonBodyBytes(patch) });
  printWarnings(ctx, res.warnings);
  const changed = !sameJson(before, res.object);
  if (!printObject(ctx, output, res.object, t.type, 'patched')) {
    ctx.stdout(`${resourceName(t.type, t.name)} patched${changed ? '' : ' (no change)'}${dryRunSuffix(dryRun)}\n`);
  }
}

/** getPatchedJSON: the patch applied on the client, with the library's error texts. */
function patchLocally(original: Record<string, unknown>, type: PatchType, patch: unknown): unknown {
  try {
    if (type === 'json') return applyJsonPatch(original, patch);
    if (type === 'merge') return applyMergePatch(original, patch);
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) {
      throw new KubectlError(`json: cannot unmarshal ${Array.isArray(patch) ? 'array' : typeof patch} into Go value of type map[string]interface {}`);
    }
    return strategicMergePatch(original, patch as Record<string, unknown>, schemaForKind(original.kind as string));
  } catch (e) {
    if (e instanceof JsonPatchError) {
      const ix = e.message.indexOf('doc is missing key');
      if (ix >= 0) throw new KubectlError(`Object to be patched is missing field (${e.message.slice(e.message.indexOf('key:') + 5)})`);
      throw new KubectlError(e.message);
    }
    if (e instanceof StrategicPatchError) throw new KubectlError(e.message);
    throw e;
  }
}

/** A patch that is not valid JSON, and Go's error for it. */
class InvalidJson {
  constructor(readonly message: string) {}
}

function goJsonSyntaxError(raw: string): string {
  try {
    decodeJsonStream(raw);
  } catch (e) {
    // json.Unmarshal's checkValid says `unexpected end of JSON input` where a stream decoder says `unexpected EOF`.
    if (e instanceof GoJsonError) return e.message === 'unexpected EOF' ? 'unexpected end of JSON input' : e.message.replace(/^json: offset \d+: /, '');
  }
  return 'unexpected end of JSON input';
}

/** yaml.ToJSON: JSON passes through; YAML converts; errors as `unable to parse "<patch>": yaml: ...`. */
function toJson(raw: string): unknown {
  const trimmed = raw.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(raw);
    } catch {
      // Go's yaml.ToJSON passes JSON through; the server's json.Unmarshal then rejects it.
      return new InvalidJson(goJsonSyntaxError(raw));
    }
  }
  try {
    return yamlToJson(raw);
  } catch (e) {
    if (e instanceof ManifestSyntaxError) throw new KubectlError(`unable to parse "${raw}": ${e.message.replace('error converting YAML to JSON: ', '')}`);
    throw e;
  }
}
