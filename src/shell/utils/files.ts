/**
 * ls (-a -A -1 -l -d, files before directories, `dir:` headers), mkdir (-p), rm (-r -f),
 * rmdir and touch over the place's file system. The workspace keeps no owners, modes or
 * times: `ls -l` shows `-rw-r--r--`/`drwxr-xr-x`, the user `root` and the virtual now.
 */
import type { CommandContext } from '../types.js';
import { errnoText, flavor, fsCode, parseOpts, quoteAlways, quoteLocale, reportOptError, usageError, writeBounded } from './common.js';
import { normalizePath } from '../../workspace/workspace-fs.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** One `ls -l` row of a path. */
function longRow(ctx: CommandContext, path: string, name: string): { text: string; blocks: number } {
  const dir = ctx.fs.stat(path) === 'dir';
  const size = dir ? 4096 : ctx.fs.readFile(path).length;
  const d = new Date(ctx.time.now());
  const when = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  const links = dir ? 2 : 1;
  const text = `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} ${links} root root ${String(size).padStart(5)} ${when} ${name}`;
  return { text, blocks: Math.ceil(size / 4096) * 4 };
}

/** The ls command. */
export function ls(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, { bool: 'aA1ldFph', long: { all: 'a', 'almost-all': 'A', directory: 'd' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, bb ? 1 : 2);
  const f = parsed.flags;
  const operands = parsed.operands.length === 0 ? ['.'] : parsed.operands;
  let status = 0;
  const files: string[] = [];
  const dirs: string[] = [];
  for (const op of operands) {
    const kind = ctx.fs.stat(op);
    if (kind === undefined) {
      status = bb ? 1 : 2;
      ctx.stderr(bb ? `ls: ${op}: No such file or directory\n` : `ls: cannot access ${quoteAlways(op)}: No such file or directory\n`);
    } else if (kind === 'dir' && !f.has('d')) dirs.push(op);
    else files.push(op);
  }
  const mark = (path: string, name: string): string =>
    (f.has('F') || f.has('p')) && ctx.fs.stat(path) === 'dir' ? `${name}/` : name;
  const render = (entries: { path: string; name: string }[], total: boolean): string => {
    if (!f.has('l')) return entries.map((e) => `${mark(e.path, e.name)}\n`).join('');
    const rows = entries.map((e) => longRow(ctx, e.path, mark(e.path, e.name)));
    const head = total ? `total ${rows.reduce((s, r) => s + r.blocks, 0)}\n` : '';
    return head + rows.map((r) => `${r.text}\n`).join('');
  };
  const sections: string[] = [];
  if (files.length > 0) sections.push(render(files.sort().map((p) => ({ path: p, name: p })), false));
  const headers = operands.length > 1;
  for (const dir of dirs.sort()) {
    let names = ctx.fs.readDir(dir);
    if (!f.has('a') && !f.has('A')) names = names.filter((n) => !n.startsWith('.'));
    const entries = names.map((n) => ({ path: `${dir.replace(/\/$/, '')}/${n}`, name: n }));
    if (f.has('a')) entries.unshift({ path: dir, name: '.' }, { path: `${dir}/..`, name: '..' });
    sections.push(`${headers ? `${dir}:\n` : ''}${render(entries, true)}`);
  }
  ctx.stdout(sections.join('\n'));
  return status;
}

/** The mkdir command. */
export function mkdir(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, { bool: 'pv', withValue: 'm', long: { parents: 'p', verbose: 'v', mode: 'm' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  if (parsed.operands.length === 0) return usageError(ctx, 'missing operand');
  let status = 0;
  for (const dir of parsed.operands) {
    try {
      ctx.fs.mkdir(dir, parsed.flags.has('p'));
      if (parsed.flags.has('v')) ctx.stdout(`mkdir: created directory ${quoteLocale(dir)}\n`);
    } catch (err) {
      const code = fsCode(err);
      status = 1;
      ctx.stderr(bb ? `mkdir: can't create directory '${dir}': ${errnoText(code)}\n`
        : `mkdir: cannot create directory ${quoteLocale(dir)}: ${errnoText(code)}\n`);
    }
  }
  return status;
}

/** The rm command. */
export function rm(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, { bool: 'rRfvid', long: { recursive: 'r', force: 'f', verbose: 'v', dir: 'd' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  const f = parsed.flags;
  const recursive = f.has('r') || f.has('R');
  if (parsed.operands.length === 0) return f.has('f') ? 0 : usageError(ctx, 'missing operand');
  let status = 0;
  const fail = (path: string, why: string): void => {
    status = 1;
    ctx.stderr(bb ? `rm: can't remove '${path}': ${why}\n` : `rm: cannot remove ${quoteAlways(path)}: ${why}\n`);
  };
  for (const path of parsed.operands) {
    const base = path.replace(/\/+$/, '').split('/').pop();
    if (recursive && (base === '.' || base === '..')) {
      status = 1;
      ctx.stderr(bb ? `rm: can't remove '.' or '..'\n` : `rm: refusing to remove '.' or '..' directory: skipping ${quoteAlways(path)}\n`);
      continue;
    }
    if (recursive && normalizePath(ctx.fs.cwd(), path) === '/') {
      status = 1;
      ctx.stderr(`rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n`);
      continue;
    }
    const kind = ctx.fs.stat(path);
    if (kind === undefined) { if (!f.has('f')) fail(path, 'No such file or directory'); continue; }
    if (kind === 'dir' && !recursive) {
      if (f.has('d') && ctx.fs.readDir(path).length === 0) { ctx.fs.remove(path, true); continue; }
      if (bb) { status = 1; ctx.stderr(`rm: '${path}' is a directory\n`); } else fail(path, 'Is a directory');
      continue;
    }
    try {
      ctx.fs.remove(path, recursive);
      if (f.has('v')) ctx.stdout(kind === 'dir' ? `removed directory ${quoteAlways(path)}\n` : `removed ${quoteAlways(path)}\n`);
    } catch (err) {
      fail(path, errnoText(fsCode(err)));
    }
  }
  return status;
}

/** The rmdir command. */
export function rmdir(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, { bool: 'p', long: { parents: 'p' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  if (parsed.operands.length === 0) return usageError(ctx, 'missing operand');
  let status = 0;
  for (const path of parsed.operands) {
    const kind = ctx.fs.stat(path);
    const why = kind === undefined ? 'No such file or directory' : kind === 'file' ? 'Not a directory'
      : ctx.fs.readDir(path).length > 0 ? 'Directory not empty' : undefined;
    if (why) {
      status = 1;
      ctx.stderr(bb ? `rmdir: '${path}': ${why}\n` : `rmdir: failed to remove ${quoteAlways(path)}: ${why}\n`);
      continue;
    }
    ctx.fs.remove(path, true);
  }
  return status;
}

/** The touch command: creates missing files (the workspace keeps no times). */
export function touch(ctx: CommandContext): number {
  const bb = flavor(ctx) === 'busybox';
  const parsed = parseOpts(ctx.args, { bool: 'acm', withValue: 'drt', long: { 'no-create': 'c', date: 'd', reference: 'r' } });
  if ('kind' in parsed) return reportOptError(ctx, parsed, 1);
  if (parsed.operands.length === 0) return usageError(ctx, 'missing file operand');
  let status = 0;
  for (const path of parsed.operands) {
    if (ctx.fs.stat(path) !== undefined || parsed.flags.has('c')) continue;
    const code = writeBounded(ctx, path, '');
    if (code) {
      status = 1;
      ctx.stderr(bb ? `touch: ${path}: ${errnoText(code)}\n` : `touch: cannot touch ${quoteAlways(path)}: ${errnoText(code)}\n`);
    }
  }
  return status;
}
