/**
 * The student's workspace as a file system. Two kinds: in memory (for `grade` and tests) and
 * a folder on disk (for `run` and the TUI). Paths are resolved against a current directory
 * inside the workspace; nothing outside the root can be read or written, `..` and symbolic
 * links included.
 */

/** What a path is. */
export type FileKind = 'file' | 'dir';

/** A workspace file system. Paths may be relative (to `cwd`) or absolute (within the root). */
export interface WorkspaceFs {
  /** The current directory as the student sees it, e.g. `/` or `/manifests`. */
  cwd(): string;
  /** Changes the current directory; throws FsError. */
  chdir(path: string): void;
  /** The kind of a path, or undefined if it does not exist. */
  stat(path: string): FileKind | undefined;
  /** The bytes of a file; throws FsError. */
  readFile(path: string): Uint8Array;
  /** Writes a file (creating or replacing it); throws FsError. */
  writeFile(path: string, data: Uint8Array | string): void;
  /** Entry names of a directory, sorted; throws FsError. */
  readDir(path: string): string[];
  /** Creates a directory (and parents when `recursive`). */
  mkdir(path: string, recursive?: boolean): void;
  /** Removes a file or (when `recursive`) a directory tree. */
  remove(path: string, recursive?: boolean): void;
}

/**
 * How much one session may add to a workspace, on disk (what `run` and the TUI write into the
 * folder) and in memory (`grade`, which also counts the starting files). Past either bound a
 * write fails with ENOSPC (`No space left on device`), as on a full disk.
 */
export const WORKSPACE_LIMITS = {
  /** Bytes: 64 MiB in memory; on disk, the folder's growth since the session opened. */
  maxBytes: 64 * 1024 * 1024,
  /** Files and folders: in memory all of them; on disk, those the session created. */
  maxEntries: 10_000,
} as const;

/** A file-system error with the errno-style code the shell reports. */
export class FsError extends Error {
  constructor(
    readonly code: 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'EEXIST' | 'EACCES' | 'ENOTEMPTY' | 'EFBIG' | 'ENOSPC',
    readonly path: string,
  ) {
    super(`${code}: ${path}`);
    this.name = 'FsError';
  }
}

/** Joins and normalises a path against `cwd` into an absolute workspace path (`/a/b`). */
export function normalizePath(cwd: string, path: string): string {
  const parts = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
}

/** Decodes UTF-8 text. */
export function decodeText(data: Uint8Array): string {
  return new TextDecoder().decode(data);
}
