/**
 * The student's own machine: the shell's builtins, the text and file utilities, the network
 * clients, kubectl, and editors that say they cannot run in a script. Anything else is
 * `sh: foo: not found` (status 127), as busybox sh and dash say it.
 */
import { BUILTINS } from './builtins/index.js';
import { EDITOR_STUBS } from './builtins/editors.js';
import { kubectlCommand } from './kubectl-command.js';
import { NETWORK_COMMANDS } from './net/index.js';
import type { CommandFn, CommandSet } from './types.js';
import { UTILITIES } from './utils/index.js';

/** A CommandSet over a record of commands (builtins are listed by name; the shell runs them). */
export function commandSetOf(commands: Record<string, CommandFn>, builtinNames: readonly string[] = []): CommandSet {
  const table = new Map(Object.entries(commands));
  return {
    get: (name) => table.get(name),
    names: () => [...new Set([...builtinNames, ...table.keys()])].sort(),
  };
}

/** Options of the workstation command set. */
export interface WorkstationOptions {
  /** Replaces the editors (the TUI has one). */
  editors?: Record<string, CommandFn>;
}

/** The workstation's commands. */
export function workstationCommandSet(opts: WorkstationOptions = {}): CommandSet {
  return commandSetOf(
    { ...UTILITIES, ...NETWORK_COMMANDS, ...(opts.editors ?? EDITOR_STUBS), kubectl: kubectlCommand },
    Object.keys(BUILTINS),
  );
}
