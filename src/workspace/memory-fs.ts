/** An in-memory workspace (for `grade` and tests), bounded in total size. */
import { FsError, normalizePath, WORKSPACE_LIMITS, type FileKind, type WorkspaceFs } from './workspace-fs.js';

/** Default bound on the bytes a memory workspace may hold: 64 MiB. */
export const DEFAULT_MEMORY_FS_LIMIT = WORKSPACE_LIMITS.maxBytes;

/** A workspace held in a Map. */
export class MemoryFs implements WorkspaceFs {
  private readonly files = new Map<string, Uint8Array>();
  private readonly dirs = new Set<string>(['/']);
  private current = '/';
  private bytes = 0;

  constructor(
    initial: Record<string, string | Uint8Array> = {},
    private readonly limitBytes = DEFAULT_MEMORY_FS_LIMIT,
  ) {
    for (const [path, data] of Object.entries(initial)) {
      const abs = normalizePath('/', path);
      this.mkdir(abs.slice(0, abs.lastIndexOf('/')) || '/', true);
      this.writeFile(abs, data);
    }
  }

  cwd(): string {
    return this.current;
  }

  chdir(path: string): void {
    const abs = normalizePath(this.current, path);
    if (!this.dirs.has(abs)) throw new FsError(this.files.has(abs) ? 'ENOTDIR' : 'ENOENT', path);
    this.current = abs;
  }

  stat(path: string): FileKind | undefined {
    const abs = normalizePath(this.current, path);
    if (this.dirs.has(abs)) return 'dir';
    if (this.files.has(abs)) return 'file';
    return undefined;
  }

  readFile(path: string): Uint8Array {
    const abs = normalizePath(this.current, path);
    const data = this.files.get(abs);
    if (data) return data;
    throw new FsError(this.dirs.has(abs) ? 'EISDIR' : 'ENOENT', path);
  }

  writeFile(path: string, data: Uint8Array | string): void {
    const abs = normalizePath(this.current, path);
    if (this.dirs.has(abs)) throw new FsError('EISDIR', path);
    if (!this.dirs.has(parentOf(abs))) throw new FsError('ENOENT', path);
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    const delta = bytes.length - (this.files.get(abs)?.length ?? 0);
    if (this.bytes + delta > this.limitBytes) throw new FsError('ENOSPC', path);
    if (!this.files.has(abs)) this.checkEntries(path);
    this.bytes += delta;
    this.files.set(abs, bytes);
  }

  readDir(path: string): string[] {
    const abs = normalizePath(this.current, path);
    if (!this.dirs.has(abs)) throw new FsError(this.files.has(abs) ? 'ENOTDIR' : 'ENOENT', path);
    const prefix = abs === '/' ? '/' : abs + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== abs && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]);
    }
    return [...names].sort();
  }

  mkdir(path: string, recursive = false): void {
    const abs = normalizePath(this.current, path);
    if (this.dirs.has(abs)) {
      if (recursive) return;
      throw new FsError('EEXIST', path);
    }
    if (this.files.has(abs)) throw new FsError('EEXIST', path);
    const parent = parentOf(abs);
    if (!this.dirs.has(parent)) {
      if (!recursive) throw new FsError('ENOENT', path);
      this.mkdir(parent, true);
    }
    this.checkEntries(path);
    this.dirs.add(abs);
  }

  remove(path: string, recursive = false): void {
    const abs = normalizePath(this.current, path);
    if (this.files.has(abs)) {
      this.bytes -= this.files.get(abs)!.length;
      this.files.delete(abs);
      return;
    }
    if (!this.dirs.has(abs) || abs === '/') throw new FsError('ENOENT', path);
    const children = this.readDir(abs);
    if (children.length > 0 && !recursive) throw new FsError('ENOTEMPTY', path);
    for (const c of children) this.remove(`${abs}/${c}`, true);
    this.dirs.delete(abs);
  }

  /** Refuses a new file or folder past WORKSPACE_LIMITS.maxEntries (the root not counted). */
  private checkEntries(path: string): void {
    if (this.files.size + this.dirs.size - 1 >= WORKSPACE_LIMITS.maxEntries) throw new FsError('ENOSPC', path);
  }
}

function parentOf(abs: string): string {
  return abs.slice(0, abs.lastIndexOf('/')) || '/';
}
