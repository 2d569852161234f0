/**
 * `[[ ... ]]` and the operators it shares with `test`/`[`: string and integer comparisons,
 * `==` patterns and `=~` regular expressions, file tests on the place's file system.
 */
import type { WorkspaceFs } from '../../workspace/workspace-fs.js';
import type { CondExpr } from '../ast.js';
import { expandPattern, expandWord } from './expand.js';
import { matchPattern } from './pattern.js';
import type { Exec } from './shell.js';
import { ShellError } from './signals.js';

/** Unary operators of `test` and `[[`. */
export const UNARY_OPERATORS = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h', '-z', '-n', '-a', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N']);
/** Binary operators of `test` and `[[`. */
export const BINARY_OPERATORS = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

/** Evaluates a unary test. */
export function unaryTest(op: string, arg: string, fs: WorkspaceFs): boolean {
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-a':
    case '-r':
    case '-w':
      return fs.stat(arg) !== undefined;
    case '-f':
      return fs.stat(arg) === 'file';
    case '-d':
    case '-x':
      return fs.stat(arg) === 'dir';
    case '-s':
      if (fs.stat(arg) === 'dir') return true;
      try {
        return fs.stat(arg) === 'file' && fs.readFile(arg).length > 0;
      } catch {
        return false;
      }
    default:
      return false;
  }
}

/** Evaluates a binary test; integer operators reject non-integers with the shell's message. */
export function binaryTest(op: string, a: string, b: string, name: string): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-nt':
    case '-ot':
    case '-ef':
      return false;
  }
  const x = integer(a, name);
  const y = integer(b, name);
  switch (op) {
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-lt':
      return x < y;
    case '-le':
      return x <= y;
    case '-gt':
      return x > y;
    case '-ge':
      return x >= y;
  }
  throw new ShellError(`${name}: ${op}: binary operator expected`, 2);
}

function integer(s: string, name: string): number {
  const t = s.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new ShellError(`${name}: ${s === '' ? "''" : s}: integer expected`, 2);
  return Number(t);
}

/** Evaluates a `[[ ]]` expression. */
export async function evaluateConditional(e: CondExpr, ex: Exec): Promise<boolean> {
  switch (e.type) {
    case 'CondNot':
      return !(await evaluateConditional(e.operand, ex));
    case 'CondAnd':
      return (await evaluateConditional(e.left, ex)) && evaluateConditional(e.right, ex);
    case 'CondOr':
      return (await evaluateConditional(e.left, ex)) || evaluateConditional(e.right, ex);
    case 'CondGroup':
      return evaluateConditional(e.expression, ex);
    case 'CondWord':
      return (await expandWord(e.word, ex)) !== '';
    case 'CondUnary':
      return unaryTest(e.operator, await expandWord(e.operand, ex), ex.sh.opts.fs);
    case 'CondBinary': {
      const left = await expandWord(e.left, ex);
      if (e.operator === '==' || e.operator === '=' || e.operator === '!=') {
        const matched = matchPattern(await expandPattern(e.right, ex), left);
        return e.operator === '!=' ? !matched : matched;
      }
      const right = await expandWord(e.right, ex);
      if (e.operator === '=~') {
        try {
          return new RegExp(right).test(left);
        } catch {
          return false;
        }
      }
      return binaryTest(e.operator, left, right, '[[');
    }
  }
}
