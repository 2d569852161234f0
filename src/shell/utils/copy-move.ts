/**
 * cp (-r/-R/-a, -f, -n, -v) and mv (-f, -n, -v): SOURCE DEST, or SOURCE... DIRECTORY. The
 * workspace has no rename, so mv copies then removes. Each written file respects
 * ctx.limits.maxFileBytes. Messages as GNU coreutils, busybox's in busybox containers.
 */
import type { CommandContext } from '../types.js';
import { normalizePath } from '../../workspace/workspace-fs.js';
import { errnoText, flavor, fsCode, parseOpts, quoteAlways, reportOptError, usageError, writeBounded } from './common.js';
import type { FsError } from '../../workspace/workspace-fs.js';

type Code = FsError['code'];

/** Copies a file or (when allowed) a tree; returns the first errno met and where. */
function copyTree(ctx: CommandContext, from: string, to: string): { code: Code; path: string } | undefined {
  if (ctx.fs.stat(from) === 'file') {
    let data: Uint8Array;
    try { data = ctx.fs.readFile(from); } catch (err) { return { code: fsCode(err), path: from }; }
    const code = writeBounded(ctx, to, data);
    return code ? { code, path: to } : undefined;
  }
  if (ctx.fs.stat(to) === undefined) {
    try { ctx.fs.mkdir(to); } catch (err) { return { code: fsCode(err), path: to }; }
  } else if (ctx.fs.stat(to) === 'file') return { code: 'EEXIST', path: to };
  for (const name of ctx.fs.readDir(from)) {
    if (ctx.signal.aborted) return undefined;
    const failed = copyTree(ctx, `${from.replace(/\/$/, '')}/${name}`, `${to.replace(/\/$/, '')}/${name}`);
    if (failed) return failed;
  }
  return undefined;
}

function baseName(path: string): string {
  return path.replace(/\/+$/, '').split('/').pop() || path;
}

/** The shared body of cp and mv. */
function copyOrMove(ctx: CommandContext, move: boolean): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, {
    bool: move ? 'fnvi' : 'rRafnvipdP',
    withValue: 't',
    long: { recursive: 'r', archive: 'a', force: 'f', 'no-clobber': 'n', verbose: 'v', 'target-directory': 't' },
  });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  const recursive = move || f.has('r') || f.has('R') || f.has('a');
  const ops = [...parsed.operands];
  const targetDir = f.get('t')?.at(-1);
  if (ops.length === 0) return usageError(ctx, 'missing file operand');
  if (targetDir === undefined && ops.length === 1) {
    return usageError(ctx, `missing destination file operand after ${quoteAlways(ops[0])}`);
  }
  const dest = targetDir ?? ops.pop()!;
  const destIsDir = ctx.fs.stat(dest) === 'dir';
  if ((ops.length > 1 || targetDir !== undefined) && !destIsDir) {
    const why = ctx.fs.stat(dest) === undefined ? 'No such file or directory' : 'Not a directory';
    if (bb) ctx.stderr(`${ctx.name}: '${dest}' is not a directory\n`);
    else ctx.stderr(`${ctx.name}: target ${quoteAlways(dest)}: ${why}\n`);
    return 1;
  }
  let status = 0;
  const say = (text: string): void => { status = 1; ctx.stderr(`${ctx.name}: ${text}\n`); };
  for (const src of ops) {
    const kind = ctx.fs.stat(src);
    const to = destIsDir ? `${dest.replace(/\/$/, '')}/${baseName(src)}` : dest;
    if (kind === undefined) {
      say(bb ? `can't stat '${src}': No such file or directory` : `cannot stat ${quoteAlways(src)}: No such file or directory`);
      continue;
    }
    if (kind === 'dir' && !recursive) {
      say(bb ? `omitting directory '${src}'` : `-r not specified; omitting directory ${quoteAlways(src)}`);
      continue;
    }
    const absFrom = normalizePath(ctx.fs.cwd(), src);
    const absTo = normalizePath(ctx.fs.cwd(), to);
    if (absFrom === absTo) {
      if (move && !bb) say(`${quoteAlways(src)} and ${quoteAlways(to)} are the same file`);
      else if (!move) say(`${quoteAlways(src)} and ${quoteAlways(to)} are the same file`);
      continue;
    }
    if (kind === 'dir' && absTo.startsWith(`${absFrom}/`)) {
      say(move ? `cannot move ${quoteAlways(src)} to a subdirectory of itself, ${quoteAlways(to)}`
        : `cannot copy a directory, ${quoteAlways(src)}, into itself, ${quoteAlways(to)}`);
      continue;
    }
    const existing = ctx.fs.stat(to);
    if (existing !== undefined && f.has('n')) continue;
    if (existing === 'dir' && kind === 'file') {
      say(`cannot overwrite directory ${quoteAlways(to)} with non-directory`);
      continue;
    }
    if (existing === 'file' && kind === 'dir') {
      say(`cannot overwrite non-directory ${quoteAlways(to)} with directory ${quoteAlways(src)}`);
      continue;
    }
    if (move && existing === 'dir' && ctx.fs.readDir(to).length > 0) {
      say(`cannot move ${quoteAlways(src)} to ${quoteAlways(to)}: Directory not empty`);
      continue;
    }
    const failed = copyTree(ctx, src, to);
    if (failed) {
      const verb = move ? 'cannot move' : 'cannot create regular file';
      say(bb ? `can't create '${failed.path}': ${errnoText(failed.code)}`
        : move ? `${verb} ${quoteAlways(src)} to ${quoteAlways(to)}: ${errnoText(failed.code)}`
        : `${verb} ${quoteAlways(failed.path)}: ${errnoText(failed.code)}`);
      continue;
    }
    if (move) ctx.fs.remove(src, true);
    if (f.has('v')) ctx.stdout(`${move ? 'renamed ' : ''}${quoteAlways(src)} -> ${quoteAlways(to)}\n`);
  }
  return status;
}

/** The cp command. */
export function cp(ctx: CommandContext): number {
  return copyOrMove(ctx, false);
}

/** The mv command. */
export function mv(ctx: CommandContext): number {
  return copyOrMove(ctx, true);
}
