/** Network clients (curl, wget, nslookup, nc), by name. Filled by the network work. */
import type { CommandFn } from '../types.js';

/** Every network client, by command name. */
export const NETWORK_COMMANDS: Record<string, CommandFn> = {};
