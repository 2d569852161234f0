/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]` (kubectl
 * pkg/cmd/exec/exec.go v1.32): with -it and a shell, the session enters the container; without
 * a terminal, the command runs once through the session's `runInContainer`. A non-zero status
 * prints `command terminated with exit code N` and kubectl exits with N. Errors as kubectl and
 * the API server word them: NotFound, `cannot exec into a container in a completed pod`,
 * `unable to upgrade connection: container not found ("x")`.
 */
import type { Pod } from '../../cluster/types.js';
import { flagBool, flagString, type CommandDef, type Invocation } from '../command.js';
import type { ContainerTarget } from '../context.js';
import { KubectlError, UsageError } from '../errors.js';
import { attachablePod } from '../attachable-pod.js';

const USAGE = "expected 'exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'.\nPOD or TYPE/NAME is a required argument for the exec command";

/** Shell programs that start an interactive session. */
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** True if argv starts an interactive shell (`sh`, `/bin/bash -l`, `sh -i`), not a one-shot command. */
export function isInteractiveShell(argv: readonly string[]): boolean {
  if (argv.length === 0) return false;
  const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  return SHELLS.has(name) && argv.slice(1).every((a) => /^-[il]+$/.test(a));
}

/** The container to use: -c, else the default-container annotation, else the first (with kubectl's note when there are several). */
export function chooseContainer(inv: Invocation, pod: Pod, requested: string): string {
  if (requested) return requested;
  const names = pod.spec.containers.map((c) => c.name);
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && names.includes(annotated)) return annotated;
  if (names.length > 1 && !flagBool(inv, 'quiet')) inv.ctx.stderr(`Defaulted container "${names[0]}" out of: ${names.join(', ')}\n`);
  return names[0];
}

/** Throws the API server's answer when the container cannot take an exec or attach. */
export function requireRunningContainer(pod: Pod, container: string): void {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const status = pod.status?.containerStatuses?.find((s) => s.name === container);
  if (!pod.spec.containers.some((c) => c.name === container) || !status?.state?.running) {
    throw new KubectlError(`unable to upgrade connection: container not found ("${container}")`);
  }
}

/** The target for the session. */
export function targetOf(pod: Pod, container: string): ContainerTarget {
  const spec = pod.spec.containers.find((c) => c.name === container);
  return { namespace: pod.metadata.namespace!, pod: pod.metadata.name!, container, image: spec?.image ?? '' };
}

/** Runs argv once in the container through the session; returns its status, or throws the runtime's error. */
export async function runOnce(inv: Invocation, target: ContainerTarget, argv: string[]): Promise<number> {
  const host = inv.ctx.session;
  if (!host?.runInContainer) throw new KubectlError("kubelab: running a command inside a pod needs kubelab's shell (kubelab run, grade or the TUI); plain kubectl cannot reach the container");
  try {
    return await host.runInContainer(target, argv, { stdin: inv.ctx.stdin ?? '', stdout: inv.ctx.stdout, stderr: inv.ctx.stderr, signal: inv.ctx.signal });
  } catch (e) {
    // The runtime's refusal (ContainerExecError from the shell layer) is an error kubectl prints.
    if (e instanceof Error && e.name === 'ContainerExecError') throw new KubectlError(e.message);
    throw e;
  }
}

async function runExec(inv: Invocation): Promise<number> {
  if (inv.args.length === 0) throw new UsageError(USAGE, 'kubectl exec');
  if (!inv.dashSeen && inv.args.length > 1) throw new KubectlError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (inv.args.length > 1) throw new UsageError(USAGE, 'kubectl exec');
  const argv = inv.afterDash;
  if (argv.length === 0) throw new UsageError('you must specify at least one command for the container', 'kubectl exec');
  const { pod } = attachablePod(inv, inv.args[0], 'attach to');
  const container = chooseContainer(inv, pod, flagString(inv, 'container'));
  requireRunningContainer(pod, container);
  const target = targetOf(pod, container);
  const interactive = flagBool(inv, 'stdin') && flagBool(inv, 'tty');
  if (interactive && isInteractiveShell(argv)) {
    const session = inv.ctx.session;
    if (!session) throw new KubectlError("kubelab: an interactive shell inside a pod needs kubelab's shell (kubelab run, grade or the TUI); plain kubectl cannot attach a terminal");
    const { stderr } = inv.ctx;
    session.enterContainer(target, {
      shell: argv[0],
      onExit(code) {
        if (code !== 0) stderr(`command terminated with exit code ${code}\n`);
      },
    });
    return 0;
  }
  const code = await runOnce(inv, target, argv);
  if (code !== 0) inv.ctx.stderr(`command terminated with exit code ${code}\n`);
  return code;
}

/** kubectl exec. */
export const execCommand: CommandDef = {
  name: 'exec',
  flags: [
    { name: 'container', short: 'c', type: 'string' },
    { name: 'stdin', short: 'i', type: 'bool' },
    { name: 'tty', short: 't', type: 'bool' },
    { name: 'quiet', short: 'q', type: 'bool' },
    { name: 'filename', short: 'f', type: 'stringSlice' },
    { name: 'pod-running-timeout', type: 'duration', default: 60_000 },
  ],
  run: runExec,
};
