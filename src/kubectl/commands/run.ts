/**
 * `kubectl run NAME --image=IMAGE [-- args...]` (kubectl pkg/cmd/run/run.go and
 * generate/versioned PodGeneratorV1): builds the Pod in Go struct field order (so `-o json`
 * matches), creates it (`pod/x created`) or prints it with --dry-run=client. The interactive
 * part (`-i`/`-t`/`--attach`) needs a shell inside the pod, which kubelab does not have yet.
 */
import type { KubeObject } from '../../cluster/types.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { KubectlError, UsageError } from '../errors.js';
import { printObject, printWarnings } from '../manifests/write-support.js';
import { requireFlags } from '../rollout/klog.js';
import { dryRunStrategy, dryRunSuffix, nameLine } from '../rollout/targets.js';
import { findResourceForKind } from '../../cluster/resources.js';

/** Parses `k=v,k2=v2` (generate.ParseLabels). */
function parseLabels(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const kv = pair.split('=');
    if (kv.length !== 2) throw new KubectlError(`invalid label spec: ${pair}`);
    out[kv[0]] = kv[1];
  }
  return out;
}

/** PodGeneratorV1.Generate, with keys in k8s.io/api struct order. */
export function generatePod(inv: Invocation, name: string): KubeObject {
  const labelsText = flagString(inv, 'labels');
  const labels = labelsText ? parseLabels(labelsText) : { run: name };
  const restart = flagString(inv, 'restart') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`invalid restart policy: ${restart}`);
  const container: Record<string, unknown> = { name, image: flagString(inv, 'image') };
  if (inv.afterDash.length > 0) {
    if (flagBool(inv, 'command')) container.command = [...inv.afterDash];
    else container.args = [...inv.afterDash];
  }
  const port = flagString(inv, 'port');
  if (port !== '') {
    if (!/^-?\d+$/.test(port)) throw new KubectlError(`strconv.Atoi: parsing "${port}": invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  const env = flagList(inv, 'env');
  if (env.length > 0) {
    container.env = env.map((e) => {
      const i = e.indexOf('=');
      if (i <= 0) throw new KubectlError(`invalid env: ${e}`);
      return { name: e.slice(0, i), value: e.slice(i + 1) };
    });
  }
  container.resources = {};
  const pullPolicy = flagString(inv, 'image-pull-policy');
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  const annotations = flagList(inv, 'annotations');
  if (annotations.length > 0) metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const spec: Record<string, unknown> = { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' };
  const sa = flagString(inv, 'serviceaccount');
  if (sa) spec.serviceAccountName = sa;
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status: {} } as unknown as KubeObject;
}

function runRun(inv: Invocation): number {
  requireFlags(inv, ['image']);
  if (inv.args.length === 0) throw new UsageError('NAME is required for run', 'kubectl run');
  const name = inv.args[0];
  const dryRun = dryRunStrategy(inv);
  const attach = flagBool(inv, 'stdin') || flagBool(inv, 'tty') || flagBool(inv, 'attach');
  if (dryRun !== 'none' && attach) {
    throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'kubectl run');
  }
  if (flagBool(inv, 'rm') && !attach) throw new UsageError('--rm should only be used for attached containers', 'kubectl run');
  if (flagBool(inv, 'expose')) throw new KubectlError('kubelab does not simulate "kubectl run --expose" yet');
  const output = flagString(inv, 'output');
  const pod = generatePod(inv, name);
  if (attach) {
    throw new KubectlError('kubelab: an interactive shell inside a pod (kubectl run -i/-t/--attach) is not available yet; the pod was not created');
  }
  if (dryRun === 'client') {
    if (!printObject(inv.ctx, output, pod, findResourceForKind('Pod'), 'created')) inv.ctx.stdout(nameLine(pod, `created${dryRunSuffix(dryRun)}`));
    return 0;
  }
  const { object, warnings } = inv.ctx.cluster.api.create(pod, { dryRun: dryRun === 'server', fieldValidation: 'Strict', fieldManager: 'kubectl-run' });
  printWarnings(inv.ctx, warnings);
  if (!printObject(inv.ctx, output, object, findResourceForKind('Pod'), 'created')) inv.ctx.stdout(nameLine(object, `created${dryRunSuffix(dryRun)}`));
  return 0;
}

/** kubectl run. */
export const runCommand: CommandDef = {
  name: 'run',
  flags: [
    { name: 'image', type: 'string' },
    { name: 'restart', type: 'string', default: 'Always' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'port', type: 'string' },
    { name: 'env', type: 'stringArray' },
    { name: 'annotations', type: 'stringArray' },
    { name: 'command', type: 'bool' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'attach', type: 'bool' },
    { name: 'rm', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'leave-stdin-open', type: 'bool' },
    { name: 'expose', type: 'bool' },
    { name: 'image-pull-policy', type: 'string' },
    { name: 'serviceaccount', type: 'string' },
    { name: 'overrides', type: 'string' },
    { name: 'privileged', type: 'bool' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
    { name: 'dry-run', type: 'string', default: 'none' },
    { name: 'output', short: 'o', type: 'string' },
    { name: 'save-config', type: 'bool' },
    { name: 'field-manager', type: 'string', default: 'kubectl-run' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'kustomize', short: 'k', type: 'string' },
    { name: 'recursive', short: 'R', type: 'bool' },
    { name: 'cascade', type: 'string', default: 'background' },
    { name: 'grace-period', type: 'int', default: -1 },
    { name: 'force', type: 'bool' },
    { name: 'timeout', type: 'duration', default: 0 },
    { name: 'wait', type: 'bool' },
  ],
  run: runRun,
};
