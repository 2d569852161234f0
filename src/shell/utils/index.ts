/** Text and file utilities (cat, grep, head, ...), by name. Filled by the utilities work. */
import type { CommandFn } from '../types.js';

/** Every utility, by command name. */
export const UTILITIES: Record<string, CommandFn> = {};
