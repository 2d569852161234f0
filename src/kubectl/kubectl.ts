/**
 * The kubectl entry point: finds the command (cobra's Find with flags stripped), parses flags
 * (pflag), runs it, and prints any error as kubectl does. Never throws: a user's mistake is an
 * exit code and kubectl's message, a kubelab bug a plain `error: internal error` line.
 */
import { GLOBAL_FLAGS, type CommandDef, type Invocation } from './command.js';
import { COMMANDS } from './commands/index.js';
import type { KubectlContext } from './context.js';
import { formatKubectlError, KubectlError, UsageError } from './errors.js';
import { FlagError, parseFlags, type FlagSpec } from './flags.js';
import { KUBECTL_COMMAND_NAMES, suggestCommands } from './suggest.js';

/** Runs `kubectl <argv...>` and returns its exit status. */
export async function runKubectl(argv: readonly string[], ctx: KubectlContext): Promise<number> {
  let path = 'kubectl';
  try {
    const found = findCommand(argv);
    if (found.kind === 'unknown' && argv[0].startsWith('-')) {
      // The plugin handler (cmd.go HandlePluginCommand) sees no plugin name before a flag.
      ctx.stderr(`Error: flags cannot be placed before plugin name: ${argv[0]}\n`);
      return 1;
    }
    if (found.kind === 'unknown') {
      ctx.stderr(`Error: unknown command "${found.name}" for "kubectl"${suggestionText(found.name)}\n`);
      return 1;
    }
    if (found.kind === 'unsimulated') {
      throw new KubectlError(`kubelab does not simulate "kubectl ${found.name}" yet`);
    }
    if (found.kind === 'none') {
      ctx.stdout(ROOT_HELP);
      return 0;
    }
    const { cmd, rest } = found;
    path = found.path;
    const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...(cmd.flags ?? [])]);
    if (cmd.subcommands && !cmd.run) {
      if (parsed.args.length === 0) {
        ctx.stdout(cmd.help ?? '');
        return 0;
      }
      throw new UsageError(`unknown command "${parsed.args.join(' ')}"`, path);
    }
    const ns = String(parsed.values.namespace || 'default');
    const inv: Invocation = {
      ctx,
      args: parsed.args,
      flags: parsed.values,
      changed: parsed.changed,
      afterDash: parsed.afterDash,
      dashSeen: parsed.dashSeen,
      namespace: ns,
      namespaceExplicit: parsed.changed.has('namespace'),
      commandPath: path,
    };
    const code = await cmd.run!(inv);
    return code;
  } catch (err) {
    ctx.stderr(formatKubectlError(err, path));
    return err instanceof KubectlError ? err.exitCode : 1;
  } finally {
    ctx.cluster.settle();
  }
}

type Found =
  | { kind: 'command'; cmd: CommandDef; path: string; rest: string[] }
  | { kind: 'unknown'; name: string }
  | { kind: 'unsimulated'; name: string }
  | { kind: 'none' };

/** Locates the (sub)command among the arguments, skipping global flags and their values. */
function findCommand(argv: readonly string[]): Found {
  const positions = positionals(argv, GLOBAL_FLAGS, true);
  if (positions.length === 0) return { kind: 'none' };
  const name = argv[positions[0]];
  const cmd = COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
  if (!cmd) {
    return KUBECTL_COMMAND_NAMES.includes(name) ? { kind: 'unsimulated', name } : { kind: 'unknown', name };
  }
  const rest = argv.filter((_, i) => i !== positions[0]);
  if (!cmd.subcommands) return { kind: 'command', cmd, path: `kubectl ${cmd.name}`, rest };
  const subPositions = positionals(rest, [...GLOBAL_FLAGS, ...(cmd.flags ?? [])]);
  const subName = subPositions.length > 0 ? rest[subPositions[0]] : undefined;
  const sub = cmd.subcommands.find((s) => s.name === subName || s.aliases?.includes(subName ?? ''));
  if (!sub) return { kind: 'command', cmd, path: `kubectl ${cmd.name}`, rest };
  return {
    kind: 'command',
    cmd: sub,
    path: `kubectl ${cmd.name} ${sub.name}`,
    rest: rest.filter((_, i) => i !== subPositions[0]),
  };
}

/**
 * Indexes of positional arguments, skipping flags and the values of value-taking flags. With
 * `unknownTakeValue`, as cobra's stripFlags at the root, an unknown `--flag` or `-x` without `=`
 * takes the next argument (`kubectl --bogus get pods` looks for a command named `pods`).
 */
function positionals(argv: readonly string[], specs: readonly FlagSpec[], unknownTakeValue = false): number[] {
  const takesValue = (spec: FlagSpec | undefined) => (spec === undefined ? unknownTakeValue : spec.type !== 'bool');
  const out: number[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a.startsWith('--')) {
      if (!a.includes('=') && takesValue(specs.find((s) => s.name === a.slice(2)))) i++;
    } else if (a.startsWith('-') && a.length > 1) {
      if (a.length === 2 && takesValue(specs.find((s) => s.short === a[1]))) i++;
    } else out.push(i);
  }
  return out;
}

function suggestionText(name: string): string {
  const names = suggestCommands(name, KUBECTL_COMMAND_NAMES);
  if (names.length === 0) return '';
  return `\n\nDid you mean this?\n${names.map((n) => `\t${n}\n`).join('')}`;
}

/** `kubectl` with no arguments prints its help; kubelab's short form says what it simulates. */
const ROOT_HELP = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

This is kubelab's simulated kubectl. It answers as kubectl v1.32 does for:
  ${'apply create delete describe get patch rollout scale set label annotate run expose logs version api-resources explain'}

Usage:
  kubectl [flags] [options]
`;

export { FlagError };
