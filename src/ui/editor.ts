/**
 * `vi`, `vim` and `nano` in the TUI: the file opens in the student's own `$EDITOR`, with the
 * terminal handed over (ink suspended) until the editor exits. Only files inside the
 * workspace folder can be opened; without `$EDITOR` the command says so plainly and fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { CommandFn } from '../shell/types.js';
import { normalizePath } from '../workspace/workspace-fs.js';

/** What the editor commands need from the TUI. */
export interface EditorHost {
  /** The workspace folder on disk (the shell's `/`). */
  root: string;
  /** The `$EDITOR` command line, or undefined when it is not set. */
  editor: string | undefined;
  /** Runs `fn` with the real terminal handed over (the UI suspended), then redraws. */
  suspend<T>(fn: () => T): T;
  /** The message for a missing `$EDITOR`. */
  noEditor(name: string): string;
}

/** The editor commands of the TUI's workstation, by name. */
export function editorCommands(host: EditorHost): Record<string, CommandFn> {
  const edit: CommandFn = (ctx) => {
    const file = ctx.args.find((a) => !a.startsWith('-') && !a.startsWith('+'));
    if (file === undefined) {
      ctx.stderr(`${ctx.name}: give the file to edit, e.g. ${ctx.name} hello.yaml\n`);
      return 1;
    }
    if (!host.editor || host.editor.trim() === '') {
      ctx.stderr(host.noEditor(ctx.name));
      return 1;
    }
    const target = workspaceFile(host.root, normalizePath(ctx.fs.cwd(), file));
    if (typeof target !== 'string') {
      ctx.stderr(`${ctx.name}: ${file}: ${target.error}\n`);
      return 1;
    }
    const [command, ...args] = host.editor.trim().split(/\s+/);
    const result = host.suspend(() => spawnSync(command, [...args, target], { stdio: 'inherit' }));
    if (result.error) {
      ctx.stderr(`${ctx.name}: cannot start $EDITOR (${host.editor}): ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}\n`);
      return 127;
    }
    return result.status ?? 1;
  };
  return { vi: edit, vim: edit, nano: edit };
}

/** The real path of a workspace path, or why it cannot be edited (outside, a folder, no parent). */
export function workspaceFile(root: string, workspacePath: string): string | { error: string } {
  const realRoot = fs.realpathSync(root);
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot + path.sep);
  const full = path.join(realRoot, workspacePath);
  if (fs.existsSync(full)) {
    const real = fs.realpathSync(full);
    if (!inside(real)) return { error: 'is outside the workspace folder' };
    if (fs.statSync(real).isDirectory()) return { error: 'is a directory' };
    return real;
  }
  const parent = path.dirname(full);
  if (!fs.existsSync(parent)) return { error: 'no such directory' };
  if (!inside(fs.realpathSync(parent))) return { error: 'is outside the workspace folder' };
  return full;
}
