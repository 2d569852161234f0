/**
 * A workspace that forwards to another, switched at run time: a resumed lesson replays its
 * journal on a memory copy of the folder (so the replay never rewrites or deletes the student's
 * files on disk), then switches to the folder itself, keeping the current directory.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MemoryFs } from '../workspace/memory-fs.js';
import type { FileKind, WorkspaceFs } from '../workspace/workspace-fs.js';

/** A WorkspaceFs that forwards every call to `target`. */
export class SwitchableFs implements WorkspaceFs {
  constructor(public target: WorkspaceFs) {}

  /** Forwards to `next` from now on, in the same directory when it has one. */
  use(next: WorkspaceFs): void {
    const cwd = this.target.cwd();
    this.target = next;
    if (next.stat(cwd) === 'dir') next.chdir(cwd);
  }

  cwd(): string {
    return this.target.cwd();
  }
  chdir(p: string): void {
    this.target.chdir(p);
  }
  stat(p: string): FileKind | undefined {
    return this.target.stat(p);
  }
  readFile(p: string): Uint8Array {
    return this.target.readFile(p);
  }
  writeFile(p: string, data: Uint8Array | string): void {
    this.target.writeFile(p, data);
  }
  readDir(p: string): string[] {
    return this.target.readDir(p);
  }
  mkdir(p: string, recursive?: boolean): void {
    this.target.mkdir(p, recursive);
  }
  remove(p: string, recursive?: boolean): void {
    this.target.remove(p, recursive);
  }
}

/**
 * A memory copy of a folder's regular files over `base` (the scenario's starting files, so a file
 * the student used and later deleted is there for the replay, as the grader does it). Symbolic
 * links are left out.
 */
export function memoryCopyOf(dir: string, base: Record<string, string> = {}): MemoryFs {
  const files: Record<string, Uint8Array | string> = { ...base };
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) files[child] = fs.readFileSync(path.join(dir, child));
    }
  };
  walk('');
  return new MemoryFs(files);
}
