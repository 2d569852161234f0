/**
 * Redirections: `<` `>` `>>` `>|` `<>` `&>` `&>>` `n>&m` `n>&-` `<<` `<<-` `<<<`, applied left
 * to right over file descriptors 0–2. Files are the place's file system (never the host's):
 * output to a file is gathered and written when the command ends (also when it is
 * interrupted), bounded by `maxFileBytes`. `/dev/null`, `/dev/stdout` and `/dev/stderr` are known.
 */
import { decodeText, FsError, type WorkspaceFs } from '../../workspace/workspace-fs.js';
import type { RedirectionNode } from '../ast.js';
import { expandWord } from './expand.js';
import type { LineRun } from './line-run.js';
import type { Exec, Streams } from './shell.js';

/** An in-memory sink (a pipe or `$(...)`), bounded by `maxOutputBytes`. */
export function captureSink(run: LineRun): { write(t: string): void; text(): string } {
  const chunks: string[] = [];
  let size = 0;
  return {
    write: (t: string) => {
      if (run.reason) return;
      size += t.length;
      if (size > run.limits.maxOutputBytes) {
        run.exceed(`more than ${run.limits.maxOutputBytes} bytes of output in one line`);
        return;
      }
      chunks.push(t);
    },
    text: () => chunks.join(''),
  };
}

interface FileSink {
  path: string;
  initial: string;
  chunks: string[];
  size: number;
}

/** Runs `fn` with the redirections applied; a failed redirection prints why and gives 1. */
export async function withRedirections(redirs: readonly RedirectionNode[], ex: Exec, fn: (ex: Exec) => Promise<number>): Promise<number> {
  if (redirs.length === 0) return fn(ex);
  const files: FileSink[] = [];
  const io: Streams = { ...ex.io };
  try {
    for (const r of redirs) {
      const err = await applyRedirection(r, io, ex, files);
      if (err) {
        ex.io.stderr(`${ex.sh.name}: ${err}\n`);
        return 1;
      }
    }
    return await fn({ ...ex, io });
  } finally {
    for (const f of files) {
      try {
        ex.sh.opts.fs.writeFile(f.path, f.initial + f.chunks.join(''));
      } catch (e) {
        ex.io.stderr(`${ex.sh.name}: can't create ${f.path}: ${errorText(e)}\n`);
      }
    }
  }
}

async function applyRedirection(r: RedirectionNode, io: Streams, ex: Exec, files: FileSink[]): Promise<string | undefined> {
  const fs = ex.sh.opts.fs;
  if (r.target.type === 'HereDoc') {
    let text = r.target.quoted ? literalText(r.target.content.parts) : await expandWord(r.target.content, ex);
    if (r.target.stripTabs) text = text.replace(/^\t+/gm, '');
    io.input = { text, pos: 0 };
    return undefined;
  }
  const target = await expandWord(r.target, ex);
  const fd = r.fd ?? (r.operator.startsWith('<') ? 0 : 1);
  switch (r.operator) {
    case '<<<':
      io.input = { text: `${target}\n`, pos: 0 };
      return undefined;
    case '<':
    case '<>': {
      if (fd !== 0) return undefined;
      if (target === '/dev/null') io.input = { text: '', pos: 0 };
      else if (target === '/dev/stdin') return undefined;
      else {
        try {
          io.input = { text: decodeText(fs.readFile(target)), pos: 0 };
        } catch (e) {
          return `can't open ${target}: ${errorText(e, 'no such file')}`;
        }
      }
      return undefined;
    }
    case '>&':
    case '<&': {
      if (/^\d+$/.test(target)) {
        const src = Number(target);
        if (src === 1 || src === 2) setFd(io, fd, src === 1 ? io.stdout : io.stderr);
        else if (src !== 0) return `${target}: Bad file descriptor`;
        return undefined;
      }
      if (target === '-') {
        setFd(io, fd, () => {});
        return undefined;
      }
      // `>& file` is `&> file`.
      return openOutput(target, false, io, [1, 2], ex, files);
    }
    case '&>':
    case '&>>':
      return openOutput(target, r.operator === '&>>', io, [1, 2], ex, files);
    default:
      return openOutput(target, r.operator === '>>', io, [fd], ex, files);
  }
}

function setFd(io: Streams, fd: number, write: (t: string) => void): void {
  if (fd === 1) io.stdout = write;
  else if (fd === 2) io.stderr = write;
}

function openOutput(path: string, append: boolean, io: Streams, fds: number[], ex: Exec, files: FileSink[]): string | undefined {
  if (path === '/dev/null') {
    for (const fd of fds) setFd(io, fd, () => {});
    return undefined;
  }
  if (path === '/dev/stdout' || path === '/dev/stderr') {
    const w = path === '/dev/stdout' ? io.stdout : io.stderr;
    for (const fd of fds) setFd(io, fd, w);
    return undefined;
  }
  const fs = ex.sh.opts.fs;
  let initial = '';
  try {
    if (append && fs.stat(path) === 'file') initial = decodeText(fs.readFile(path));
    fs.writeFile(path, initial);
  } catch (e) {
    return `can't create ${path}: ${errorText(e, 'nonexistent directory')}`;
  }
  const sink: FileSink = { path, initial, chunks: [], size: initial.length };
  files.push(sink);
  const run = ex.run;
  const write = (t: string) => {
    if (run.reason) return;
    sink.size += Buffer.byteLength(t);
    if (sink.size > run.limits.maxFileBytes) {
      run.exceed(`${path} would be larger than ${run.limits.maxFileBytes} bytes`);
      return;
    }
    sink.chunks.push(t);
  };
  for (const fd of fds) setFd(io, fd, write);
  return undefined;
}

/** busybox's errmsg(): a missing file or folder is named plainly, other errors by strerror. */
export function errorText(e: unknown, missing = 'No such file or directory'): string {
  if (!(e instanceof FsError)) return (e as Error)?.message ?? String(e);
  switch (e.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return missing;
    case 'EISDIR':
      return 'Is a directory';
    case 'EACCES':
      return 'Permission denied';
    case 'EFBIG':
      return 'File too large';
    case 'ENOSPC':
      return 'No space left on device';
    case 'EEXIST':
      return 'File exists';
    case 'ENOTEMPTY':
      return 'Directory not empty';
  }
}

function literalText(parts: readonly { type: string; value?: string }[]): string {
  return parts.map((p) => p.value ?? '').join('');
}

/** Reads a file of the place as text, or undefined. */
export function readText(fs: WorkspaceFs, path: string): string | undefined {
  try {
    return decodeText(fs.readFile(path));
  } catch {
    return undefined;
  }
}
