/** Text and file utilities (cat, grep, head, ...), by name, with GNU or busybox behaviour by place. */
import type { CommandFn } from '../types.js';
import { cat, tee, wc } from './cat-tee-wc.js';
import { cp, mv } from './copy-move.js';
import { cut, tr } from './cut-tr.js';
import { date } from './date.js';
import { ls, mkdir, rm, rmdir, touch } from './files.js';
import { grep } from './grep.js';
import { head, tail } from './head-tail.js';
import { basename, dirname, env, printenv, seq } from './misc.js';
import { sort, uniq } from './sort-uniq.js';

/** `grep -E` and `grep -F` under their old names. */
const egrep: CommandFn = (ctx) => grep({ ...ctx, name: 'grep', args: ['-E', ...ctx.args] });
const fgrep: CommandFn = (ctx) => grep({ ...ctx, name: 'grep', args: ['-F', ...ctx.args] });

/** Every utility, by command name. */
export const UTILITIES: Record<string, CommandFn> = {
  basename, cat, cp, cut, date, dirname, egrep, env, fgrep, grep, head, ls, mkdir, mv,
  printenv, rm, rmdir, seq, sort, tail, tee, touch, tr, uniq, wc,
};
