/**
 * The shell's own commands, run inside the shell process (they see and change its state):
 * every place's shell has them, before the place's binaries.
 */
import type { Exec } from '../interpreter/shell.js';
import type { CommandContext } from '../types.js';
import { FLOW_BUILTINS } from './flow.js';
import { INFO_BUILTINS } from './info.js';
import { OUTPUT_BUILTINS } from './output.js';
import { TEST_BUILTINS } from './test.js';
import { VARIABLE_BUILTINS } from './variables.js';

/** A builtin: a command that also receives the running shell. */
export type Builtin = (ctx: CommandContext, ex: Exec) => number | Promise<number>;

/** Every builtin, by name. */
export const BUILTINS: Record<string, Builtin> = {
  ...OUTPUT_BUILTINS,
  ...VARIABLE_BUILTINS,
  ...FLOW_BUILTINS,
  ...TEST_BUILTINS,
  ...INFO_BUILTINS,
};
