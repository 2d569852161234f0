/**
 * `kubectl create -f` (kubectl `cmd/create/create.go`: POST each object, print `created`,
 * `AlreadyExists` as `error when creating "x.yaml": ...`) and the generators `create
 * deployment|service clusterip|service nodeport|configmap|namespace`, with `--dry-run`,
 * `-o yaml|json|name` and `--save-config`.
 */
import { jsonBodyBytes } from '../../cluster/api-server.js';
import { ApiError } from '../../cluster/errors.js';
import { findResourceForKind } from '../../cluster/resources.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import type { FlagSpec } from '../flags.js';
import { readManifests, validateMode } from '../manifests/read-manifests.js';
import { addSourceToErr, dryRunSuffix, finalError, parseDryRun, printObject, printWarnings, resourceName } from '../manifests/write-support.js';
import { withLastApplied } from './apply.js';
import { generateConfigMap, generateDeployment, generateNamespace, generateService, type Generated } from './create-generators.js';

const COMMON: FlagSpec[] = [
  { name: 'dry-run', type: 'string', default: 'none' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'validate', type: 'string', default: 'strict' },
  { name: 'field-manager', type: 'string', default: 'kubectl-create' },
];

const SERVICE_FLAGS: FlagSpec[] = [...COMMON, { name: 'tcp', type: 'stringSlice' }, { name: 'clusterip', type: 'string' }, { name: 'node-port', type: 'int' }];

/** kubectl create. */
export const createCommand: CommandDef = {
  name: 'create',
  flags: [...COMMON, { name: 'filename', short: 'f', type: 'stringSlice' }, { name: 'recursive', short: 'R', type: 'bool' }, { name: 'edit', type: 'bool' }],
  run: (inv) => runCreateFiles(inv),
  subcommands: [
    {
      name: 'deployment',
      aliases: ['deploy'],
      flags: [...COMMON, { name: 'image', type: 'stringSlice' }, { name: 'replicas', short: 'r', type: 'int', default: 1 }, { name: 'port', type: 'int', default: -1 }],
      run: (inv) => runGenerator(inv, 'kubectl create deployment', (n) => generateDeployment(inv, n)),
    },
    {
      name: 'service',
      aliases: ['svc'],
      help: 'Create a service using a specified subcommand.\n\nAliases:\nservice, svc\n\nAvailable Commands:\n  clusterip      Create a ClusterIP service\n  externalname   Create an ExternalName service\n  loadbalancer   Create a LoadBalancer service\n  nodeport       Create a NodePort service\n\nUsage:\n  kubectl create service [flags] [options]\n\nUse "kubectl create service <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n',
      subcommands: [],
      run: (inv) => runService(inv),
      flags: SERVICE_FLAGS,
    },
    {
      name: 'configmap',
      aliases: ['cm'],
      flags: [...COMMON, { name: 'from-literal', type: 'stringArray' }, { name: 'from-file', type: 'stringSlice' }],
      run: (inv) => runGenerator(inv, 'kubectl create configmap', (n) => generateConfigMap(inv, n)),
    },
    {
      name: 'namespace',
      aliases: ['ns'],
      flags: COMMON,
      run: (inv) => runGenerator(inv, 'kubectl create namespace', (n) => generateNamespace(n)),
    },
  ],
};

/** `create service clusterip|nodeport NAME`: the service type is the first argument here. */
function runService(inv: Invocation): number {
  const [sub, ...rest] = inv.args;
  const types: Record<string, 'ClusterIP' | 'NodePort'> = { clusterip: 'ClusterIP', nodeport: 'NodePort' };
  if (!sub) {
    inv.ctx.stdout(createCommand.subcommands![1].help!);
    return 0;
  }
  const type = types[sub];
  if (!type) throw new KubectlError(`kubelab does not simulate "kubectl create service ${sub}" yet`);
  return runGenerator({ ...inv, args: rest }, `kubectl create service ${sub}`, (n) => generateService(inv, type, n));
}

function runGenerator(inv: Invocation, path: string, build: (name: string) => Generated): number {
  const { ctx } = inv;
  if (inv.args.length === 0) throw new UsageError('NAME is required', path);
  if (inv.args.length > 1) throw new UsageError(`exactly one NAME is required, got ${inv.args.length}`, path);
  const dryRun = parseDryRun(flagString(inv, 'dry-run'), inv.changed.has('dry-run'));
  let obj: Record<string, unknown> = build(inv.args[0]);
  const type = findResourceForKind(obj.kind as string)!;
  if (flagBool(inv, 'save-config')) obj = withLastApplied(obj);
  if (type.namespaced && inv.namespaceExplicit) (obj.metadata as Record<string, unknown>).namespace = inv.namespace;
  let result: unknown = obj;
  if (dryRun !== 'client') {
    const body = structuredClone(obj) as Record<string, unknown> & { metadata: Record<string, unknown> };
    delete body.status;
    delete body.metadata.creationTimestamp;
    if (type.namespaced) body.metadata.namespace = inv.namespace;
    try {
      const res = ctx.cluster.api.create(body, { dryRun: dryRun === 'server', fieldValidation: 'Strict', fieldManager: 'kubectl-create' });
      printWarnings(ctx, res.warnings);
      result = res.object;
    } catch (e) {
      // create_configmap.go etc.: `failed to create configmap: <err>`.
      if (e instanceof ApiError) throw new KubectlError(`failed to create ${what(obj)}: ${e.message}`);
      throw e;
    }
  }
  const output = flagString(inv, 'output');
  if (!printObject(ctx, output, result, type, 'created')) ctx.stdout(`${resourceName(type, inv.args[0])} created${dryRunSuffix(dryRun)}\n`);
  return 0;
}

function what(obj: Record<string, unknown>): string {
  if (obj.kind === 'Service') return `${String((obj.spec as Record<string, unknown>).type)} service`;
  return String(obj.kind).toLowerCase();
}

function runCreateFiles(inv: Invocation): number {
  const { ctx } = inv;
  const files = flagList(inv, 'filename');
  if (inv.args.length > 0 && files.length === 0) {
    throw new KubectlError(`kubelab does not simulate "kubectl create ${inv.args[0]}" yet`);
  }
  if (files.length === 0) {
    // What the real kubectl v1.32.4 prints for a bare `kubectl create` (RequireFilenameOrKustomize).
    throw new KubectlError('must specify one of -f and -k');
  }
  const dryRun = parseDryRun(flagString(inv, 'dry-run'), inv.changed.has('dry-run'));
  const output = flagString(inv, 'output');
  const read = readManifests(ctx, files, { recursive: flagBool(inv, 'recursive'), validate: validateMode(flagString(inv, 'validate')), namespace: inv.namespace, enforceNamespace: inv.namespaceExplicit });
  const errors: unknown[] = [...read.errors];
  if (read.objects.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to create');
  for (const m of read.objects) {
    const body = flagBool(inv, 'save-config') ? withLastApplied(m.object) : m.object;
    try {
      let result: unknown = body;
      if (dryRun !== 'client') {
        const res = ctx.cluster.api.create(body, { dryRun: dryRun === 'server', fieldValidation: 'Strict', fieldManager: 'kubectl-create', bodyBytes: jsonBodyBytes(body) });
        printWarnings(ctx, res.warnings);
        result = res.object;
      }
      if (!printObject(ctx, output, result, m.type, 'created')) ctx.stdout(`${resourceName(m.type, String(m.object.metadata.name ?? ''))} created${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(addSourceToErr('creating', m.source, e));
    }
  }
  const err = finalError(errors);
  if (err) throw err;
  return 0;
}
