/** Network clients (curl, wget, nslookup, nc), by name; each image picks the ones it ships (image-tools.ts). */
import type { CommandFn } from '../types.js';
import { curl } from './curl.js';
import { nc } from './nc.js';
import { nslookup } from './nslookup.js';
import { wget } from './wget.js';

/** Every network client, by command name. */
export const NETWORK_COMMANDS: Record<string, CommandFn> = { curl, wget, nslookup, nc };

export { imageTools, shellPrompt, commandNotFound, shellName, type ImageTools } from './image-tools.js';
