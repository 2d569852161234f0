/**
 * `kubectl run NAME --image=IMAGE [-- args...]` (kubectl pkg/cmd/run/run.go and
 * generate/versioned PodGeneratorV1): builds the Pod in Go struct field order (so `-o json`
 * matches), creates it (`pod/x created`) or prints it with --dry-run=client. With `-i`/`-t`
 * (run.go handleAttachPod, attach.go Run): waits on the virtual clock until the pod is Running
 * and Ready (--pod-running-timeout, 1m), prints `If you don't see a command prompt, try
 * pressing enter.`, then the session enters the container's shell (or runs a one-shot command);
 * when it ends: `Session ended, resume using ...` (restart Always), `--rm` deletes the pod
 * (`pod "tmp" deleted`, no wait), a non-zero status under restart Never prints
 * `pod default/tmp terminated (Error)`.
 */
import type { KubeObject } from '../../cluster/types.js';
import { flagBool, flagList, flagString, type CommandDef, type Invocation } from '../command.js';
import { passTime } from '../context.js';
import { formatKubectlError, KubectlError, UsageError } from '../errors.js';
import { notFound } from '../../cluster/errors.js';
import { printObject, printWarnings } from '../manifests/write-support.js';
import { requireFlags } from '../rollout/klog.js';
import { dryRunStrategy, dryRunSuffix, nameLine } from '../rollout/targets.js';
import { findResourceForKind } from '../../cluster/resources.js';
import type { Pod } from '../../cluster/types.js';
import { isInteractiveShell, runOnce, targetOf } from './exec.js';

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
  // Struct order: name, image, command, args, ports, env, resources, ..., stdin, stdinOnce, tty.
  const interactive = flagBool(inv, 'stdin');
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
  if (interactive) container.stdin = true;
  if (interactive && !flagBool(inv, 'leave-stdin-open')) container.stdinOnce = true;
  if (flagBool(inv, 'tty')) container.tty = true;
  const metadata: Record<string, unknown> = { name, creationTimestamp: null, labels };
  const annotations = flagList(inv, 'annotations');
  if (annotations.length > 0) metadata.annotations = Object.fromEntries(annotations.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const spec: Record<string, unknown> = { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' };
  const sa = flagString(inv, 'serviceaccount');
  if (sa) spec.serviceAccountName = sa;
  return { kind: 'Pod', apiVersion: 'v1', metadata, spec, status: {} } as unknown as KubeObject;
}

function runRun(inv: Invocation): number | Promise<number> {
  requireFlags(inv, ['image']);
  if (inv.args.length === 0) throw new UsageError('NAME is required for run', 'kubectl run');
  const name = inv.args[0];
  const dryRun = dryRunStrategy(inv);
  const attach = flagBool(inv, 'stdin') || flagBool(inv, 'tty') || flagBool(inv, 'attach');
  if (flagBool(inv, 'tty') && !flagBool(inv, 'stdin')) throw new UsageError('-i/--stdin is required for containers with -t/--tty=true', 'kubectl run');
  if (dryRun !== 'none' && attach) {
    throw new UsageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", 'kubectl run');
  }
  if (flagBool(inv, 'rm') && !attach) throw new UsageError('--rm should only be used for attached containers', 'kubectl run');
  if (flagBool(inv, 'expose')) throw new KubectlError('kubelab does not simulate "kubectl run --expose" yet');
  const output = flagString(inv, 'output');
  const pod = generatePod(inv, name);
  if (attach) return runAttached(inv, pod);
  if (dryRun === 'client') {
    if (!printObject(inv.ctx, output, pod, findResourceForKind('Pod'), 'created')) inv.ctx.stdout(nameLine(pod, `created${dryRunSuffix(dryRun)}`));
    return 0;
  }
  const { object, warnings } = inv.ctx.cluster.api.create(pod, { dryRun: dryRun === 'server', fieldValidation: 'Strict', fieldManager: 'kubectl-run' });
  printWarnings(inv.ctx, warnings);
  if (!printObject(inv.ctx, output, object, findResourceForKind('Pod'), 'created')) inv.ctx.stdout(nameLine(object, `created${dryRunSuffix(dryRun)}`));
  return 0;
}

/** Deletes the pod as `--rm` does (DeleteOptions without --wait) and prints kubectl's line. */
function removePod(inv: Invocation, namespace: string, name: string): void {
  try {
    inv.ctx.cluster.api.delete('Pod', namespace, name);
    inv.ctx.stdout(`pod "${name}" deleted\n`);
  } catch (e) {
    inv.ctx.stderr(formatKubectlError(e, 'kubectl run'));
  }
}

/** Advances virtual time until the pod is Running and Ready, has completed, or the timeout passed. */
async function waitRunningAndReady(inv: Invocation, namespace: string, name: string, timeoutMs: number): Promise<Pod | 'completed' | 'timeout' | 'deleted'> {
  const cluster = inv.ctx.cluster;
  const deadline = cluster.clock.now() + timeoutMs;
  for (;;) {
    // Let the controllers react to the create first: until they do, no timer is pending and
    // the loop would jump straight to the deadline.
    cluster.settle();
    const pod = cluster.store.peek<Pod>('Pod', namespace, name);
    if (!pod) return 'deleted';
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 'completed';
    if (phase === 'Running' && pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) return pod;
    const t = cluster.clock.now();
    if (t >= deadline || inv.ctx.signal?.aborted) return 'timeout';
    const next = cluster.clock.nextTimerAt();
    await passTime(inv.ctx, Math.max(1, Math.min(next ?? Infinity, deadline) - t));
  }
}

/** `kubectl run -i/-t`: create, wait, attach; what happens when the session ends. */
async function runAttached(inv: Invocation, generated: KubeObject): Promise<number> {
  if (!inv.ctx.session) {
    throw new KubectlError("kubelab: an interactive shell (kubectl run -i/-t/--attach) is not available yet in plain kubectl: it needs kubelab's shell (kubelab run, grade or the TUI); the pod was not created");
  }
  const { object, warnings } = inv.ctx.cluster.api.create<Pod>(generated, { fieldValidation: 'Strict', fieldManager: 'kubectl-run' });
  printWarnings(inv.ctx, warnings);
  const namespace = object.metadata.namespace!;
  const name = object.metadata.name!;
  const remove = flagBool(inv, 'rm');
  const restart = flagString(inv, 'restart') || 'Always';
  const quiet = flagBool(inv, 'quiet');
  const waited = await waitRunningAndReady(inv, namespace, name, Number(inv.flags['pod-running-timeout'] ?? 60_000));
  if (waited === 'timeout' || waited === 'deleted' || waited === 'completed') {
    if (remove && waited !== 'deleted') removePod(inv, namespace, name);
    if (waited === 'completed') return 0;
    throw waited === 'deleted' ? notFound(findResourceForKind('Pod')!, name) : new KubectlError('timed out waiting for the condition');
  }
  // Interrupted (Ctrl-C, or the line's time budget) while waiting: kubectl would be gone by
  // now, leaving the pod behind; nothing attaches.
  if (inv.ctx.signal?.aborted) return 130;
  const target = targetOf(waited, name);
  const argv = [...(waited.spec.containers[0].command ?? []), ...(waited.spec.containers[0].args ?? [])];
  const program = argv.length > 0 ? argv : ['sh'];
  const session = inv.ctx.session;
  const tty = flagBool(inv, 'tty');
  const finish = (code: number): number => {
    const { stdout, stderr } = inv.ctx;
    // The shell that ended was the container's main process.
    if (isInteractiveShell(program)) inv.ctx.cluster.endMainProcess(waited, target.container, code);
    if (!quiet && tty && flagBool(inv, 'stdin') && restart === 'Always') {
      stdout(`Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`);
    }
    if (remove) removePod(inv, namespace, name);
    const waitForExitCode = !flagBool(inv, 'leave-stdin-open') && (restart === 'Never' || restart === 'OnFailure');
    if (waitForExitCode && code !== 0) {
      stderr(`pod ${namespace}/${name} terminated (Error)\n`);
      return code;
    }
    return 0;
  };
  if (!session || (!isInteractiveShell(program) && !session.runInContainer)) {
    // A session without one-shot commands (an older shell layer).
    if (remove) removePod(inv, namespace, name);
    throw new KubectlError("kubelab: an interactive shell inside a pod needs kubelab's shell (kubelab run, grade or the TUI); plain kubectl cannot attach a terminal");
  }
  if (!quiet) inv.ctx.stderr("If you don't see a command prompt, try pressing enter.\n");
  if (isInteractiveShell(program)) {
    session.enterContainer(target, { shell: program[0], onExit: (code) => void finish(code) });
    return 0;
  }
  let code: number;
  try {
    code = await runOnce(inv, target, program);
  } catch (e) {
    if (remove) removePod(inv, namespace, name);
    throw e;
  }
  return finish(code);
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
