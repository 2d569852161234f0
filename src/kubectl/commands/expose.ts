/**
 * `kubectl expose (-f FILENAME | TYPE NAME | TYPE/NAME)` (kubectl v1.32 pkg/cmd/expose/expose.go):
 * reads each object (ContinueOnError), takes its selector, ports, protocols and labels unless
 * given by flags, builds the Service and creates it (`service/x exposed`) or prints it with
 * --dry-run=client. Not simulated, and said so when used: --overrides/--override-type,
 * --record, -k, and the go-template/jsonpath output formats.
 */
import { ApiError } from '../../cluster/errors.js';
import { findResourceForKind } from '../../cluster/resources.js';
import type { KubeObject } from '../../cluster/types.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError } from '../errors.js';
import { cannotExposeMessage, makeLabels, mapBasedSelectorForObject, multiProtocolsForObject, portsForObject } from '../expose/introspect.js';
import { createService, makeProtocols, type ExposeOptions } from '../expose/service.js';
import { readManifests } from '../manifests/read-manifests.js';
import { dryRunSuffix, finalError, parseDryRun, printObject, printWarnings } from '../manifests/write-support.js';
import { resolveTargets } from '../rollout/targets.js';
import { parseResourceArgs } from '../resource-args.js';
import { withLastApplied } from './apply.js';
import { NO_RESOURCES_MESSAGE } from './scale.js';

/** The formats kubectl's expose printer knows, and the error for any other (PrintFlags.ToPrinter). */
const TEMPLATE_FORMATS = ['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

function checkOutput(output: string): void {
  if (['', 'json', 'yaml', 'name'].includes(output)) return;
  if (TEMPLATE_FORMATS.includes(output.split('=')[0])) throw new KubectlError(`kubelab does not simulate "-o ${output.split('=')[0]}" yet; use -o yaml, -o json or -o name`);
  throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`);
}

function refuseUnsimulated(inv: Invocation): void {
  for (const flag of ['overrides', 'record', 'kustomize']) {
    if (inv.changed.has(flag)) throw new KubectlError(`kubelab does not simulate "kubectl expose --${flag}" yet`);
  }
}

/** The objects to expose, in the order the Builder visits them, and the lookups that failed. */
function exposedObjects(inv: Invocation): { objects: KubeObject[]; errors: unknown[] } {
  const files = flagList(inv, 'filename');
  if (files.length > 0) {
    if (inv.args.length > 0) throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
    const read = readManifests(inv.ctx, files, { recursive: flagBool(inv, 'recursive'), validate: 'ignore', namespace: inv.namespace, enforceNamespace: inv.namespaceExplicit });
    return { objects: read.objects.map((m) => m.object as unknown as KubeObject), errors: read.errors };
  }
  if (inv.args.length === 0) throw new KubectlError(NO_RESOURCES_MESSAGE);
  if (parseResourceArgs(inv.args).some((r) => r.names.length === 0)) throw new KubectlError('resource(s) were provided, but no name was specified');
  return resolveTargets(inv, inv.args);
}

function initialOptions(inv: Invocation): ExposeOptions {
  const s = (n: string) => flagString(inv, n);
  return {
    name: s('name'),
    defaultName: '',
    selector: s('selector'),
    port: s('port'),
    ports: '',
    labels: s('labels'),
    externalIP: s('external-ip'),
    loadBalancerIP: s('load-balancer-ip'),
    type: s('type'),
    protocol: s('protocol'),
    protocols: '',
    targetPort: s('target-port'),
    sessionAffinity: s('session-affinity'),
    clusterIP: s('cluster-ip'),
  };
}

/** The visitor of RunExpose up to createService; mutates `o` as kubectl does. */
function serviceFor(o: ExposeOptions, obj: KubeObject): Record<string, unknown> {
  const cannot = cannotExposeMessage(obj);
  if (cannot) throw new KubectlError(cannot);
  o.defaultName = (obj.metadata.name ?? '').slice(0, 63);
  if (o.selector === '') {
    const s = mapBasedSelectorForObject(obj);
    if ('error' in s) throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${s.error}`);
    o.selector = s.selector;
  }
  if (o.port === '') {
    const ports = portsForObject(obj);
    if (ports.length === 0 && o.clusterIP !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
    if (ports.length === 1) o.port = ports[0];
    if (ports.length > 1) o.ports = ports.join(',');
  }
  const protocols = makeProtocols(multiProtocolsForObject(obj));
  if (protocols !== '') o.protocols = protocols;
  if (o.labels === '') o.labels = makeLabels(obj.metadata.labels);
  return createService(o);
}

function withNamespace(svc: Record<string, unknown>, namespace: string): Record<string, unknown> {
  const { name, creationTimestamp, ...rest } = svc.metadata as Record<string, unknown>;
  return { ...svc, metadata: { name, namespace, creationTimestamp, ...rest } };
}

function runExpose(inv: Invocation): number {
  const { ctx } = inv;
  const dryRun = parseDryRun(flagString(inv, 'dry-run'), inv.changed.has('dry-run'));
  const output = flagString(inv, 'output');
  checkOutput(output);
  refuseUnsimulated(inv);
  const { objects, errors } = exposedObjects(inv);
  const o = initialOptions(inv);
  const serviceType = findResourceForKind('Service');
  for (const obj of objects) {
    try {
      let svc = serviceFor(o, obj);
      if (dryRun === 'client') {
        if (inv.namespaceExplicit) svc = withNamespace(svc, inv.namespace);
        if (!printObject(ctx, output, svc, serviceType, 'exposed')) ctx.stdout(`service/${(svc.metadata as { name: string }).name} exposed${dryRunSuffix(dryRun)}\n`);
        continue;
      }
      if (flagBool(inv, 'save-config')) svc = withLastApplied(svc);
      const body = structuredClone(svc) as Record<string, unknown> & { metadata: Record<string, unknown> };
      delete body.metadata.creationTimestamp;
      delete body.status;
      body.metadata.namespace = inv.namespace;
      const res = ctx.cluster.api.create(body, { dryRun: dryRun === 'server', fieldManager: flagString(inv, 'field-manager') });
      printWarnings(ctx, res.warnings);
      if (!printObject(ctx, output, res.object, serviceType, 'exposed')) ctx.stdout(`service/${res.object.metadata.name} exposed${dryRunSuffix(dryRun)}\n`);
    } catch (e) {
      if (!(e instanceof KubectlError || e instanceof ApiError)) throw e;
      errors.push(e);
    }
  }
  const failed = finalError(errors);
  if (failed) throw failed;
  return 0;
}

/** kubectl expose. */
export const exposeCommand: CommandDef = {
  name: 'expose',
  flags: [
    { name: 'protocol', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'type', type: 'string' },
    { name: 'load-balancer-ip', type: 'string' },
    { name: 'selector', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'external-ip', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'session-affinity', type: 'string' },
    { name: 'cluster-ip', type: 'string' },
    { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
    { name: 'overrides', type: 'string' },
    { name: 'override-type', type: 'string', default: 'merge' },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'save-config', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true },
    { name: 'show-managed-fields', type: 'bool' },
    { name: 'template', type: 'string' },
    { name: 'record', type: 'bool' },
  ],
  run: runExpose,
};
