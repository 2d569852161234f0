/**
 * A workspace folder on disk. Every path is resolved inside the root; a path that leaves it
 * through `..` is clamped (as at `/`), and a symbolic link whose target lies outside the root
 * is refused with EACCES, so a student's files can never reach the rest of the machine.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { FsError, normalizePath, type FileKind, type WorkspaceFs } from './workspace-fs.js';

/** Largest file the workspace reads or writes: 16 MiB. */
export const MAX_DISK_FILE_BYTES = 16 * 1024 * 1024;

/** A workspace rooted at a real folder. */
export class DiskFs implements WorkspaceFs {
  private readonly root: string;
  private current = '/';

  constructor(root: string) {
    this.root = fs.realpathSync(root);
  }

  cwd(): string {
    return this.current;
  }

  chdir(path: string): void {
    if (this.stat(path) !== 'dir') throw new FsError(this.stat(path) ? 'ENOTDIR' : 'ENOENT', path);
    this.current = normalizePath(this.current, path);
  }

  stat(path: string): FileKind | undefined {
    const real = this.real(path);
    if (!real) return undefined;
    try {
      return fs.statSync(real).isDirectory() ? 'dir' : 'file';
    } catch {
      return undefined;
    }
  }

  readFile(path: string): Uint8Array {
    const real = this.mustReal(path);
    const st = statOrThrow(real, path);
    if (st.isDirectory()) throw new FsError('EISDIR', path);
    if (st.size > MAX_DISK_FILE_BYTES) throw new FsError('EFBIG', path);
    return fs.readFileSync(real);
  }

  writeFile(path: string, data: Uint8Array | string): void {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    if (bytes.length > MAX_DISK_FILE_BYTES) throw new FsError('EFBIG', path);
    const real = this.mustReal(path);
    if (fs.existsSync(real) && fs.statSync(real).isDirectory()) throw new FsError('EISDIR', path);
    if (!fs.existsSync(nodePath.dirname(real))) throw new FsError('ENOENT', path);
    fs.writeFileSync(real, bytes);
  }

  readDir(path: string): string[] {
    const real = this.mustReal(path);
    const st = statOrThrow(real, path);
    if (!st.isDirectory()) throw new FsError('ENOTDIR', path);
    return fs.readdirSync(real).sort();
  }

  mkdir(path: string, recursive = false): void {
    const real = this.mustReal(path);
    try {
      fs.mkdirSync(real, { recursive });
    } catch (e) {
      throw new FsError(((e as NodeJS.ErrnoException).code as FsError['code']) ?? 'ENOENT', path);
    }
  }

  remove(path: string, recursive = false): void {
    const real = this.mustReal(path);
    if (real === this.root) throw new FsError('EACCES', path);
    const st = statOrThrow(real, path);
    if (st.isDirectory() && !recursive) throw new FsError('EISDIR', path);
    fs.rmSync(real, { recursive, force: false });
  }

  private mustReal(path: string): string {
    const real = this.real(path);
    if (!real) throw new FsError('EACCES', path);
    return real;
  }

  /** The host path for a workspace path, or undefined if it would leave the root. */
  private real(path: string): string | undefined {
    const abs = normalizePath(this.current, path);
    const host = nodePath.join(this.root, abs);
    // Resolve links on the longest existing prefix; the rest does not exist yet.
    // lstat, not exists: a dangling link must not pass as "not there yet" and be written through.
    let existing = host;
    while (!lexists(existing) && existing !== this.root) existing = nodePath.dirname(existing);
    let resolved: string;
    try {
      resolved = fs.realpathSync(existing) + host.slice(existing.length);
    } catch {
      return undefined; // a dangling link
    }
    if (resolved !== this.root && !resolved.startsWith(this.root + nodePath.sep)) return undefined;
    return resolved;
  }
}

function lexists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

function statOrThrow(real: string, path: string): fs.Stats {
  try {
    return fs.statSync(real);
  } catch {
    throw new FsError('ENOENT', path);
  }
}
