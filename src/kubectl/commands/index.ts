/**
 * Every kubectl verb kubelab simulates, each in its own file.
 */
import type { CommandDef } from '../command.js';
import { getCommand } from './get.js';

/** The top-level commands. */
export const COMMANDS: CommandDef[] = [getCommand];
