/**
 * `kubectl delete` (kubectl `cmd/delete/delete.go`): by TYPE NAME, TYPE/NAME, `-f`, `-l` or
 * `--all`; `--cascade`, `--grace-period`, `--now`, `--force` (with its warning),
 * `--ignore-not-found`, `--dry-run`, and `--wait` (the default): after every DELETE, virtual
 * time advances in 100 ms steps until the objects are gone. A wait that outlasts the watch
 * budget ends as if interrupted (exit 130).
 */
import { ApiError } from '../../cluster/errors.js';
import type { ResourceType } from '../../cluster/resources.js';
import { flagBool, flagInt, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { DEFAULT_WATCH_BUDGET_MS, passTime } from '../context.js';
import { KubectlError } from '../errors.js';
import { readManifests, validateMode } from '../manifests/read-manifests.js';
import { addSourceToErr, dryRunSuffix, finalError, parseDryRun } from '../manifests/write-support.js';
import { parseResourceArgs } from '../resource-args.js';
import { parseLabelSelector } from '../describe/label-selector.js';

/** kubectl delete. */
export const deleteCommand: CommandDef = {
  name: 'delete',
  flags: [
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'all', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'now', type: 'bool' },
    { name: 'force', type: 'bool' },
    { name: 'wait', type: 'bool', default: true },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'ignore-not-found', type: 'bool' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'interactive', short: 'i', type: 'bool' },
  ],
  run: (inv) => runDelete(inv),
};

interface Target {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  source: string;
}

const USAGE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

async function runDelete(inv: Invocation): Promise<number> {
  const { ctx } = inv;
  const files = flagList(inv, 'filename');
  const selector = flagString(inv, 'selector');
  const all = flagBool(inv, 'all');
  const cascade = parseCascade(inv);
  let grace = flagInt(inv, 'grace-period');
  if (flagBool(inv, 'now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  const force = flagBool(inv, 'force');
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const dryRun = parseDryRun(flagString(inv, 'dry-run'), inv.changed.has('dry-run'));
  if (files.length > 0 && inv.args.length > 0) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  if (files.length === 0 && inv.args.length === 0) throw new KubectlError(USAGE);
  // The builder's SelectAllParam (the message ends with a space, as in kubectl v1.32.4).
  if (all && selector) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
  const errors: unknown[] = [];
  const targets: Target[] = [];
  if (files.length > 0) {
    const read = readManifests(ctx, files, { recursive: flagBool(inv, 'recursive'), validate: validateMode('ignore'), namespace: inv.namespace, enforceNamespace: inv.namespaceExplicit });
    errors.push(...read.errors);
    for (const m of read.objects) targets.push({ type: m.type, namespace: m.object.metadata.namespace as string | undefined, name: String(m.object.metadata.name ?? ''), source: m.source });
  } else {
    const requests = parseResourceArgs(inv.args);
    const named = requests.some((r) => r.names.length > 0);
    if (named && (selector || all)) throw new KubectlError('name cannot be provided when a selector is specified');
    if (!named && !selector && !all) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const r of requests) {
      const ns = r.type.namespaced ? inv.namespace : undefined;
      if (r.names.length > 0) for (const name of r.names) targets.push({ type: r.type, namespace: ns, name, source: '' });
      else {
        const matches = selector ? parseLabelSelector(selector) : () => true;
        const found = ctx.cluster.api.list(r.type.kind, flagBool(inv, 'all-namespaces') ? undefined : ns).filter((o) => matches(o.metadata.labels ?? {}));
        for (const o of found) targets.push({ type: r.type, namespace: o.metadata.namespace, name: o.metadata.name!, source: '' });
      }
    }
    if (targets.length === 0 && (selector || all)) {
      ctx.stdout('No resources found\n');
      return 0;
    }
  }
  if (grace === 0 && force) ctx.stderr('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const deleted: { t: Target; uid: string | undefined }[] = [];
  for (const t of targets) {
    try {
      const obj = ctx.cluster.api.delete(t.type.kind, t.namespace, t.name, {
        propagationPolicy: cascade,
        gracePeriodSeconds: grace >= 0 ? grace : undefined,
        dryRun: dryRun !== 'none',
      });
      ctx.stdout(`${kindString(t.type)} "${t.name}" ${force && grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}\n`);
      deleted.push({ t, uid: obj.metadata.uid });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.reason === 'NotFound' && flagBool(inv, 'ignore-not-found')) continue;
      errors.push(addSourceToErr('deleting', t.source, e));
    }
  }
  if (dryRun === 'none' && flagBool(inv, 'wait') && deleted.length > 0) {
    const timeout = Number(inv.flags.timeout) || Infinity;
    if (!(await waitGone(inv, deleted, timeout))) {
      const err = finalError(errors);
      if (err) ctx.stderr(err.message);
      return 130;
    }
  }
  const err = finalError(errors);
  if (err) throw err;
  return 0;
}

/** Advances virtual time until every deleted object (same uid) has left the store. */
async function waitGone(inv: Invocation, deleted: { t: Target; uid: string | undefined }[], timeoutMs: number): Promise<boolean> {
  const { cluster } = inv.ctx;
  const budget = Math.min(timeoutMs, inv.ctx.watchBudgetMs ?? DEFAULT_WATCH_BUDGET_MS);
  const gone = () => deleted.every(({ t, uid }) => cluster.store.peek(t.type.kind, t.namespace, t.name)?.metadata.uid !== uid);
  for (let spent = 0; !gone(); spent += 100) {
    if (spent >= budget || inv.ctx.signal?.aborted) return timeoutMs !== Infinity && spent >= timeoutMs ? timedOut(inv) : false;
    await passTime(inv.ctx, 100);
  }
  return true;
}

function timedOut(_inv: Invocation): false {
  throw new KubectlError('timed out waiting for the condition');
}

/** `deployment.apps`, `service`: delete's kind string. */
function kindString(type: ResourceType): string {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
}

function parseCascade(inv: Invocation): 'Background' | 'Foreground' | 'Orphan' {
  const raw = flagString(inv, 'cascade');
  switch (raw) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
      return 'Orphan';
    case 'false':
      inv.ctx.stderr('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
    default:
      throw new KubectlError(`invalid cascade value (${raw}). Must be "background", "foreground", or "orphan"`);
  }
}
