/**
 * A workspace folder on disk. Every path is resolved inside the root; a path that leaves it
 * through `..` is clamped (as at `/`), and a symbolic link whose target lies outside the root
 * is refused with EACCES, so a student's files can never reach the rest of the machine.
 */
import fs from 'node:fs';
import nodePath from 'node:path';
import { FsError, normalizePath, WORKSPACE_LIMITS, type FileKind, type WorkspaceFs } from './workspace-fs.js';

/** Largest file the workspace reads or writes: 16 MiB. */
export const MAX_DISK_FILE_BYTES = 16 * 1024 * 1024;

/**
 * A workspace rooted at a real folder. What was there before is not counted; what the session
 * adds is bounded by WORKSPACE_LIMITS (bytes grown, entries created), so a loop writing file
 * after file stops with ENOSPC instead of filling the student's disk.
 */
export class DiskFs implements WorkspaceFs {
  private readonly root: string;
  private current = '/';
  /** Net bytes and entries this session added (removals give them back). */
  private grownBytes = 0;
  private createdEntries = 0;

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
    const existing = statOf(real);
    if (existing?.isDirectory()) throw new FsError('EISDIR', path);
    if (!fs.existsSync(nodePath.dirname(real))) throw new FsError('ENOENT', path);
    const old = existing?.size;
    const delta = bytes.length - (old ?? 0);
    if (this.grownBytes + delta > WORKSPACE_LIMITS.maxBytes) throw new FsError('ENOSPC', path);
    if (old === undefined && this.createdEntries >= WORKSPACE_LIMITS.maxEntries) throw new FsError('ENOSPC', path);
    fs.writeFileSync(real, bytes);
    this.grownBytes += delta;
    if (old === undefined) this.createdEntries++;
  }

  readDir(path: string): string[] {
    const real = this.mustReal(path);
    const st = statOrThrow(real, path);
    if (!st.isDirectory()) throw new FsError('ENOTDIR', path);
    return fs.readdirSync(real).sort();
  }

  mkdir(path: string, recursive = false): void {
    const real = this.mustReal(path);
    if (!lexists(real) && this.createdEntries >= WORKSPACE_LIMITS.maxEntries) throw new FsError('ENOSPC', path);
    try {
      const first = fs.mkdirSync(real, { recursive });
      this.createdEntries += recursive ? (first ? nodePath.relative(first, real).split(nodePath.sep).filter(Boolean).length + 1 : 0) : 1;
    } catch (e) {
      throw new FsError(((e as NodeJS.ErrnoException).code as FsError['code']) ?? 'ENOENT', path);
    }
  }

  remove(path: string, recursive = false): void {
    const real = this.mustReal(path);
    if (real === this.root) throw new FsError('EACCES', path);
    const st = statOrThrow(real, path);
    if (st.isDirectory() && !recursive) throw new FsError('EISDIR', path);
    const freed = treeUsage(real);
    fs.rmSync(real, { recursive, force: false });
    this.grownBytes -= freed.bytes;
    this.createdEntries = Math.max(0, this.createdEntries - freed.entries);
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

/** A path's stat, or undefined when there is nothing there. */
function statOf(real: string): fs.Stats | undefined {
  try {
    return fs.statSync(real);
  } catch {
    return undefined;
  }
}

/** Bytes and entries under a path (links not followed), what removing it gives back. */
function treeUsage(real: string): { bytes: number; entries: number } {
  const st = fs.lstatSync(real);
  if (!st.isDirectory()) return { bytes: st.isFile() ? st.size : 0, entries: 1 };
  let bytes = 0;
  let entries = 1;
  for (const name of fs.readdirSync(real)) {
    const sub = treeUsage(nodePath.join(real, name));
    bytes += sub.bytes;
    entries += sub.entries;
  }
  return { bytes, entries };
}

function statOrThrow(real: string, path: string): fs.Stats {
  try {
    return fs.statSync(real);
  } catch {
    throw new FsError('ENOENT', path);
  }
}
