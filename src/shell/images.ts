/**
 * What a shell inside a container has: the commands of its image (the shell's builtins, the
 * text utilities as busybox applets or Debian coreutils, and only the network clients the
 * image ships: busybox has wget/nslookup/nc and no curl), its prompt, and its files. The
 * session calls `containerCommandSet` when `kubectl run -it` or `kubectl exec -it` enters a
 * container. The per-image facts live in net/image-tools.ts.
 */
import type { Cluster } from '../cluster/cluster.js';
import { FsError, type WorkspaceFs } from '../workspace/workspace-fs.js';
import { ContainerFs } from './container-fs.js';
import { NETWORK_COMMANDS } from './net/index.js';
import { commandNotFound, imageTools, shellName, shellPrompt, type ImageTools } from './net/image-tools.js';
import type { CommandFn, CommandSet, ContainerPlace } from './types.js';

/** A CommandSet over a plain record. */
export function recordCommandSet(commands: Record<string, CommandFn>): CommandSet {
  const names = Object.keys(commands).sort();
  return { get: (name) => (Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined), names: () => [...names] };
}

/** What the session needs to run a shell in a container. */
export interface ContainerShell {
  /** The image's commands: builtins, utilities, its network clients. */
  commands: CommandSet;
  /** The prompt with the shell in its working directory (`/ # `, `root@tmp:/# `, `~ $ `). */
  prompt: string;
  /** The container's files (overlay writes), cwd at the image's WORKDIR. */
  fs: WorkspaceFs;
  /** The prompt for another working directory (after `cd`). */
  promptFor(cwd: string): string;
  /** What the shell prints for an unknown command (`sh: curl: not found\n`); status 127. */
  notFound(command: string): string;
  /** Whether the image has this shell program (`sh`, `/bin/bash`). */
  hasShell(shell: string): boolean;
  /** The image facts behind all this. */
  tools: ImageTools;
}

/**
 * The commands, prompt and files of a shell in `place`. `shell` is the program asked for
 * (`sh` by default: it picks the prompt and the not-found message). Pass `base.cluster` for
 * the container's files; without it `fs` is an empty, read-only view (prompt/command tests).
 */
export function containerCommandSet(
  place: ContainerPlace,
  base: { builtins: Record<string, CommandFn>; utilities: Record<string, CommandFn>; cluster?: Cluster },
  shell = 'sh',
): ContainerShell {
  const cluster = base.cluster;
  const tools = imageTools(place.image);
  const network: Record<string, CommandFn> = {};
  for (const name of tools.network) if (NETWORK_COMMANDS[name]) network[name] = NETWORK_COMMANDS[name];
  const commands = recordCommandSet({ ...base.utilities, ...network, ...base.builtins });
  const fs: WorkspaceFs = cluster ? new ContainerFs(cluster, place, tools.workdir) : emptyFs(tools.workdir);
  const promptFor = (cwd: string) => shellPrompt(tools, shell, place.pod, cwd);
  return {
    commands,
    prompt: promptFor(fs.cwd()),
    fs,
    promptFor,
    notFound: (command) => commandNotFound(tools, shell, command),
    hasShell: (s) => tools.shells.includes(shellName(s)),
    tools,
  };
}

/** A minimal read-only view when no cluster is at hand (tests of prompts and command sets). */
function emptyFs(cwd: string): WorkspaceFs {
  const fail = (path: string): never => {
    throw new FsError('ENOENT', path);
  };
  return {
    cwd: () => cwd,
    chdir: (p) => fail(p),
    stat: (p) => (p === '/' || p === cwd ? 'dir' : undefined),
    readFile: (p) => fail(p),
    writeFile: (p) => fail(p),
    readDir: () => [],
    mkdir: (p) => fail(p),
    remove: (p) => fail(p),
  };
}
