/**
 * Runs one command in a container without a terminal, as the container runtime does for
 * `kubectl exec POD -- CMD args` (the session's `runInContainer`): the program is looked up in
 * the image's command set by its basename (`/bin/ls` → `ls`); a missing program fails as
 * containerd fails (`OCI runtime exec failed: ... executable file not found in $PATH`,
 * printed by kubectl as an internal error, exit 1). `sh -c SCRIPT` needs the interpreter: the
 * caller passes `runScript`, else kubelab says so plainly.
 */
import type { Cluster } from '../cluster/cluster.js';
import { Rng } from '../cluster/rng.js';
import type { ContainerIO, ContainerTarget } from '../kubectl/context.js';
import { containerCommandSet } from './images.js';
import { shellName } from './net/image-tools.js';
import type { CommandContext, CommandFn, ShellLimits, ShellSession, ShellTime } from './types.js';

/** What running a command in a container needs from the session. */
export interface ContainerExecHost {
  cluster: Cluster;
  builtins: Record<string, CommandFn>;
  utilities: Record<string, CommandFn>;
  time: ShellTime;
  session: ShellSession;
  limits: ShellLimits;
  /** Runs `sh -c SCRIPT` with the interpreter in the given context, when the session has one. */
  runScript?(script: string, ctx: CommandContext): Promise<number>;
}

/** Thrown when the runtime cannot start the program; kubectl prints it as `error: <message>`. */
export class ContainerExecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContainerExecError';
  }
}

/** The environment a container process starts with (image ENV plus the kubelet's). */
export function containerEnv(target: ContainerTarget, home: string): Map<string, string> {
  return new Map([
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', target.pod],
    ['HOME', home],
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['PWD', '/'],
  ]);
}

/** Runs argv in the container; resolves to the exit status. Throws ContainerExecError for a missing program. */
export async function runInContainer(host: ContainerExecHost, target: ContainerTarget, argv: string[], io: ContainerIO): Promise<number> {
  const place = { kind: 'container' as const, ...target };
  const program = shellName(argv[0] ?? '');
  const shell = containerCommandSet(place, { builtins: host.builtins, utilities: host.utilities, cluster: host.cluster }, program);
  const isShell = shell.hasShell(program);
  const fn = isShell ? undefined : shell.commands.get(program);
  if (!isShell && !fn) {
    const id = new Rng('exec-id', `${target.namespace}/${target.pod}/${host.time.now()}`).hex(64);
    throw new ContainerExecError(
      `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    );
  }
  const home = shell.tools.user === 'root' ? '/root' : `/home/${shell.tools.user}`;
  const ctx: CommandContext = {
    name: argv[0],
    args: argv.slice(1),
    stdin: io.stdin,
    stdout: io.stdout,
    stderr: io.stderr,
    env: containerEnv(target, home),
    fs: shell.fs,
    cluster: host.cluster,
    place,
    time: host.time,
    signal: io.signal ?? new AbortController().signal,
    session: host.session,
    limits: host.limits,
  };
  if (fn) return fn(ctx);
  // A shell: `sh -c SCRIPT` runs the script; a bare shell without a terminal reads stdin.
  const script = argv[1] === '-c' ? argv[2] ?? '' : argv.length === 1 ? io.stdin : undefined;
  if (script === undefined) {
    io.stderr(`kubelab: ${argv.join(' ')}: only "${program} -c SCRIPT" can run without a terminal here\n`);
    return 2;
  }
  if (!host.runScript) {
    io.stderr('kubelab: running a shell script in a container needs kubelab\'s shell interpreter\n');
    return 2;
  }
  return host.runScript(script, { ...ctx, name: program, args: argv.slice(1) });
}
