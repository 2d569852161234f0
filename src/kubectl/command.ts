/**
 * A kubectl command as data (after kubectl's `options → complete → validate → run`): its
 * flags, its subcommands, and a run function that receives parsed flags and injected IO.
 */
import type { KubectlContext } from './context.js';
import type { FlagSpec } from './flags.js';

/** One parsed invocation of a command. */
export interface Invocation {
  ctx: KubectlContext;
  /** Positional arguments (after the command path). */
  args: string[];
  /** Flag values by long name (defaults filled in). */
  flags: Record<string, unknown>;
  /** Flags the user set explicitly. */
  changed: Set<string>;
  /** Arguments after `--`. */
  afterDash: string[];
  dashSeen: boolean;
  /** `-n` or `default`. */
  namespace: string;
  /** Whether `-n` was given. */
  namespaceExplicit: boolean;
  /** `kubectl rollout undo`, for messages. */
  commandPath: string;
}

/** A command definition. */
export interface CommandDef {
  name: string;
  aliases?: string[];
  flags?: FlagSpec[];
  subcommands?: CommandDef[];
  /**
   * Runs the command and returns its exit code. Throw KubectlError, UsageError or ApiError
   * for failures; the dispatcher prints them as kubectl does.
   */
  run?(inv: Invocation): number | Promise<number>;
  /** Text printed (to stdout, exit 0) when a parent command is called without a subcommand. */
  help?: string;
}

/** Typed access to flag values. */
export function flagString(inv: Invocation, name: string): string {
  return String(inv.flags[name] ?? '');
}

/** A boolean flag's value. */
export function flagBool(inv: Invocation, name: string): boolean {
  return inv.flags[name] === true;
}

/** An int flag's value. */
export function flagInt(inv: Invocation, name: string): number {
  return Number(inv.flags[name] ?? 0);
}

/** A list flag's value. */
export function flagList(inv: Invocation, name: string): string[] {
  return (inv.flags[name] as string[] | undefined) ?? [];
}

/** Flags every kubectl command accepts (kubectl's persistent flags that kubelab honours or accepts). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'token', type: 'string' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'match-server-version', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
  { name: 'cache-dir', type: 'string' },
  { name: 'as', type: 'string' },
  { name: 'help', short: 'h', type: 'bool' },
];
